import 'server-only';
import { env } from '@/lib/env';
import { giveAttemptBack, takeAttempt, type RateLimit, type RateLimitDecision } from '@/lib/domain/rate-limit';
import { getDatabase } from './database';
import { createPostgresRateLimitStore, rateLimitSecret } from './rate-limit-postgres';

const MINUTE = 60_000;

/**
 * Every limit the app keeps, one per action, shared by the pages, the server actions and the
 * API routes that do it. Each is a token bucket (lib/domain/rate-limit.ts): `limit` at once,
 * then one every `windowMs / limit`.
 */
export const RATE_LIMITS = {
  /**
   * Wrong join codes per client address: 60 at once, then one every 10 seconds. A class
   * mistyping never gets near it; guessing among 729 million codes gets nowhere (SECURITY.md).
   */
  joinCode: { limit: 60, windowMs: 10 * MINUTE },
  /**
   * Failed sign-ins per e-mail address and client address together: 5, then one every 3 minutes.
   * Keyed on the pair, so a guesser slows down only themselves, never the staff member.
   */
  signInAccount: { limit: 5, windowMs: 15 * MINUTE },
  /** Failed sign-ins per client address, whatever the e-mail address: 20, then one every 45 seconds. */
  signInAddress: { limit: 20, windowMs: 15 * MINUTE },
} as const satisfies Record<string, RateLimit>;

export type RateLimitedAction = keyof typeof RATE_LIMITS;
export type { RateLimitDecision };

/** Where the buckets live: this process's memory, or a PostgreSQL table every instance shares. */
export interface RateLimitStore {
  /** Spends one attempt if the key has one left, atomically: two requests never spend the same one. */
  take(action: RateLimitedAction, key: string, rateLimit: RateLimit, now: number): Promise<RateLimitDecision>;
  /** Gives one attempt back. */
  giveBack(action: RateLimitedAction, key: string, rateLimit: RateLimit, now: number): Promise<void>;
  /** Forgets the key: its allowance is whole again. */
  forget(action: RateLimitedAction, key: string): Promise<void>;
}

/**
 * The app's limits. Callers spend an attempt before doing what is limited and give it back when
 * it turns out to be no failure (a right code, a right password). Checking first and counting
 * afterwards would let a client send a thousand requests at once, all checked before any counted.
 */
export interface RateLimits {
  take(action: RateLimitedAction, key: string): Promise<RateLimitDecision>;
  giveBack(action: RateLimitedAction, key: string): Promise<void>;
  forget(action: RateLimitedAction, key: string): Promise<void>;
}

export function createRateLimits(store: RateLimitStore, now: () => number = Date.now): RateLimits {
  return {
    take: (action, key) => store.take(action, key, RATE_LIMITS[action], now()),
    giveBack: (action, key) => store.giveBack(action, key, RATE_LIMITS[action], now()),
    forget: (action, key) => store.forget(action, key),
  };
}

/**
 * Buckets in this process's memory. Keys (client addresses, e-mail addresses) are never stored
 * or logged, and are forgotten once their allowance is whole again.
 */
export function createMemoryRateLimitStore({ maxKeys = 10_000 }: { maxKeys?: number } = {}): RateLimitStore & { size(): number } {
  /** When each key's allowance is whole again; Map order is least recently spent first. */
  const refilledAt = new Map<string, number>();
  const id = (action: RateLimitedAction, key: string) => `${action}\n${key}`;

  function keepBounded(now: number): void {
    if (refilledAt.size <= maxKeys) return;
    for (const [key, at] of refilledAt) if (at <= now) refilledAt.delete(key);
    // Still too many live keys (a flood of distinct keys): drop the least recently spent.
    for (const key of refilledAt.keys()) {
      if (refilledAt.size <= maxKeys) break;
      refilledAt.delete(key);
    }
  }

  return {
    async take(action, key, rateLimit, now) {
      const decision = takeAttempt(refilledAt.get(id(action, key)), now, rateLimit);
      if (decision.allowed && decision.refilledAt !== undefined) {
        refilledAt.delete(id(action, key));
        refilledAt.set(id(action, key), decision.refilledAt);
        keepBounded(now);
      }
      return { allowed: decision.allowed, retryAfterMs: decision.retryAfterMs };
    },
    async giveBack(action, key, rateLimit, now) {
      const earlier = giveAttemptBack(refilledAt.get(id(action, key)), now, rateLimit);
      if (earlier === undefined) refilledAt.delete(id(action, key));
      else refilledAt.set(id(action, key), earlier);
    },
    async forget(action, key) {
      refilledAt.delete(id(action, key));
    },
    size: () => refilledAt.size,
  };
}

/**
 * With DATABASE_URL, the buckets live in PostgreSQL, so several instances behind a load
 * balancer share one allowance instead of each granting the full amount. PGlite keeps them in
 * memory: only one process may own its data folder, so memory is shared by everyone already,
 * and the embedded database, which runs on the server's own thread, is spared a write per
 * attempt while a hall of phones joins.
 */
function createAppRateLimits(): RateLimits {
  const store =
    env.DATABASE_URL === undefined
      ? createMemoryRateLimitStore()
      : createPostgresRateLimitStore(getDatabase, { secret: rateLimitSecret(env) });
  return createRateLimits(store);
}

// On globalThis, like the database: Next bundles pages, server actions and route handlers
// apart, and a module-level limiter would be one per bundle, not one per action.
const globalStore = globalThis as typeof globalThis & { __roadsKillRateLimits?: RateLimits };

export function appRateLimits(): RateLimits {
  return (globalStore.__roadsKillRateLimits ??= createAppRateLimits());
}
