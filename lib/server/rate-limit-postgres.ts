import 'server-only';
import { createHash, createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db/client';
import { refillIntervalMs } from '@/lib/domain/rate-limit';
import type { Env } from '@/lib/env';
import type { RateLimitedAction, RateLimitStore } from './rate-limit';

/**
 * Rate-limit buckets in the `rate_limits` table, so every app instance on one PostgreSQL
 * database spends from the same allowance. The arithmetic is lib/domain/rate-limit.ts's, done
 * inside one UPSERT so that concurrent attempts from any instance are counted one by one.
 *
 * Nothing in the table names a client: the key is an HMAC of the action and the client address
 * (or e-mail address) under a secret the database does not hold, and a row is deleted once its
 * allowance is whole again.
 */

const SWEEP_EVERY_MS = 60_000;

const takeResultSchema = z.object({
  rows: z
    .array(
      z.object({
        /** When the key's allowance is whole again after this attempt; null when refused. */
        granted: z.coerce.number().nullable(),
        /** The same before this attempt; null for a key with no row. */
        previous: z.coerce.number().nullable(),
      }),
    )
    .length(1),
});

const rowsSchema = z.object({ rows: z.array(z.unknown()) });

export interface PostgresRateLimitStore extends RateLimitStore {
  /** Deletes the rows whose allowance is whole again (also done by `take`, once a minute). */
  sweep(now: number): Promise<number>;
}

export function createPostgresRateLimitStore(database: () => Promise<Database>, { secret }: { secret: string }): PostgresRateLimitStore {
  const keyHash = (action: RateLimitedAction, key: string) => createHmac('sha256', secret).update(`${action}\n${key}`).digest('hex');
  let lastSweep = Number.NEGATIVE_INFINITY;

  async function sweep(now: number): Promise<number> {
    lastSweep = now;
    const db = await database();
    const deleted = rowsSchema.parse(await db.execute(sql`DELETE FROM rate_limits WHERE refilled_at_ms <= ${now}::bigint RETURNING 1`));
    return deleted.rows.length;
  }

  return {
    async take(action, key, rateLimit, now) {
      if (now - lastSweep >= SWEEP_EVERY_MS) await sweep(now);
      const hash = keyHash(action, key);
      const interval = refillIntervalMs(rateLimit);
      const db = await database();
      // The outer SELECT reads the table as it was before the UPSERT (one snapshot for the whole
      // statement), which gives the refusal's Retry-After without a second round trip.
      const result = takeResultSchema.parse(
        await db.execute(sql`
          WITH taken AS (
            INSERT INTO rate_limits (key_hash, action, refilled_at_ms)
            VALUES (${hash}, ${action}, ${now}::bigint + ${interval}::bigint)
            ON CONFLICT (key_hash) DO UPDATE
              SET refilled_at_ms = GREATEST(rate_limits.refilled_at_ms, ${now}::bigint) + ${interval}::bigint
              WHERE GREATEST(rate_limits.refilled_at_ms, ${now}::bigint) + ${interval}::bigint - ${now}::bigint <= ${rateLimit.windowMs}::bigint
            RETURNING refilled_at_ms
          )
          SELECT (SELECT refilled_at_ms FROM taken)::float8 AS granted,
                 (SELECT refilled_at_ms FROM rate_limits WHERE key_hash = ${hash})::float8 AS previous`),
      );
      const [row] = result.rows;
      if (row?.granted !== null && row?.granted !== undefined) return { allowed: true, retryAfterMs: 0 };
      // Refused: an attempt comes back once the bucket has room for one more interval. (No previous
      // row: another instance made it after this statement's snapshot; wait one interval.)
      const previous = row?.previous ?? null;
      const retryAfterMs = previous === null ? interval : Math.max(previous, now) + interval - rateLimit.windowMs - now;
      return { allowed: false, retryAfterMs: Math.max(1, retryAfterMs) };
    },
    async giveBack(action, key, rateLimit) {
      const db = await database();
      await db.execute(
        sql`UPDATE rate_limits SET refilled_at_ms = refilled_at_ms - ${refillIntervalMs(rateLimit)}::bigint WHERE key_hash = ${keyHash(action, key)}`,
      );
    },
    async forget(action, key) {
      const db = await database();
      await db.execute(sql`DELETE FROM rate_limits WHERE key_hash = ${keyHash(action, key)}`);
    },
    sweep,
  };
}

/**
 * The HMAC key for the table's keys: RATE_LIMIT_SECRET, else one derived from DATABASE_URL,
 * which every instance shares and the database's tables do not hold. Either way a copy of the
 * table alone can't be turned back into addresses by hashing all 2^32 IPv4 addresses.
 */
export function rateLimitSecret(config: Pick<Env, 'RATE_LIMIT_SECRET' | 'DATABASE_URL'>): string {
  return config.RATE_LIMIT_SECRET ?? createHash('sha256').update(`roads-kill rate limits\n${config.DATABASE_URL ?? ''}`).digest('hex');
}
