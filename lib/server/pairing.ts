import 'server-only';
import { createHash } from 'node:crypto';

/**
 * The only form in which the server keeps a device's pairing code (DESIGN.md, "Privacy by
 * design"): its SHA-256, in hex. The code is 128 random bits, so an unsalted hash can't be
 * reversed by guessing, and equal codes give equal hashes, which is all pairing needs
 * (lib/domain/pairing.ts). The code itself is never stored, logged or returned.
 */
export function pairingHash(pairingCode: string): string {
  return createHash('sha256').update(pairingCode, 'utf8').digest('hex');
}

/** The hash to store for a participant, or null when the device sent no code (an older client). */
export function pairingHashOrNull(pairingCode: string | undefined): string | null {
  return pairingCode === undefined ? null : pairingHash(pairingCode);
}
