/**
 * Rate limits as a token bucket (the "generic cell rate algorithm"): a key may spend `limit`
 * attempts at once, and earns one back every `windowMs / limit`. So "60 per 10 minutes" is 60 at
 * once, then one every 10 seconds: 360 an hour at most, and a client that has spent its allowance
 * waits seconds for the next attempt, not the whole window. (In the first window after a pause it
 * can spend up to twice `limit`: the burst and what comes back meanwhile.)
 *
 * The whole state of a key is one time, `refilledAt`: when its allowance is whole again. Before
 * that, `(refilledAt - now) / interval` attempts are spent; after it, the key can be forgotten.
 * One number per key is what lets the PostgreSQL store update it with one UPSERT
 * (lib/server/rate-limit-postgres.ts, which does the same arithmetic in SQL).
 */

export interface RateLimit {
  /** Attempts allowed at once, and in any `windowMs`. */
  limit: number;
  windowMs: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** When refused: how long until one attempt is allowed again; 0 when allowed. */
  retryAfterMs: number;
}

/** How long one attempt takes to come back. Whole milliseconds, so both stores count alike. */
export function refillIntervalMs({ limit, windowMs }: RateLimit): number {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
  const interval = windowMs / limit;
  if (!Number.isInteger(interval) || interval < 1) throw new RangeError('windowMs must be a whole number of milliseconds per attempt');
  return interval;
}

/**
 * Spends one attempt if there is one. `refilledAt` undefined: a key never seen (or forgotten).
 * A refused attempt changes nothing, so a client that keeps trying gets in again as soon as one
 * attempt has come back, not kept out for ever.
 */
export function takeAttempt(
  refilledAt: number | undefined,
  now: number,
  rateLimit: RateLimit,
): RateLimitDecision & { refilledAt: number | undefined } {
  const interval = refillIntervalMs(rateLimit);
  const next = Math.max(refilledAt ?? now, now) + interval;
  if (next - now <= rateLimit.windowMs) return { allowed: true, retryAfterMs: 0, refilledAt: next };
  return { allowed: false, retryAfterMs: next - rateLimit.windowMs - now, refilledAt };
}

/**
 * Gives one spent attempt back (the code was right, the password was right): only failures
 * count. Undefined once nothing is spent, so the key can be forgotten.
 */
export function giveAttemptBack(refilledAt: number | undefined, now: number, rateLimit: RateLimit): number | undefined {
  if (refilledAt === undefined) return undefined;
  const earlier = refilledAt - refillIntervalMs(rateLimit);
  return earlier > now ? earlier : undefined;
}
