import 'server-only';
import { eq } from 'drizzle-orm';
import type { SignInBody } from '@/lib/api/staff-schemas';
import type { Database } from '@/lib/db/client';
import { staffUsers } from '@/lib/db/schema';
import { createRateLimiter, type RateLimiter } from '@/lib/server/rate-limit';
import { hashPassword, needsRehash, verifyAgainstDecoy, verifyPassword } from './password';
import { createStaffSession, type NewStaffSession } from './staff-sessions';

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/**
 * Failed sign-ins allowed in any 15 minutes. Per e-mail address, 5: a guesser gets 20 tries an
 * hour at one account. Per client address, 20: a school's staff often share one public address,
 * and one teacher's typos should not lock out the staffroom; it still stops one machine trying
 * many accounts.
 */
export const SIGN_IN_LIMITS = {
  perEmail: { limit: 5, windowMs: FIFTEEN_MINUTES },
  perAddress: { limit: 20, windowMs: FIFTEEN_MINUTES },
} as const;

export interface SignInLimiters {
  byEmail: RateLimiter;
  byAddress: RateLimiter;
}

export function createSignInLimiters(now?: () => number): SignInLimiters {
  return {
    byEmail: createRateLimiter({ ...SIGN_IN_LIMITS.perEmail, now }),
    byAddress: createRateLimiter({ ...SIGN_IN_LIMITS.perAddress, now }),
  };
}

/** The app's limiters: one set per server process. */
const appLimiters = createSignInLimiters();

export type SignInResult =
  | { ok: true; userId: string; session: NewStaffSession }
  /** The same for an unknown address and a wrong password, so neither is revealed. */
  | { ok: false; error: 'wrong_credentials' }
  | { ok: false; error: 'too_many_attempts'; retryAfterMs: number };

export interface SignInOptions {
  limiters?: SignInLimiters;
  now?: Date;
}

/**
 * Checks an e-mail address and password and, if they match, opens a session. While either
 * limit is reached every attempt is refused, a right password included, so guessing gains
 * nothing. Only failures count; a success clears the address's e-mail counter.
 */
export async function signIn(
  db: Database,
  { email, password, address }: SignInBody & { address: string },
  { limiters = appLimiters, now = new Date() }: SignInOptions = {},
): Promise<SignInResult> {
  const limits = [limiters.byEmail.check(email), limiters.byAddress.check(address)];
  if (limits.some((limit) => !limit.allowed)) {
    console.warn('[auth] sign-in refused: too many failed attempts');
    return { ok: false, error: 'too_many_attempts', retryAfterMs: Math.max(...limits.map((l) => l.retryAfterMs)) };
  }

  const [user] = await db
    .select({ id: staffUsers.id, passwordHash: staffUsers.passwordHash })
    .from(staffUsers)
    .where(eq(staffUsers.email, email))
    .limit(1);
  const matches = user === undefined ? await verifyAgainstDecoy(password) : await verifyPassword(password, user.passwordHash);
  if (user === undefined || !matches) {
    limiters.byEmail.hit(email);
    limiters.byAddress.hit(address);
    return { ok: false, error: 'wrong_credentials' };
  }

  limiters.byEmail.reset(email);
  if (needsRehash(user.passwordHash)) {
    await db.update(staffUsers).set({ passwordHash: await hashPassword(password) }).where(eq(staffUsers.id, user.id));
  }
  return { ok: true, userId: user.id, session: await createStaffSession(db, user.id, now) };
}
