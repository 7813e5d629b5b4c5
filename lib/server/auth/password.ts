import 'server-only';
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Staff passwords, hashed with scrypt (memory-hard, in node:crypto, nothing to install).
 * The stored string carries its parameters and salt:
 *
 *   scrypt$N=32768,r=8,p=1$<salt, base64>$<hash, base64>
 *
 * so the cost can be raised later: old hashes still verify with their own parameters and
 * `needsRehash` says when to store a new one. N=2^15, r=8 is OWASP's minimum for scrypt
 * (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#scrypt).
 */

export interface ScryptParameters {
  N: number;
  r: number;
  p: number;
}

export const CURRENT_PARAMETERS: ScryptParameters = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

/** scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly that at N=2^15, r=8, so raise it. */
function options({ N, r, p }: ScryptParameters): ScryptOptions {
  return { N, r, p, maxmem: 128 * N * r * p + 16 * 1024 * 1024 };
}

function derive(password: string, salt: Buffer, parameters: ScryptParameters, keyLength: number): Promise<Buffer> {
  // NFC: the same password typed with composed or decomposed letters (ą, ł…) is the same password.
  const normalised = password.normalize('NFC');
  return new Promise((resolve, reject) => {
    scrypt(normalised, salt, keyLength, options(parameters), (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function format({ N, r, p }: ScryptParameters, salt: Buffer, hash: Buffer): string {
  return `scrypt$N=${N},r=${r},p=${p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

interface ParsedHash {
  parameters: ScryptParameters;
  salt: Buffer;
  hash: Buffer;
}

/**
 * Reads a stored hash, or null if it isn't one of ours. The parameters are bounded, so a
 * corrupted row can't make one sign-in allocate gigabytes.
 */
export function parsePasswordHash(stored: string): ParsedHash | null {
  const match = /^scrypt\$N=(\d{1,8}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/.exec(stored);
  if (match === null) return null;
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const powerOfTwo = (N & (N - 1)) === 0;
  if (!powerOfTwo || N < 2 ** 10 || N > 2 ** 20 || r < 1 || r > 32 || p < 1 || p > 16) return null;
  const salt = Buffer.from(match[4] ?? '', 'base64');
  const hash = Buffer.from(match[5] ?? '', 'base64');
  if (salt.length < 16 || hash.length < 16 || hash.length > 64) return null;
  return { parameters: { N, r, p }, salt, hash };
}

export async function hashPassword(password: string, parameters: ScryptParameters = CURRENT_PARAMETERS): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  return format(parameters, salt, await derive(password, salt, parameters, KEY_LENGTH));
}

/** Compares in constant time. A malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  if (parsed === null) return false;
  const candidate = await derive(password, parsed.salt, parsed.parameters, parsed.hash.length);
  return timingSafeEqual(candidate, parsed.hash);
}

/** True when the hash was made with weaker parameters than today's: store a new one at next sign-in. */
export function needsRehash(stored: string): boolean {
  const parsed = parsePasswordHash(stored);
  if (parsed === null) return true;
  const { N, r, p } = parsed.parameters;
  return N < CURRENT_PARAMETERS.N || r < CURRENT_PARAMETERS.r || p < CURRENT_PARAMETERS.p;
}

let decoy: Promise<string> | undefined;

/**
 * Does the same work as checking a real password, for a sign-in whose e-mail address matches
 * no account: the answer then takes as long as for a wrong password, so timing doesn't tell
 * which addresses have accounts.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await decoy);
  return false;
}
