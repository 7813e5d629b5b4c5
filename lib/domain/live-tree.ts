/**
 * One frozen class tally as a tree of counts, disclosed so that nothing in it gives away a group
 * of 1 to k−1 or one student's answer, even to a viewer who knows how many were counted.
 *
 * The root is everyone counted; its children split them (the options of a question, the points
 * of a scale), and a story's choices split again at the decision each one leads to. Figures that
 * are parts of one another are disclosed together, as one tree: a later decision's students are
 * a cell of the earlier one, so hiding one and showing the other hides nothing.
 *
 * A viewer is assumed to know the root exactly (the teacher can count heads). Every shown figure
 * is a constraint; a hidden one is "fewer than k" (0 to k−1) or, when it is k or more but would
 * give a small one away, the range a viewer can work out anyway. The tree passes when:
 * - every group of 1 to k−1 keeps at least three possible values;
 * - at every split, the students in the hidden cells are together 0 or k or more, or at least
 *   three possible values (one shown cell beside the total is a hidden cell's complement);
 * - at every split with anyone in it, at least two cells may hold someone, so no one's answer
 *   follows from the figures (a whole class choosing one option is shown as a range).
 * While it fails, the smallest shown figure that widens what a viewer can work out is hidden too
 * (complementary suppression). Hiding only ever widens the ranges, so this ends.
 */

/** A count of students and the counts it splits into (no children: it splits no further). */
export interface CountNode {
  key: string;
  count: number;
  children: readonly CountNode[];
  /**
   * Its split is a detail (how sure those with a wrong answer were): shown only where it changes
   * none of the figures shown without it, and otherwise withheld whole (discloseTree).
   */
  detail?: boolean;
}

/** A figure as the class view may show it. */
export type LiveFigure = { kind: 'count'; value: number } | { kind: 'fewer-than'; k: number } | { kind: 'range'; from: number; to: number };

export interface DisclosedNode {
  key: string;
  figure: LiveFigure;
  children: DisclosedNode[];
}

/** What a viewer can work out for each figure: the least and greatest value consistent with all shown. */
export interface Interval {
  lo: number;
  hi: number;
}

/** How a figure is shown: as its number, as "fewer than k", or hidden as the range it lies in. */
export type Shown = 'exact' | 'small' | 'hidden';

interface Walk {
  node: CountNode;
  path: string;
  parent: Walk | null;
  children: Walk[];
}

function walk(node: CountNode, parent: Walk | null, path: string): Walk {
  const self: Walk = { node, path, parent, children: [] };
  self.children = node.children.map((child) => walk(child, self, `${path}/${child.key}`));
  return self;
}

function all(root: Walk): Walk[] {
  return [root, ...root.children.flatMap(all)];
}

/**
 * Exact ranges under tree-shaped sums: each node's value is its box (what its own figure says)
 * and the sum of its children's. Bottom-up gives each subtree's possible totals, top-down
 * narrows them by the parent's; on a tree of sums of integer intervals both passes are exact.
 */
export function intervalsOf(root: CountNode, shown: ReadonlyMap<string, Shown>, k: number): Map<string, Interval> {
  const tree = walk(root, null, '');
  const top = root.count;
  const box = (w: Walk): Interval => {
    if (w.parent === null) return { lo: top, hi: top };
    const how = shown.get(w.path) ?? 'exact';
    if (how === 'exact') return { lo: w.node.count, hi: w.node.count };
    if (how === 'small') return { lo: 0, hi: k - 1 };
    return { lo: k, hi: top };
  };
  const up = new Map<string, Interval>();
  const bottomUp = (w: Walk): Interval => {
    const own = box(w);
    let result = own;
    if (w.children.length > 0) {
      const sums = w.children.map(bottomUp).reduce((a, b) => ({ lo: a.lo + b.lo, hi: a.hi + b.hi }), { lo: 0, hi: 0 });
      result = { lo: Math.max(own.lo, sums.lo), hi: Math.min(own.hi, sums.hi) };
    }
    up.set(w.path, result);
    return result;
  };
  bottomUp(tree);
  const final = new Map<string, Interval>();
  const topDown = (w: Walk, interval: Interval) => {
    final.set(w.path, interval);
    const childUps = w.children.map((c) => up.get(c.path) ?? { lo: 0, hi: 0 });
    const loSum = childUps.reduce((a, b) => a + b.lo, 0);
    const hiSum = childUps.reduce((a, b) => a + b.hi, 0);
    w.children.forEach((child, i) => {
      const own = childUps[i] ?? { lo: 0, hi: 0 };
      topDown(child, {
        lo: Math.max(own.lo, interval.lo - (hiSum - own.hi)),
        hi: Math.min(own.hi, interval.hi - (loSum - own.lo)),
      });
    });
  };
  topDown(tree, up.get('') ?? { lo: top, hi: top });
  return final;
}

