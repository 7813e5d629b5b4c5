import 'server-only';
import { sql } from 'drizzle-orm';
import { env } from '@/lib/env';
import { getDatabase } from './database';
import { describeError } from './error-log';
import { DATABASE_RETRY_AFTER_SECONDS } from './http';

/**
 * `GET /api/v1/health` for a load balancer or a monitor: whether this instance can reach its
 * database now. One `SELECT 1` with a time limit; nothing about the data, the version or the
 * configuration beyond the engine's name.
 */

export const HEALTH_TIMEOUT_MS = 2_000;

export type Health =
  | { status: 'ok'; database: { state: 'ok'; engine: 'pglite' | 'postgres'; latencyMs: number } }
  | { status: 'unhealthy'; database: { state: 'unreachable' | 'timeout'; engine: 'pglite' | 'postgres' } };

const TIMED_OUT = Symbol('timeout');

export async function checkHealth(timeoutMs = HEALTH_TIMEOUT_MS): Promise<Health> {
  const engine = env.DATABASE_URL === undefined ? 'pglite' : 'postgres';
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const outcome = await Promise.race([
      getDatabase().then((db) => db.execute(sql`SELECT 1`)),
      new Promise<typeof TIMED_OUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
      }),
    ]);
    if (outcome === TIMED_OUT) return { status: 'unhealthy', database: { state: 'timeout', engine } };
    return { status: 'ok', database: { state: 'ok', engine, latencyMs: Math.round(performance.now() - started) } };
  } catch (error) {
    console.error(`[health] database unreachable: ${describeError(error)}`);
    return { status: 'unhealthy', database: { state: 'unreachable', engine } };
  } finally {
    clearTimeout(timer);
  }
}

export function healthResponse(health: Health, method: 'GET' | 'HEAD'): Response {
  const ok = health.status === 'ok';
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (!ok) headers['Retry-After'] = String(DATABASE_RETRY_AFTER_SECONDS);
  if (method === 'HEAD') return new Response(null, { status: ok ? 200 : 503, headers });
  return Response.json(health, { status: ok ? 200 : 503, headers });
}
