/**
 * Figures that are parts of one another, disclosed together (DESIGN.md, "Privacy by design").
 *
 * A report's figures are tied by sums: the answers to a question are those who got it right and
 * those who didn't; the students at a story's second decision are some of those who took the
 * choice leading to it; those who answered at the start are those who answered both times and
 * those who answered only then. A reader who knows how the figures fit can work out a hidden one
 * from those shown, even when each table on its own hides its small groups.
 *
 * So a report is disclosed here as a whole:
 * 1. Every figure starts as disclosure.ts shows it on its own ("fewer than k" from 1 to k−1).
 * 2. What a reader can learn of each group is worked out as a reader would: a shown figure is a
 *    range (one value, or the values its rounding covers; "fewer than k" is 1 to k−1; "not shown"
 *    is any count, 0 included), and the sums narrow the ranges of the others in turn until nothing
 *    changes (bounds propagation: for the tree-shaped sums of a report, what a linear program
 *    would find from the same sums).
 * 3. While a protected group (any figure, or a group no figure shows, such as those who answered
 *    only at the start) is left with two possible values or fewer, one of them from 1 to k−1, or
 *    the hidden parts of a sum add up to such a group, one more figure near it is withheld: a
 *    mean first, else the largest count (usually the total); where only small ones are left near
 *    it (a small decision's choices, each at least 1, add up to all but one value of its small
 *    total), a "fewer than k" becomes "not shown", and last a 0 (in a class of 5 whose size the
 *    teacher knows, five endings shown as "fewer than 5" beside zeros would be one each). Step 2
 *    runs again.
 * 4. Then each figure withheld is put back, smallest first, wherever that leaves nothing exposed.
 *
 * What is withheld depends only on the figures as they start, never on the exact value of a
 * hidden one, so a second release made from a first (the CSV from the page) tells nothing the
 * first does not. Pure; no words.
 */
import { discloseCount, type DisclosedFigure, type DisclosurePolicy } from './disclosure';

export type FigureId = number;

/** How a reader reads a figure as shown. */
export interface Reading {
  /** Counts from 1 to k − 1 are not shown as numbers. */
  k: number;
  /** Shown counts are multiples of this (1: exact). */
  roundTo: number;
  /** The least a withheld figure can be. */
  withheldFrom: number;
}

/**
 * A policy's own reading: exact or rounded. A figure "not shown" may be any count, 0 included
 * (small ones and zeros are withheld too, where "fewer than k" or 0 would still give a group away).
 */
export const readingOf = (policy: DisclosurePolicy): Reading => ({ k: policy.k, roundTo: policy.roundTo, withheldFrom: 0 });

export interface Range {
  lo: number;
  hi: number;
}

/** No class is this large: the upper bound of a figure nothing else bounds. */
const UNBOUNDED = 10_000;

type Figure =
  /** A count the report shows. `fixed`: the reader knows it anyway (a class's size, to its teacher): never withheld. */
  | { kind: 'count'; shown: DisclosedFigure; start: DisclosedFigure; fixed: boolean }
  /**
   * What a shown mean tells of a sum (the right answers among the matched pairs, say); shown
   * only while the count it is a mean over (`over`) is shown too.
   */
  | { kind: 'mean'; range: Range; over: FigureId; withheld: boolean }
  /**
   * A group no figure shows. `protected`: it must not be worked out either. `answers`: it counts
   * answers, not students, so the class's size doesn't bound it.
   */
  | { kind: 'group'; protected: boolean; answers: boolean };

interface Sum {
  total: FigureId;
  parts: FigureId[];
  /** total = times × the one part, instead of the sum of the parts. */
  times?: number;
}

export class LinkedFigures {
  private readonly figures: Figure[] = [];
  private readonly sums: Sum[] = [];
  private population: FigureId | null = null;

  /**
   * `shownBefore`: what a reader of an earlier release these figures are made from (the page,
   * for the CSV) could tell of each, by the same ids. A group that release gave away exactly is
   * judged by its value: a 0 is safe however narrow, a 7 is small under the file's k of 10.
   */
  constructor(
    private readonly reading: Reading,
    private readonly shownBefore: readonly Range[] | null = null,
  ) {}