/** A count in steps of k: "fewer than k", or "10–14". */
export function countBand(n: number, k: number, atMost = Number.POSITIVE_INFINITY): LiveFigure {
  if (n < k) return { kind: 'fewer-than', k };
  const from = Math.floor(n / k) * k;
  // Never above a number the viewer already sees (those who joined): "15–16", not "15–19" of 16.
  return { kind: 'range', from, to: Math.max(from, Math.min(from + k - 1, atMost)) };
}

const width = (i: Interval) => i.hi - i.lo + 1;

/** The figures (and splits) that fail the rules above, as shown now. */
function failures(root: CountNode, shown: ReadonlyMap<string, Shown>, k: number): Walk[] {
  const intervals = intervalsOf(root, shown, k);
  const failing: Walk[] = [];
  const small = (n: number) => n >= 1 && n < k;
  for (const w of all(walk(root, null, ''))) {
    const own = intervals.get(w.path);
    if (own && small(w.node.count) && width(own) < 3) failing.push(w);
    if (w.children.length === 0 || w.node.count === 0) continue;
    // The hidden cells of this split, together.
    const hidden = w.children.filter((c) => (shown.get(c.path) ?? 'exact') !== 'exact');
    if (hidden.length > 0) {
      const shownSum = w.children.filter((c) => !hidden.includes(c)).reduce((a, c) => a + c.node.count, 0);
      const rest = hidden.reduce((a, c) => a + c.node.count, 0);
      const hiddenIntervals = hidden.map((c) => intervals.get(c.path) ?? { lo: 0, hi: 0 });
      const lo = Math.max(hiddenIntervals.reduce((a, i) => a + i.lo, 0), (own?.lo ?? 0) - shownSum);
      const hi = Math.min(hiddenIntervals.reduce((a, i) => a + i.hi, 0), (own?.hi ?? 0) - shownSum);
      if (small(rest) && hi - lo + 1 < 3) failing.push(w);
    }
    // Someone is here: at least two of the cells must be able to hold them.
    const possible = w.children.filter((c) => (intervals.get(c.path)?.hi ?? 0) >= 1).length;
    if (possible < 2) failing.push(w);
  }
  return failing;
}

export interface TreeDisclosure {
  /** The tree as shown, or null when no showing of it passes (it is then not shown at all). */
  shown: DisclosedNode | null;
  /** Paths of the figures not shown as numbers: kept hidden in later releases. */
  hidden: string[];
  /** Paths of the detail splits not shown at all (their cells are left out): kept so later. */
  withheld: string[];
}

/** The tree without the splits of these detail nodes (paths), or of every detail node (null). */
function withoutSplits(root: CountNode, withheld: ReadonlySet<string> | null): CountNode {
  const strip = (n: CountNode, path: string): CountNode => {
    if (n.detail === true && (withheld === null || withheld.has(path))) return { key: n.key, count: n.count, children: [] };
    return { ...n, children: n.children.map((c) => strip(c, `${path}/${c.key}`)) };
  };
  return strip(root, '');
}

/**
 * Hides figures of `root` that `mayHide` allows, one at a time, until the rules above pass.
 * Any shown figure may be what gives a small one away (a cousin's total can pin a cell), so each
 * is tried: the one that leaves fewest failures is hidden; on a tie, the smallest. False when
 * the rules can't be met by hiding those alone.
 */
function settle(root: CountNode, k: number, shown: Map<string, Shown>, mayHide: (path: string) => boolean): boolean {
  const tree = walk(root, null, '');
  for (;;) {
    const failing = failures(root, shown, k);
    if (failing.length === 0) return true;
    const options = all(tree).filter((w) => w.parent !== null && !shown.has(w.path) && w.node.count > 0 && mayHide(w.path));
    const scored = options.map((w) => {
      const trial = new Map(shown).set(w.path, 'hidden');
      return { w, left: failures(root, trial, k).length };
    });
    scored.sort((a, b) => a.left - b.left || a.w.node.count - b.w.node.count || a.w.path.localeCompare(b.w.path));
    const pick = scored[0];
    if (!pick) return false;
    shown.set(pick.w.path, 'hidden');
  }
}

