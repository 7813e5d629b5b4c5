/**
 * Consistent perturbation of officers' counts: the cell key method (decision note 010), applied
 * to each class session's summary before any selection adds sessions up.
 *
 * - Each session's summary carries a secret key: a hash of its participants' random ids, which
 *   no member of staff ever sees (`sessionNoiseKey`).
 * - Every count of the summary's finest partition (an atom: "chose X at decision D", "finished",
 *   "answered item I right") gets a small integer of noise drawn from the perturbation table
 *   below by a hash of (session key, atom, true count). The same session, atom and count always
 *   get the same noise, so asking again, or slicing another way, never averages it out; a
 *   change of count draws afresh.
 * - Totals are sums of perturbed atoms, so every table stays additive and every selection's
 *   figures are sums of the same perturbed atoms. Comparing any number of selections can tell a
 *   reader at most each session's perturbed atom, never the count under it.
 *
 * Pure: hashing is computation, not I/O.
 */
import { createHash } from 'node:crypto';

/** The largest noise added to or taken from any one atom. */
export const MAX_NOISE = 2;

/**
 * The perturbation table: the chance of each noise value, by true count. Every row has mean 0
 * (the noise adds no bias to a sum) and never takes a count below 0. A count of 0 stays 0, as
 * in the ONS and ABS tables (noise there would invent people); counts of 1 and 2 can become 0,
 * so a perturbed 0 does not prove that nobody did a thing.
 */
const PTABLE: readonly { fromCount: number; noise: readonly { value: number; p: number }[] }[] = [
  { fromCount: 0, noise: [{ value: 0, p: 1 }] },
  {
    fromCount: 1,
    noise: [
      { value: -1, p: 0.35 },
      { value: 0, p: 0.4 },
      { value: 1, p: 0.15 },
      { value: 2, p: 0.1 },
    ],
  },
  {
    fromCount: 2,
    noise: [
      { value: -2, p: 0.1 },
      { value: -1, p: 0.2 },
      { value: 0, p: 0.4 },
      { value: 1, p: 0.2 },
      { value: 2, p: 0.1 },
    ],
  },
];

function rowFor(count: number) {
  let row = PTABLE[0];
  for (const candidate of PTABLE) if (count >= candidate.fromCount) row = candidate;
  if (row === undefined) throw new RangeError('the perturbation table is empty');
  return row;
}

/** The noise's variance for a true count: what a confidence interval adds per atom. */
export function noiseVariance(count: number): number {
  return rowFor(count).noise.reduce((sum, { value, p }) => sum + p * value * value, 0);
}

/** The largest variance any atom's noise has (counts of 2 or more). */
export const MAX_NOISE_VARIANCE = Math.max(...PTABLE.map((row) => noiseVariance(row.fromCount)));

/** A uniform number in [0, 1) from a hash: the cell key of the method. */
function cellKey(sessionKey: string, atom: string, count: number): number {
  const digest = createHash('sha256').update(`${sessionKey}\u0000${atom}\u0000${count}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

/** The noise for one atom: the same for the same session key, atom and count, always. */
export function atomNoise(sessionKey: string, atom: string, count: number): number {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`a count must be a whole number ≥ 0, not ${count}`);
  const u = cellKey(sessionKey, atom, count);
  let cumulative = 0;
  const { noise } = rowFor(count);
  for (const { value, p } of noise) {
    cumulative += p;
    if (u < cumulative) return value;
  }
  return noise[noise.length - 1]?.value ?? 0;
}

/** A count with its atom's noise added: never below 0. */
export function perturbCount(sessionKey: string, atom: string, count: number): number {
  return count + atomNoise(sessionKey, atom, count);
}

/**
 * A session's secret key from its participants' ids (random, held only by their devices and
 * the server). Order does not matter; a session with no participants gets a fixed key, which
 * perturbs nothing since all its counts are 0.
 */
export function sessionNoiseKey(participantIds: Iterable<string>): string {
  const sorted = [...new Set(participantIds)].sort();
  return createHash('sha256').update(`roads-kill-cell-key\u0000${sorted.join('\u0000')}`).digest('hex');
}
