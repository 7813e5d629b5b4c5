import { checkHealth, healthResponse } from '@/lib/server/health';

export const dynamic = 'force-dynamic';

/** 200 when this instance can reach its database, 503 with Retry-After when it can't. */
export async function GET(): Promise<Response> {
  return healthResponse(await checkHealth(), 'GET');
}

export async function HEAD(): Promise<Response> {
  return healthResponse(await checkHealth(), 'HEAD');
}