/** Marks the cells under `root` (within `paths`) that start hidden: small ones, and those kept hidden. */
function startHidden(root: CountNode, k: number, keepHidden: readonly string[], into: Map<string, Shown>, paths: (path: string) => boolean) {
  for (const w of all(walk(root, null, ''))) {
    if (w.parent === null || !paths(w.path)) continue;
    if (w.node.count < k) into.set(w.path, 'small');
    else if (keepHidden.includes(w.path)) into.set(w.path, 'hidden');
  }
}

/** Paths of the detail nodes that have a split, in tree order. */
function detailSplits(root: CountNode): string[] {
  return all(walk(root, null, '')).filter((w) => w.node.detail === true && w.node.children.length > 0).map((w) => w.path);
}

/**
 * Discloses one frozen tree. `keepHidden` are paths already hidden in an earlier release of the
 * same tally: they stay hidden, so that a later release never shows what an earlier one hid;
 * `keepWithheld`, likewise, detail splits an earlier release withheld.
 *
 * The tree without its detail splits is disclosed first, as it would be without them. Then each
 * detail split is added in turn, hiding only its own cells: if that can't meet the rules, the
 * split is withheld whole. So a detail never changes a figure the class would otherwise see, and
 * what is shown is always a tree that passes the rules as a whole.
 */
export function discloseTree(root: CountNode, k: number, keepHidden: readonly string[] = [], keepWithheld: readonly string[] = []): TreeDisclosure {
  if (root.count < k) return { shown: null, hidden: [], withheld: [] };
  const core = withoutSplits(root, null);
  const shown = new Map<string, Shown>();
  startHidden(core, k, keepHidden, shown, () => true);
  if (!settle(core, k, shown, () => true)) return { shown: null, hidden: [], withheld: [] };

  const splits = detailSplits(root);
  const withheld = new Set(keepWithheld);
  for (const [at, split] of splits.entries()) {
    if (withheld.has(split)) continue;
    const pending = new Set([...withheld, ...splits.slice(at + 1)]);
    // Earlier splits as settled so far, this one added; later ones not yet.
    const trial = withoutSplits(root, pending);
    const inSplit = (path: string) => path.startsWith(`${split}/`);
    const attempt = new Map(shown);
    startHidden(trial, k, keepHidden, attempt, inSplit);
    if (settle(trial, k, attempt, inSplit)) for (const [path, how] of attempt) shown.set(path, how);
    else withheld.add(split);
  }

  const final = withoutSplits(root, withheld);
  // The question's own figures read as they would without the details (a detail may narrow a
  // range a viewer works out, never widen it, so these stay true); the details' from everything.
  const coreIntervals = intervalsOf(core, shown, k);
  const detailIntervals = intervalsOf(final, shown, k);
  const coreOnly = new Set(all(walk(core, null, '')).map((w) => w.path));
  const figureOf = (w: Walk): LiveFigure => {
    const intervals = coreOnly.has(w.path) ? coreIntervals : detailIntervals;
    // How many were counted is shown in steps of k, never exactly.
    if (w.parent === null) return countBand(w.node.count, k);
    const how = shown.get(w.path) ?? 'exact';
    if (how === 'exact') return { kind: 'count', value: w.node.count };
    if (how === 'small') return { kind: 'fewer-than', k };
    const range = intervals.get(w.path) ?? { lo: k, hi: root.count };
    return range.lo === range.hi ? { kind: 'count', value: range.lo } : { kind: 'range', from: range.lo, to: range.hi };
  };
  const build = (w: Walk): DisclosedNode => ({ key: w.node.key, figure: figureOf(w), children: w.children.map(build) });
  const tree = walk(final, null, '');
  const kept = new Set(all(tree).map((w) => w.path));
  return {
    shown: build(tree),
    hidden: [...shown.keys()].filter((p) => kept.has(p)).sort(),
    withheld: splits.filter((p) => withheld.has(p)),
  };
}
