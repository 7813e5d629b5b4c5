/**
 * Join codes: short enough to read off a projector and say aloud, hard enough to guess.
 *
 * Six characters from 30 letters and digits that can't be mistaken for each other on a
 * projector or a phone (no 0/O, 1/I/L, and no V beside U), so 30^6 ≈ 729 million codes. With a few hundred open sessions and joining rate-limited per
 * address (lib/server/rate-limit.ts), guessing one is not practical. Shown as two groups of
 * three ("KTM 4RX"); typed in any case, with or without the space or a dash.
 */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUWXYZ23456789' as const;
export const JOIN_CODE_LENGTH = 6;

/** Makes a code from random bytes (the caller owns randomness: crypto in the app, fixed bytes in tests). */
export function joinCodeFromBytes(bytes: Uint8Array): string {
  const n = JOIN_CODE_ALPHABET.length;
  // Rejection sampling: bytes ≥ the largest multiple of n would bias the first letters.
  const limit = 256 - (256 % n);
  let code = '';
  for (const byte of bytes) {
    if (byte >= limit) continue;
    code += JOIN_CODE_ALPHABET[byte % n];
    if (code.length === JOIN_CODE_LENGTH) return code;
  }
  throw new RangeError('not enough random bytes for a join code');
}

/** What a student typed, as a code, or null if it can't be one. */
export function normaliseJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const char of code) if (!JOIN_CODE_ALPHABET.includes(char)) return null;
  return code;
}

/** "KTM4RX" → "KTM 4RX", for reading aloud. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}