  /**
   * A figure the report shows, as it starts out. `fixed`: one its reader knows whatever the
   * report says (how many joined, to the teacher who saw them and whose session list shows it):
   * never withheld, so that the figures around it are withheld instead.
   */
  shown(value: DisclosedFigure, { fixed = false }: { fixed?: boolean } = {}): FigureId {
    this.figures.push({ kind: 'count', shown: value, start: value, fixed });
    return this.figures.length - 1;
  }

  /** A count disclosed on its own under `policy`, as the report would show it before linking. */
  count(n: number, policy: DisclosurePolicy, options: { fixed?: boolean } = {}): FigureId {
    return this.shown(discloseCount(n, policy), options);
  }

  /**
   * A group the report doesn't show. Protected groups (students who answered only at the start)
   * must not be worked out; others (those who started but skipped one question) only carry
   * the sums.
   */
  group({ protect, answers = false }: { protect: boolean; answers?: boolean }): FigureId {
    this.figures.push({ kind: 'group', protected: protect, answers });
    return this.figures.length - 1;
  }

  /** A sum a shown mean over the count `over` gives away, to within `range` (null: no mean is shown). */
  mean(range: Range | null, over: FigureId): FigureId {
    this.figures.push({ kind: 'mean', range: range ?? { lo: 0, hi: UNBOUNDED }, over, withheld: range === null });
    return this.figures.length - 1;
  }

  /** total = the sum of parts. */
  sum(total: FigureId, parts: readonly FigureId[]): void {
    this.sumsIndex = null;
    this.structure = null;
    this.sums.push({ total, parts: [...parts] });
  }

  /**
   * total = q × part: for a reader's averaging argument (right answers spread over q questions
   * need at least a q-th as many students), which adding ranges alone can't make.
   */
  times(total: FigureId, part: FigureId, q: number): void {
    this.sumsIndex = null;
    this.structure = null;
    this.sums.push({ total, parts: [part], times: q });
  }

  /** Everyone counted anywhere is one of these (the students who joined): no figure exceeds it. */
  within(population: FigureId): void {
    this.population = population;
  }

  /** A count as it stands (a group or a mean: withheld or not shown as a count). */
  figure(id: FigureId): DisclosedFigure {
    const figure = this.figures[id];
    return figure?.kind === 'count' ? figure.shown : { kind: 'withheld' };
  }

  /** Whether a figure (a count or a mean) is shown. */
  isShown(id: FigureId): boolean {
    const figure = this.figures[id];
    if (figure?.kind === 'mean') return !figure.withheld && this.isShown(figure.over);
    return figure?.kind === 'count' && figure.shown.kind !== 'withheld';
  }

  /** What a reader of the figures as they stand can tell of each: its range. */
  ranges(): Range[] {
    const { k, roundTo, withheldFrom } = this.reading;
    const half = Math.floor(roundTo / 2);
    const read = (v: DisclosedFigure, top: number): Range => {
      switch (v.kind) {
        case 'count':
          return v.value === 0 ? { lo: 0, hi: 0 } : { lo: Math.max(k, v.value - half), hi: v.value + half };
        case 'fewer-than':
          return { lo: 1, hi: k - 1 };
        case 'withheld':
          return { lo: withheldFrom, hi: top };
      }
    };
    const population = this.population === null ? undefined : this.figures[this.population];
    const top = population?.kind === 'count' ? read(population.shown, UNBOUNDED).hi : UNBOUNDED;
    const initial = this.figures.map((figure, id): Range => {
      if (figure.kind === 'count') return read(figure.shown, top);
      if (figure.kind === 'mean' && this.isShown(id)) return { ...figure.range };
      return { lo: 0, hi: figure.kind === 'mean' || figure.answers ? UNBOUNDED : top };
    });
    // Figures a reader can tell are equal share one range: a choice that leads straight to an
    // ending is that ending; two sums of the same parts are the same group (the students under
    // a choice who reached an ending, and those at the next decision who all did).
    // The sums alone make some equal whatever is shown; those found once, zeros can add more.
    if (this.structure === null || this.structure.size !== this.figures.length) {
      this.structure = new Equalities(this.figures.length);
      while (this.mergeEqualSums(this.structure, null)) {
        // until nothing more merges
      }
    }
    const same = this.structure.copy();
    for (let rounds = 0; rounds < 50; rounds += 1) {
      const ranges = this.propagate(initial, same);
      if (!this.mergeEqualSums(same, ranges)) return this.figures.map((_, id) => ({ ...(ranges[same.find(id)] as Range) }));
    }
    const ranges = this.propagate(initial, same);
    return this.figures.map((_, id) => ({ ...(ranges[same.find(id)] as Range) }));
  }

