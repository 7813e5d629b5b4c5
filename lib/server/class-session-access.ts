import 'server-only';
import type { ClassSessionRow } from '@/lib/db/schema';
import { normaliseJoinCode } from '@/lib/domain/join-code';
import { canAccessClassSession } from '@/lib/domain/staff-access';
import { z } from 'zod';
import { getCurrentStaff, type Staff } from './auth/current-staff';
import { findClassSession, findClassSessionByCode, sessionOfParticipant } from './class-sessions';
import { getDatabase } from './database';
import { failure, tooManyAttempts, type ApiFailure, type ApiOutcome } from './http';
import { clientAddress, requestHost } from './client-address';
import { appRateLimits, type RateLimits } from './rate-limit';

/**
 * Finding a class session from a request, for the route handlers: by join code for phones
 * (with wrong codes rate-limited per address, so codes can't be guessed by trying them), and by
 * id for staff (signed in and allowed to see it, else 404 so nothing tells a session exists).
 */

const sessionIdSchema = z.uuid();

type Found<T> = { ok: true; value: T } | { ok: false; outcome: ApiOutcome };

const fail = (outcome: ApiOutcome): { ok: false; outcome: ApiOutcome } => ({ ok: false, outcome });

export type JoinCodeLookup =
  | { ok: true; session: ClassSessionRow }
  | { ok: false; error: 'invalid' | 'unknown' }
  | { ok: false; error: 'too_many'; retryAfterMs: number };

export interface JoinCodeLookupOptions {
  /** The participant id of a phone that says it is already in the session. */
  member?: string;
  limits?: RateLimits;
}

/**
 * A join code as typed, looked up; wrong codes count against the address that sent them
 * (RATE_LIMITS.joinCode), and only wrong ones: a whole class may join from one school address at
 * once. The attempt is spent before the lookup and given back for a right code, so a burst of
 * guesses sent together can't all be looked up before any is counted. A phone already in the
 * session names itself (`member`) and is never held up, so a prankster's wrong codes can delay
 * newcomers behind the same address but not cut off a class in progress.
 */
export async function lookUpJoinCode(
  input: string,
  address: string,
  { member, limits = appRateLimits() }: JoinCodeLookupOptions = {},
): Promise<JoinCodeLookup> {
  const code = normaliseJoinCode(input);
  const db = await getDatabase();
  const now = new Date();
  if (member !== undefined && code !== null && sessionIdSchema.safeParse(member).success) {
    const session = await sessionOfParticipant(db, member, now);
    if (session?.joinCode === code) return { ok: true, session };
  }
  const attempt = await limits.take('joinCode', address);
  if (!attempt.allowed) return { ok: false, error: 'too_many', retryAfterMs: attempt.retryAfterMs };
  const session = code === null ? null : await findClassSessionByCode(db, code, now);
  if (session === null) return { ok: false, error: code === null ? 'invalid' : 'unknown' };
  await limits.giveBack('joinCode', address);
  return { ok: true, session };
}

/** For the phones' routes: a phone already in the session passes `?participant=<its id>`. */
export async function sessionFromJoinCode(request: Request, code: string): Promise<Found<ClassSessionRow>> {
  const member = new URL(request.url).searchParams.get('participant') ?? undefined;
  const found = await lookUpJoinCode(code, clientAddress(request.headers), { member });
  if (found.ok) return { ok: true, value: found.session };
  if (found.error === 'too_many') return fail(tooManyAttempts(found.retryAfterMs));
  return fail(failure(404, 'unknown_session'));
}

/** The session and the signed-in staff member who may run it; 401 signed out, 404 otherwise. */
export async function sessionForStaff(id: string): Promise<Found<{ session: ClassSessionRow; staff: Staff }>> {
  const staff = await getCurrentStaff();
  if (!staff) return fail(failure(401, 'not_signed_in'));
  if (!sessionIdSchema.safeParse(id).success) return fail(failure(404, 'not_found'));
  const session = await findClassSession(await getDatabase(), id, new Date());
  if (!session || !canAccessClassSession(staff, session)) return fail(failure(404, 'not_found'));
  return { ok: true, value: { session, staff } };
}

/**
 * Staff commands change things, so they must come from this site's own pages: the browser's
 * Origin header must name this host (SameSite cookies already stop most cross-site requests;
 * this closes the rest). X-Forwarded-Host counts only from a trusted proxy (TRUSTED_PROXY_HOPS).
 */
export function crossSiteFailure(request: Request, trustedProxyHops?: number): ApiFailure | null {
  const origin = request.headers.get('origin');
  const host = requestHost(request.headers, trustedProxyHops);
  if (origin === null || host === null) return { status: 403, code: 'forbidden_origin' };
  try {
    return new URL(origin).host === host ? null : { status: 403, code: 'forbidden_origin' };
  } catch {
    return { status: 403, code: 'forbidden_origin' };
  }
}
