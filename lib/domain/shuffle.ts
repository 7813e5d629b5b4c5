/**
 * Seeded shuffles: the same seed gives the same order, so a question looks the same after a
 * reload. Pure: the seed comes in (the device keeps it, components/player/device-state.ts).
 */
function seededRandom(seed: string): () => number {
  // FNV-1a to get a 32-bit state, then mulberry32.
  let h = 2166136261;
  for (let i = 0; i < seed.length; i += 1) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates: every order equally likely, the content's own order included. */
export function seededPermutation<T>(items: readonly T[], seed: string): T[] {
  const random = seededRandom(seed);
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

/**
 * For an ordering question, whose content order is the answer: a seeded order that never
 * starts correct (that would give the answer away).
 */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const result = seededPermutation(items, seed);
  const unchanged = result.every((item, i) => item === items[i]);
  if (unchanged && result.length > 1) result.push(result.shift() as T);
  return result;
}

/**
 * The order one device shows a question's options in: a choice question, a fact's choice guess
 * or a story decision. The device's seed with the question's id, so each question has its own
 * order and a reload keeps it. True/false keeps "True, False": a fixed pair is no shape cue.
 */
export function deviceOptionOrder(optionIds: readonly string[], deviceSeed: string, questionId: string): string[] {
  return seededPermutation(optionIds, `${deviceSeed}:${questionId}`);
}

/** Whether `shown` is the question's options, each exactly once, in some order. */
export function isOrderOf(shown: readonly string[], optionIds: readonly string[]): boolean {
  if (shown.length !== optionIds.length || new Set(shown).size !== shown.length) return false;
  return shown.every((id) => optionIds.includes(id));
}
