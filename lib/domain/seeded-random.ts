/**
 * A seeded pseudo-random generator for synthetic data (the demo data set): the same seed gives
 * the same sequence on every machine, which `Math.random` can't. Not for anything secret: ids,
 * join codes and tokens the app hands out come from `node:crypto`.
 *
 * mulberry32 (Tommy Ettinger's 32-bit generator, public domain): tiny, fast and good enough
 * for plausible-looking survey data.
 */
export interface SeededRandom {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
  /** A normally distributed number (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** `count` distinct elements of a list, in random order. */
  sample<T>(list: readonly T[], count: number): T[];
  /** Random bytes, for join codes made with `joinCodeFromBytes`. */
  bytes(size: number): Uint8Array;
  /** A version-4-shaped UUID. */
  uuid(): string;
  /** `length` lower-case hex digits. */
  hex(length: number): string;
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const hex = (length: number) => Array.from({ length }, () => int(0, 15).toString(16)).join('');
  const random: SeededRandom = {
    next,
    int,
    chance: (p) => next() < p,
    pick<T>(list: readonly T[]): T {
      const item = list[int(0, list.length - 1)];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
    normal(mean = 0, sd = 1) {
      const u = 1 - next(); // (0, 1]: log(0) is not a number
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    sample<T>(list: readonly T[], count: number): T[] {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy.slice(0, Math.max(0, count));
    },
    bytes: (size) => Uint8Array.from({ length: size }, () => int(0, 255)),
    uuid() {
      const h = hex(32);
      const variant = '89ab'[int(0, 3)] ?? '8';
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
    hex,
  };
  return random;
}
