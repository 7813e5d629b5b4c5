import 'server-only';
import { requestHost, requestProtocol } from '@/lib/server/client-address';

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

/**
 * Whether a browser will keep the Secure cookie on this connection: HTTPS, or a loopback host
 * (browsers treat http://localhost and 127.0.0.1 as secure). On plain HTTP to a network address
 * (a laptop at http://192.168.1.20:3000) it is dropped silently, so the sign-in pages say so
 * instead of leaving a teacher at the sign-in form for ever. HTTPS and the host are what a
 * trusted proxy says (TRUSTED_PROXY_HOPS), else the request's own.
 */
export function secureCookieAccepted(requestHeaders: Pick<Headers, 'get'>, trustedProxyHops?: number): boolean {
  if (requestProtocol(requestHeaders, trustedProxyHops) === 'https') return true;
  const host = requestHost(requestHeaders, trustedProxyHops) ?? '';
  const hostname = host.replace(/:\d+$/, '').toLowerCase();
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