  private structure: Equalities | null = null;

  /** Merges what the sums show equal, leaving out parts known to be 0; true if anything merged. */
  private mergeEqualSums(same: Equalities, ranges: readonly Range[] | null): boolean {
    let merged = false;
    const byParts = new Map<string, FigureId>();
    for (const { total, parts, times } of this.sums) {
      if (times !== undefined) continue;
      const live = parts
        .map((p) => same.find(p))
        .filter((p) => ranges === null || (ranges[p] as Range).hi !== 0)
        .sort((a, b) => a - b);
      if (live.length === 1) merged = same.union(total, live[0] as FigureId) || merged;
      if (live.length < 2) continue;
      const key = live.join(',');
      const other = byParts.get(key);
      if (other === undefined) byParts.set(key, same.find(total));
      else merged = same.union(total, other) || merged;
    }
    return merged;
  }

  /**
   * Bounds propagation over the sums, with equal figures sharing one range (indexed by their
   * representative): each sum is looked at again only when one of its ranges has changed.
   */
  private propagate(initial: readonly Range[], same: Equalities): Range[] {
    const size = initial.length;
    const lo = new Float64Array(size);
    const hi = new Float64Array(size).fill(Infinity);
    initial.forEach((r, id) => {
      const root = same.find(id);
      lo[root] = Math.max(lo[root] as number, r.lo);
      hi[root] = Math.min(hi[root] as number, r.hi);
    });
    const sums = this.sums.map(({ total, parts, times }) => ({ total: same.find(total), parts: parts.map((p) => same.find(p)), times }));
    const sumsOf: number[][] = Array.from({ length: size }, () => []);
    sums.forEach(({ total, parts }, index) => {
      sumsOf[total]?.push(index);
      for (const p of parts) if (p !== total) sumsOf[p]?.push(index);
    });
    const queued = new Uint8Array(sums.length).fill(1);
    const queue = new Int32Array(sums.length + 1);
    sums.forEach((_, index) => (queue[index] = index));
    let head = 0;
    let count = sums.length;
    const tighten = (id: number, newLo: number, newHi: number, changed: number[]) => {
      let moved = false;
      if (newLo > (lo[id] as number)) {
        lo[id] = newLo;
        moved = true;
      }
      if (newHi < (hi[id] as number)) {
        hi[id] = newHi;
        moved = true;
      }
      if (moved) changed.push(id);
    };
    for (let steps = 0; count > 0 && steps < 200_000; steps += 1) {
      const index = queue[head] as number;
      head = (head + 1) % queue.length;
      count -= 1;
      queued[index] = 0;
      const { total, parts, times } = sums[index] as { total: number; parts: number[]; times?: number };
      const changed: number[] = [];
      const part = parts[0];
      if (times !== undefined && part !== undefined) {
        tighten(total, times * (lo[part] as number), times * (hi[part] as number), changed);
        tighten(part, Math.ceil((lo[total] as number) / times - 1e-9), Math.floor((hi[total] as number) / times + 1e-9), changed);
      } else {
        let loSum = 0;
        let hiSum = 0;
        for (const p of parts) {
          loSum += lo[p] as number;
          hiSum += hi[p] as number;
        }
        tighten(total, loSum, hiSum, changed);
        const [tLo, tHi] = [lo[total] as number, hi[total] as number];
        for (const p of parts) tighten(p, tLo - (hiSum - (hi[p] as number)), tHi - (loSum - (lo[p] as number)), changed);
      }
      for (const id of changed) {
        for (const other of sumsOf[id] ?? []) {
          if (queued[other] === 0) {
            queued[other] = 1;
            queue[(head + count) % queue.length] = other;
            count += 1;
          }
        }
      }
    }
    return initial.map((_, id) => ({ lo: lo[id] as number, hi: hi[id] as number }));
  }

