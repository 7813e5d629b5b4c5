/**
 * A shuffle that gives the same order for the same seed, so an ordering question looks the same
 * after a reload, and never starts in the correct order (that would give the answer away).
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

export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const random = seededRandom(seed);
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  const unchanged = result.every((item, i) => item === items[i]);
  if (unchanged && result.length > 1) result.push(result.shift() as T);
  return result;
}
