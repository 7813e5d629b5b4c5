import 'server-only';

/**
 * The staff session cookie, in one place. HttpOnly (no script can read it), Secure (HTTPS only;
 * browsers also accept it from http://localhost and 127.0.0.1 for local use), SameSite=Lax (not
 * sent with cross-site form posts) and path / (the staff pages live under every locale).
 */

export const STAFF_SESSION_COOKIE = 'rk_staff_session';

/**
 * A fixed 12 hours from sign-in, not sliding: one school day, after which the browser signs in
 * again. Server components can't set cookies, so a sliding expiry could only be renewed on some
 * requests; a fixed one means the cookie and the database row expire together.
 */
export const STAFF_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export function staffSessionCookie(token: string, expiresAt: Date) {
  return {
    name: STAFF_SESSION_COOKIE,
    value: token,
    httpOnly: true,
    secure: true,
    sameSite: 'lax' as const,
    path: '/',
    expires: expiresAt,
  };
}