  /** Protected groups a reader could narrow to two values or fewer, one of them from 1 to k−1. */
  exposed(ranges: readonly Range[] = this.ranges()): { figures: FigureId[]; sums: number[] } {
    const { k } = this.reading;
    /** Narrowed to two values or fewer, and small: for sure if an earlier release gave it away, else possibly. */
    const small = (r: Range, known?: number) => r.hi - r.lo <= 1 && (known === undefined ? r.lo <= k - 1 && r.hi >= 1 : known >= 1 && known <= k - 1);
    const knownBefore = (ids: readonly FigureId[]) => {
      const before = ids.map((id) => this.shownBefore?.[id]);
      return before.every((r) => r !== undefined && r.lo === r.hi) ? before.reduce((s, r) => s + (r?.lo ?? 0), 0) : undefined;
    };
    const guarded = (id: FigureId) => {
      const figure = this.figures[id];
      return figure?.kind === 'count' || (figure?.kind === 'group' && figure.protected);
    };
    const figures = ranges.flatMap((r, id) => (guarded(id) && small(r, knownBefore([id])) ? [id] : []));
    const sums = this.sums.flatMap(({ total, parts, times }, index) => {
      if (times !== undefined) return [];
      const range = (p: FigureId) => ranges[p] as Range;
      const open = parts.filter((p) => range(p).hi > range(p).lo);
      if (open.length < 2 || !open.every(guarded)) return [];
      const pinned = parts.filter((p) => !open.includes(p)).reduce((s, p) => s + range(p).lo, 0);
      const t = range(total);
      const lo = Math.max(t.lo - pinned, open.reduce((s, p) => s + range(p).lo, 0));
      const hi = Math.min(t.hi - pinned, open.reduce((s, p) => s + range(p).hi, 0));
      return small({ lo, hi }, knownBefore(open)) ? [index] : [];
    });
    return { figures, sums };
  }

  /**
   * Withholds figures until nothing protected is exposed, then puts back what can be; returns
   * every figure as it may be shown. Figures the reader knows anyway (`fixed`) are never withheld.
   */
  settle(): DisclosedFigure[] {
    const withheld: FigureId[] = [];
    const clear = () => {
      const { figures, sums } = this.exposed();
      return figures.length === 0 && sums.length === 0 ? null : { figures, sums };
    };
    for (let exposure = clear(); exposure !== null; exposure = clear()) {
      // One figure for each exposure at once (the putting back below undoes any one too many).
      const chosen = new Set<FigureId>();
      const near = [...exposure.figures.map((id) => ({ id, sums: this.sumsWith(id) })), ...exposure.sums.map((index) => ({ id: undefined, sums: [index] }))];
      for (const { id, sums } of near) {
        const candidate = this.nearestShown(sums) ?? this.nearestSmall(id, sums);
        if (candidate !== null) chosen.add(candidate);
      }
      if (chosen.size === 0) break;
      for (const candidate of chosen) {
        this.withhold(candidate, true);
        withheld.push(candidate);
      }
    }
    // Put back what a later withholding made unnecessary: "fewer than k" first, then counts from
    // the smallest (cells before the totals the withholding took first), then means.
    const order = (id: FigureId) => {
      const figure = this.figures[id];
      if (figure?.kind !== 'count') return Number.MAX_SAFE_INTEGER;
      return figure.start.kind === 'count' ? figure.start.value : 0;
    };
    for (const id of [...withheld].sort((a, b) => order(a) - order(b) || a - b)) {
      this.withhold(id, false);
      if (clear() === null) continue;
      // A count a mean is over brings the mean back with it: try the count without its means.
      const means = this.figures.flatMap((figure, mean) => (figure.kind === 'mean' && figure.over === id && !figure.withheld ? [mean] : []));
      means.forEach((mean) => this.withhold(mean, true));
      if (means.length > 0 && clear() === null) continue;
      means.forEach((mean) => this.withhold(mean, false));
      this.withhold(id, true);
    }
    return this.figures.map((_, id) => this.figure(id));
  }

  private withhold(id: FigureId, withhold: boolean): void {
    const figure = this.figures[id];
    if (figure?.kind === 'count') figure.shown = withhold ? { kind: 'withheld' } : figure.start;
    if (figure?.kind === 'mean') figure.withheld = withhold;
  }

