/**
 * Matching a follow-up session's participants with the same devices' first visit (DESIGN.md,
 * "The learning journey", step 8). A device keeps one random pairing code; the server keeps only
 * its hash per participant, so two participants pair exactly when their hashes are equal.
 * Before and after need no pairing: they are answers of one participant. Pure.
 */

export interface PairingEntry {
  participantId: string;
  /** The hash of the device's pairing code; null for a device that sent none (an old client). */
  pairingHash: string | null;
}

export interface FollowUpPairing {
  pairs: { first: string; followUp: string }[];
  /** Follow-up participants with no first visit to pair with, in the order given. */
  unpairedFollowUp: string[];
}

/**
 * Pairs each follow-up participant with the first-visit participant of the same device.
 *
 * Both lists must be in the order the participants were created (earliest first). A device that
 * joined a session twice (storage cleared, a second tab) has two participants with one hash: the
 * earliest of them is the one paired, on either side, so the result never depends on anything
 * but the order of creation; the later ones stay unpaired. Null hashes never pair.
 */
export function pairFollowUp(first: readonly PairingEntry[], followUp: readonly PairingEntry[]): FollowUpPairing {
  const firstByHash = new Map<string, string>();
  for (const entry of first) {
    if (entry.pairingHash !== null && !firstByHash.has(entry.pairingHash)) firstByHash.set(entry.pairingHash, entry.participantId);
  }
  const pairs: FollowUpPairing['pairs'] = [];
  const unpairedFollowUp: string[] = [];
  for (const entry of followUp) {
    const hash = entry.pairingHash;
    const match = hash === null ? undefined : firstByHash.get(hash);
    if (hash === null || match === undefined) {
      unpairedFollowUp.push(entry.participantId);
      continue;
    }
    // Taken: this first visit is paired already, with the device's earlier follow-up participant.
    firstByHash.delete(hash);
    pairs.push({ first: match, followUp: entry.participantId });
  }
  return { pairs, unpairedFollowUp };
}
