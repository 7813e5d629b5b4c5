import 'server-only';
import { eq } from 'drizzle-orm';
import type { SignInBody } from '@/lib/api/staff-schemas';
import type { Database } from '@/lib/db/client';
import { staffUsers } from '@/lib/db/schema';
import { appRateLimits, type RateLimitDecision, type RateLimits } from '@/lib/server/rate-limit';
import { hashPassword, needsRehash, verifyAgainstDecoy, verifyPassword } from './password';
import { createStaffSession, type NewStaffSession } from './staff-sessions';

export type SignInResult =
  | { ok: true; userId: string; session: NewStaffSession }
  /** The same for an unknown address and a wrong password, so neither is revealed. */
  | { ok: false; error: 'wrong_credentials' }
  | { ok: false; error: 'too_many_attempts'; retryAfterMs: number };

export interface SignInOptions {
  limits?: RateLimits;
  now?: Date;
}

/** The e-mail address and the client address together: what RATE_LIMITS.signInAccount counts. */
const accountKey = (email: string, address: string) => `${email}\n${address}`;

/**
 * Checks an e-mail address and password and, if they match, opens a session. Failures slow down
 * the e-mail address from that client address (RATE_LIMITS.signInAccount) and the client address
 * whatever the e-mail (signInAddress); while either is spent every attempt from that client is
 * refused, a right password too, so guessing gains nothing. Nothing is counted per e-mail
 * address alone: a guesser elsewhere never keeps the staff member out.
 *
 * The attempts are spent before the (slow) password check and given back on success, so a burst
 * of guesses sent at once is counted one by one. A success also clears its own pair's count.
 */
export async function signIn(
  db: Database,
  { email, password, address }: SignInBody & { address: string },
  { limits = appRateLimits(), now = new Date() }: SignInOptions = {},
): Promise<SignInResult> {
  const account = accountKey(email, address);
  const spent = { signInAccount: await limits.take('signInAccount', account), signInAddress: await limits.take('signInAddress', address) };
  if (!spent.signInAccount.allowed || !spent.signInAddress.allowed) {
    if (spent.signInAccount.allowed) await limits.giveBack('signInAccount', account);
    if (spent.signInAddress.allowed) await limits.giveBack('signInAddress', address);
    console.warn('[auth] sign-in refused: too many failed attempts');
    return { ok: false, error: 'too_many_attempts', retryAfterMs: longestWait(Object.values(spent)) };
  }

  const [user] = await db
    .select({ id: staffUsers.id, passwordHash: staffUsers.passwordHash })
    .from(staffUsers)
    .where(eq(staffUsers.email, email))
    .limit(1);
  const matches = user === undefined ? await verifyAgainstDecoy(password) : await verifyPassword(password, user.passwordHash);
  if (user === undefined || !matches) return { ok: false, error: 'wrong_credentials' };

  await limits.forget('signInAccount', account);
  await limits.giveBack('signInAddress', address);
  if (needsRehash(user.passwordHash)) {
    await db.update(staffUsers).set({ passwordHash: await hashPassword(password) }).where(eq(staffUsers.id, user.id));
  }
  return { ok: true, userId: user.id, session: await createStaffSession(db, user.id, now) };
}

const longestWait = (decisions: RateLimitDecision[]) => Math.max(...decisions.map((decision) => decision.retryAfterMs));
