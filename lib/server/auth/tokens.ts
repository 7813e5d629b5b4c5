import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets handed to a browser (session cookies, setup and invite links). The database keeps
 * only their SHA-256, so a leaked copy of it can't be used to sign in or accept an invite.
 * A plain hash is enough here, unlike for passwords: the token is 256 random bits, not
 * something a person chose and an attacker could guess.
 */

const TOKEN_BYTES = 32;

/** 32 random bytes, base64url: 43 characters, safe in a URL path and a cookie. */
export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether a string could be one of our tokens; anything else is refused without a query. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
