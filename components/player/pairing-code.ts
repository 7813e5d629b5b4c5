/**
 * The device's pairing code: one random 128-bit code per device (per browser profile), kept in
 * its own localStorage key and shared by every participant the device makes, on its own or in
 * any class session. It is sent once, when each participant is created, and the server stores
 * only its hash, so a follow-up session weeks later can be matched with this device's first
 * visit (DESIGN.md, "Privacy by design") and with nothing else.
 *
 * Before there was one code per device, each stored progress had its own, never sent; those are
 * left unused (no server knows them, so nothing is lost), and the device-wide code is sent for
 * every new participant.
 */
const KEY = 'rk:pairing-code';
const CODE = /^[0-9a-f]{32}$/;

/** For the page's life when storage is blocked: pairs nothing later, but joins like any other. */
let inMemory: string | null = null;

function randomCode(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function devicePairingCode(): string {
  try {
    const stored = window.localStorage.getItem(KEY);
    if (stored !== null && CODE.test(stored)) return stored;
    window.localStorage.setItem(KEY, randomCode());
    // Read back: another tab made its code at the same moment, and the one stored is the device's.
    const kept = window.localStorage.getItem(KEY);
    if (kept !== null && CODE.test(kept)) return kept;
  } catch {
    // Storage blocked (private mode): fall through to a code for this page's life.
  }
  inMemory ??= randomCode();
  return inMemory;
}
