import 'server-only';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { redirect } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import type { StaffRole } from '@/lib/db/schema';
import { safeNextPath } from '@/lib/api/staff-schemas';
import { getDatabase } from '@/lib/server/database';
import { STAFF_SESSION_COOKIE, staffSessionCookie } from './cookies';
import { createStaffSession, deleteStaffSession, findStaffBySessionToken, type NewStaffSession, type Staff } from './staff-sessions';

export type { Staff } from './staff-sessions';

/** The signed-in member of staff, from the session cookie; looked up once per request. */
export const getCurrentStaff = cache(async (): Promise<Staff | null> => {
  const token = (await cookies()).get(STAFF_SESSION_COOKIE)?.value;
  if (token === undefined) return null;
  return findStaffBySessionToken(await getDatabase(), token);
});

/**
 * For staff pages and actions: the signed-in member of staff with one of `roles` (any role if
 * omitted). Not signed in: redirects to the sign-in page, which comes back to `next`
 * afterwards. Next.js gives server components no way to read the current path, so the page
 * passes its own path without the locale (e.g. `/teach/sessions/${id}`); without it, sign-in
 * leads to `/teach`. Signed in with another role: a 404, as for a page that doesn't exist.
 */
export async function requireStaff(locale: Locale, roles?: readonly StaffRole[], next?: string): Promise<Staff> {
  const staff = await getCurrentStaff();
  if (staff === null) {
    const back = safeNextPath(next);
    return redirect({ href: back === null ? '/staff/sign-in' : `/staff/sign-in?next=${encodeURIComponent(back)}`, locale });
  }
  if (roles !== undefined && !roles.includes(staff.role)) notFound();
  return staff;
}

/**
 * For Server Actions: puts a new session in this browser's cookie, ending the session the
 * browser had before (if any). Only a Server Action or route handler may set cookies.
 */
export async function setStaffSessionCookie(session: NewStaffSession): Promise<void> {
  const store = await cookies();
  const previous = store.get(STAFF_SESSION_COOKIE)?.value;
  if (previous !== undefined) await deleteStaffSession(await getDatabase(), previous);
  store.set(staffSessionCookie(session.token, session.expiresAt));
}

/** For Server Actions: signs this browser in as `userId` (after setup or accepting an invite). */
export async function startStaffSession(userId: string): Promise<void> {
  await setStaffSessionCookie(await createStaffSession(await getDatabase(), userId));
}

/** For Server Actions: signs this browser out, on the server (the session row) and in the browser. */
export async function endStaffSession(): Promise<void> {
  const store = await cookies();
  const token = store.get(STAFF_SESSION_COOKIE)?.value;
  if (token !== undefined) await deleteStaffSession(await getDatabase(), token);
  const { value: _value, expires: _expires, ...options } = staffSessionCookie('', new Date(0));
  store.delete(options);
}