  /**
   * The figure to withhold for an exposure found in these sums: a mean in them, else the largest
   * count shown in them, or, if they show none, in the sums that their figures and groups take
   * part in, and so on outwards. Null when nothing anywhere is left to withhold.
   */
  private nearestShown(start: readonly number[]): FigureId | null {
    const rank = (id: FigureId) => {
      const figure = this.figures[id];
      if (figure?.kind === 'mean') return this.isShown(id) ? Number.MAX_SAFE_INTEGER : 0;
      return figure?.kind === 'count' && !figure.fixed && figure.shown.kind === 'count' ? figure.shown.value : 0;
    };
    return this.outwards(start, (members) => {
      let best: FigureId | null = null;
      for (const id of members) if (rank(id) > 0 && (best === null || rank(id) > rank(best) || (rank(id) === rank(best) && id < best))) best = id;
      return best;
    });
  }

  /**
   * Where no count or mean near an exposure is left to withhold: a "fewer than k" near it (the
   * exposed figure itself first), else a 0 near it. Null when there is neither.
   */
  private nearestSmall(exposed: FigureId | undefined, start: readonly number[]): FigureId | null {
    const small = (id: FigureId) => {
      const figure = this.figures[id];
      return figure?.kind === 'count' && !figure.fixed && figure.shown.kind === 'fewer-than';
    };
    const zero = (id: FigureId) => {
      const figure = this.figures[id];
      return figure?.kind === 'count' && !figure.fixed && figure.shown.kind === 'count' && figure.shown.value === 0;
    };
    if (exposed !== undefined && small(exposed)) return exposed;
    return (
      this.outwards(start, (members) => members.filter(small).sort((a, b) => a - b)[0] ?? null) ??
      this.outwards(start, (members) => members.filter(zero).sort((a, b) => a - b)[0] ?? null)
    );
  }

  /** Searches the sums outwards from `start`, level by level, for a figure `pick` finds among their members. */
  private outwards(start: readonly number[], pick: (members: readonly FigureId[]) => FigureId | null): FigureId | null {
    const seenSums = new Uint8Array(this.sums.length);
    const seenFigures = new Uint8Array(this.figures.length);
    let frontier = start.filter((index) => seenSums[index] === 0 && (seenSums[index] = 1));
    while (frontier.length > 0) {
      const members: FigureId[] = [];
      for (const index of frontier) {
        const { total, parts } = this.sums[index] as Sum;
        for (const id of [total, ...parts]) {
          if (seenFigures[id] === 0) {
            seenFigures[id] = 1;
            members.push(id);
          }
        }
      }
      const found = pick(members);
      if (found !== null) return found;
      const next: number[] = [];
      for (const id of members) for (const index of this.sumsWith(id)) if (seenSums[index] === 0 && (seenSums[index] = 1)) next.push(index);
      frontier = next;
    }
    return null;
  }

  private sumsIndex: number[][] | null = null;

  /** The sums a figure takes part in (indexed once the sums are all in: settle adds none). */
  private sumsWith(id: FigureId): number[] {
    if (this.sumsIndex === null || this.sumsIndex.length !== this.figures.length) {
      const index: number[][] = this.figures.map(() => []);
      this.sums.forEach(({ total, parts }, i) => {
        for (const member of new Set([total, ...parts])) index[member]?.push(i);
      });
      this.sumsIndex = index;
    }
    return this.sumsIndex[id] ?? [];
  }
}

/** Which figures are known to be equal: a union–find over their ids. */
class Equalities {
  private readonly parent: number[];

  constructor(size: number, parent?: readonly number[]) {
    this.parent = parent ? [...parent] : Array.from({ length: size }, (_, i) => i);
  }

  get size(): number {
    return this.parent.length;
  }

  copy(): Equalities {
    return new Equalities(this.parent.length, this.parent);
  }

  find(id: number): number {
    let root = id;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    for (let at = id; at !== root; ) {
      const next = this.parent[at] as number;
      this.parent[at] = root;
      at = next;
    }
    return root;
  }

  /** True if they were not already known equal. */
  union(a: number, b: number): boolean {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra === rb) return false;
    this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
    return true;
  }
}
