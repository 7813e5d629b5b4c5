import 'server-only';

/**
 * A small in-memory sliding-window limiter: at most `limit` hits per key in any `windowMs`.
 * It lives in one process, so with several app instances each counts on its own (the limit is
 * then per instance); that is enough to slow a guesser down, which is all it is for.
 *
 * Keys are whatever the caller counts by (an e-mail address, a client address, a join code).
 * They stay in memory only, are never logged or stored, and are forgotten once their window
 * has passed.
 */

export interface RateLimitResult {
  /** Whether this attempt (for `hit`) or the next one (for `check`) is within the limit. */
  allowed: boolean;
  /** When not allowed: how long until the oldest hit in the window expires; 0 when allowed. */
  retryAfterMs: number;
}

export interface RateLimiter {
  /** Would another hit be allowed now? Records nothing. */
  check(key: string): RateLimitResult;
  /**
   * Records one hit if it is within the limit. A refused hit is not recorded, so a client that
   * keeps trying is let in again once its window has passed, not kept out for ever.
   */
  hit(key: string): RateLimitResult;
  /** Forgets the key (e.g. after a successful sign-in). */
  reset(key: string): void;
  /** How many keys are held (for tests and a sanity check on memory). */
  size(): number;
}

export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
  /** The clock; tests pass their own. */
  now?: () => number;
  /** Past this many keys, stale ones are swept and then the oldest dropped, so memory stays bounded. */
  maxKeys?: number;
}

export function createRateLimiter({ limit, windowMs, now = Date.now, maxKeys = 10_000 }: RateLimiterOptions): RateLimiter {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
  if (!(windowMs > 0)) throw new RangeError('windowMs must be positive');
  /** Hit times per key, oldest first. */
  const hits = new Map<string, number[]>();

  /** The key's hits still inside the window at `at`; an empty list is removed. */
  function recent(key: string, at: number): number[] {
    const times = hits.get(key);
    if (times === undefined) return [];
    const firstLive = times.findIndex((time) => time > at - windowMs);
    const live = firstLive === -1 ? [] : times.slice(firstLive);
    if (live.length === 0) hits.delete(key);
    else if (live.length !== times.length) hits.set(key, live);
    return live;
  }

  function result(live: readonly number[], at: number): RateLimitResult {
    if (live.length < limit) return { allowed: true, retryAfterMs: 0 };
    const oldest = live[live.length - limit] ?? at;
    return { allowed: false, retryAfterMs: Math.max(1, oldest + windowMs - at) };
  }

  function keepBounded(at: number): void {
    if (hits.size <= maxKeys) return;
    for (const key of [...hits.keys()]) recent(key, at);
    // Still too many live keys (a flood of distinct keys): drop the longest-held first.
    for (const key of hits.keys()) {
      if (hits.size <= maxKeys) break;
      hits.delete(key);
    }
  }

  return {
    check(key) {
      const at = now();
      return result(recent(key, at), at);
    },
    hit(key) {
      const at = now();
      const live = recent(key, at);
      const before = result(live, at);
      if (!before.allowed) return before;
      hits.delete(key); // re-inserted last, so Map order is least recently hit first
      hits.set(key, [...live, at]);
      keepBounded(at);
      return before;
    },
    reset(key) {
      hits.delete(key);
    },
    size: () => hits.size,
  };
}
