import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random';
import { countBand, discloseTree, intervalsOf, type CountNode, type DisclosedNode, type LiveFigure, type Shown } from './live-tree';

const K = 5;
const node = (key: string, count: number, children: CountNode[] = []): CountNode => ({ key, count, children });
const flat = (...counts: number[]) => node('', counts.reduce((a, b) => a + b, 0), counts.map((c, i) => node(`o${i}`, c)));
const figures = (shown: DisclosedNode | null) => shown?.children.map((c) => c.figure);
const count = (value: number): LiveFigure => ({ kind: 'count', value });
const few: LiveFigure = { kind: 'fewer-than', k: K };
const range = (from: number, to: number): LiveFigure => ({ kind: 'range', from, to });

/** The party story: say no → keys (ask → way home (text, lift), leave), get in → in the car (get out, stay quiet). */
function party(text: number, lift: number, leave: number, out: number, quiet: number): CountNode {
  const wayHome = [node('way:text', text), node('way:lift', lift)];
  const ask = node('keys:ask', text + lift, wayHome);
  const keys = [ask, node('keys:leave', leave)];
  const sayNo = node('offer:no', text + lift + leave, keys);
  const getIn = node('offer:in', out + quiet, [node('car:out', out), node('car:quiet', quiet)]);
  return node('', sayNo.count + getIn.count, [sayNo, getIn]);
}

/** Every leaf assignment consistent with what is shown (the root known), by enumeration. */
function worlds(shape: CountNode, shown: DisclosedNode): number[][] {
  const leaves: { path: string[] }[] = [];
  const collect = (n: CountNode, path: string[]) => (n.children.length === 0 ? leaves.push({ path }) : n.children.forEach((c) => collect(c, [...path, c.key])));
  collect(shape, []);
  const total = shape.count;
  const found: number[][] = [];
  const fits = (values: number[]) => {
    const check = (n: CountNode, d: DisclosedNode, path: string[]): boolean => {
      const sum = leaves.reduce((acc, leaf, i) => (path.every((p, j) => leaf.path[j] === p) ? acc + (values[i] ?? 0) : acc), 0);
      const f = d.figure;
      if (path.length > 0) {
        if (f.kind === 'count' && sum !== f.value) return false;
        if (f.kind === 'fewer-than' && sum >= f.k) return false;
        if (f.kind === 'range' && (sum < f.from || sum > f.to)) return false;
      }
      return n.children.every((c, i) => check(c, d.children[i] as DisclosedNode, [...path, c.key]));
    };
    return check(shape, shown, []);
  };
  const place = (i: number, left: number, values: number[]) => {
    if (i === leaves.length - 1) {
      const all = [...values, left];
      if (fits(all)) found.push(all);
      return;
    }
    for (let v = 0; v <= left; v += 1) place(i + 1, left - v, [...values, v]);
  };
  place(0, total, []);
  return found;
}

/** For every node: the values it takes across the worlds, and its true count. */
function spread(shape: CountNode, shown: DisclosedNode) {
  const all = worlds(shape, shown);
  const leaves: string[][] = [];
  const collect = (n: CountNode, path: string[]) => (n.children.length === 0 ? leaves.push(path) : n.children.forEach((c) => collect(c, [...path, c.key])));
  collect(shape, []);
  const result: { path: string; truth: number; values: Set<number>; split: boolean; possible: number }[] = [];
  const visit = (n: CountNode, path: string[]) => {
    const sumIn = (world: number[], p: string[]) => leaves.reduce((acc, leaf, i) => (p.every((x, j) => leaf[j] === x) ? acc + (world[i] ?? 0) : acc), 0);
    const values = new Set(all.map((w) => sumIn(w, path)));
    const possible = n.children.filter((c) => all.some((w) => sumIn(w, [...path, c.key]) > 0)).length;
    result.push({ path: path.join('/'), truth: n.count, values, split: n.children.length > 0, possible });
    n.children.forEach((c) => visit(c, [...path, c.key]));
  };
  visit(shape, []);
  return result;
}

describe('disclosing one frozen tally', () => {
  it('shows groups of k and more exactly, and how many were counted only in steps of k', () => {
    const { shown } = discloseTree(flat(12, 9, 9), K);
    expect(figures(shown)).toEqual([count(12), count(9), count(9)]);
    expect(shown?.figure).toEqual(range(30, 34));
    expect(countBand(4, K)).toEqual(few);
    // Never above those who joined, which the teacher sees anyway: 15 of 16 is "15–16".
    expect(countBand(15, K)).toEqual(range(15, 19));
    expect(countBand(15, K, 16)).toEqual(range(15, 16));
  });

  it('never lets the number counted complete a small group: the other cell becomes the range a viewer could work out', () => {
    // 20 counted, 3 got in: "say no 17" beside 20 would give the 3 away.
    expect(figures(discloseTree(flat(17, 3), K).shown)).toEqual([range(16, 20), few]);
    // A whole class choosing one answer is not shown as "all of them".
    expect(figures(discloseTree(flat(30, 0), K).shown)).toEqual([range(26, 30), few]);
  });

  it('hides the shown cells when the small ones together are a small group', () => {
    // 5, 2, 0 of 7: "5" would say that exactly 2 chose something else.
    expect(figures(discloseTree(flat(5, 2, 0), K).shown)).toEqual([range(5, 7), few, few]);
  });

  it('shows nothing when fewer than k were counted', () => {
    expect(discloseTree(flat(2, 2), K)).toEqual({ shown: null, hidden: [], withheld: [] });
  });

  it("discloses a story's decisions together: a later decision's students are a cell of the earlier one", () => {
    // The tester's case: "get in 9", then "get out 6, fewer than 5" at the next decision gave "stay quiet" = 3.
    const story = party(5, 3, 4, 6, 3);
    const { shown } = discloseTree(story, K);
    expect(shown).not.toBeNull();
    for (const cell of spread(story, shown as DisclosedNode)) {
      if (cell.truth >= 1 && cell.truth < K) expect(cell.values.size, cell.path).toBeGreaterThanOrEqual(3);
    }
  });

  it('works out exactly the ranges that enumeration finds', () => {
    const rng = seededRandom(7);
    const random = () => rng.next();
    for (let run = 0; run < 60; run += 1) {
      const r = () => Math.floor(random() * 6);
      const story = party(r(), r(), r(), r(), r());
      if (story.count < K) continue;
      const { shown, hidden } = discloseTree(story, K);
      if (!shown) continue;
      const how = new Map<string, Shown>(hidden.map((p) => [p, 'hidden']));
      // Small ones as small: what the figure says.
      const mark = (n: CountNode, d: DisclosedNode, path: string) => {
        if (path !== '' && d.figure.kind === 'fewer-than') how.set(path, 'small');
        n.children.forEach((c, i) => mark(c, d.children[i] as DisclosedNode, `${path}/${c.key}`));
      };
      mark(story, shown, '');
      const intervals = intervalsOf(story, how, K);
      for (const cell of spread(story, shown)) {
        const interval = intervals.get(cell.path === '' ? '' : `/${cell.path}`);
        expect([interval?.lo, interval?.hi], cell.path).toEqual([Math.min(...cell.values), Math.max(...cell.values)]);
      }
    }
  });

  it('passes its own rules when checked by enumeration, on random stories of 5 to 14 students', () => {
    const rng = seededRandom(11);
    const random = () => rng.next();
    let checked = 0;
    for (let run = 0; run < 120; run += 1) {
      const r = () => Math.floor(random() * 5);
      const story = party(r(), r(), r(), r(), r());
      if (story.count < K || story.count > 14) continue;
      const { shown } = discloseTree(story, K);
      if (!shown) continue;
      checked += 1;
      for (const cell of spread(story, shown)) {
        if (cell.truth >= 1 && cell.truth < K) expect(cell.values.size, `${cell.path} of ${JSON.stringify(story)}`).toBeGreaterThanOrEqual(3);
        if (cell.split && cell.truth > 0) expect(cell.possible, cell.path).toBeGreaterThanOrEqual(2);
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});

/** A question that asks how sure: the right option, then wrong ones split into very sure and the rest (a detail split). */
function sureQuestion(right: number, ...wrong: [sure: number, less: number][]): CountNode {
  const cells = wrong.map(([sure, less], i) => ({ ...node(`w${i}`, sure + less, [node('very-sure', sure), node('less-sure', less)]), detail: true }));
  return node('', right + cells.reduce((a, c) => a + c.count, 0), [node('right', right), ...cells]);
}
/** The same question as it would be without asking how sure. */
const plain = (tree: CountNode): CountNode => ({ key: tree.key, count: tree.count, children: tree.children.map((c) => node(c.key, c.count)) });
const sureOf = (shown: DisclosedNode | null, cell: string) => shown?.children.find((c) => c.key === cell)?.children.find((c) => c.key === 'very-sure')?.figure;

describe('how sure the wrong were: a detail split', () => {
  it('shows how many of a wrong answer were very sure when that changes nothing else', () => {
    const { shown, withheld } = discloseTree(sureQuestion(12, [6, 5], [0, 7]), K);
    expect(figures(shown)).toEqual([count(12), count(11), count(7)]);
    expect(sureOf(shown, 'w0')).toEqual(count(6));
    // None very sure of the other: "fewer than 5" (it may be none), the rest then a range.
    expect(sureOf(shown, 'w1')).toEqual(few);
    expect(withheld).toEqual([]);
  });

  it('withholds the split whole rather than change a figure the class sees', () => {
    // 1 very sure of 6: "fewer than 5" beside "5 less sure" would pin the 1, and hiding "6" would
    // cost the reveal its bar. The split is not shown at all; the 6 stays.
    const { shown, withheld } = discloseTree(sureQuestion(12, [1, 5], [5, 5]), K);
    expect(figures(shown)).toEqual([count(12), count(6), count(10)]);
    expect(shown?.children[1]?.children).toEqual([]);
    expect(sureOf(shown, 'w1')).toEqual(count(5));
    expect(withheld).toEqual(['/w0']);
    // And a split withheld once stays withheld, even where it could now be shown.
    expect(discloseTree(sureQuestion(12, [6, 5], [5, 5]), K, [], ['/w0']).withheld).toEqual(['/w0']);
  });

  it('never changes the figures the question shows without it, on random classes', () => {
    const rng = seededRandom(5);
    let compared = 0;
    for (let run = 0; run < 200; run += 1) {
      const r = () => rng.int(0, 9);
      const tree = sureQuestion(r(), [r(), r()], [r(), r()]);
      const withDetail = discloseTree(tree, K).shown;
      const without = discloseTree(plain(tree), K).shown;
      const strip = (d: DisclosedNode | null) => d && { ...d, children: d.children.map((c) => ({ ...c, children: [] })) };
      expect(strip(withDetail), JSON.stringify(tree)).toEqual(without);
      if (without) compared += 1;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('passes the rules as a whole when checked by enumeration, on random classes of 5 to 13', () => {
    const rng = seededRandom(13);
    let checked = 0;
    let splitsShown = 0;
    for (let run = 0; run < 150; run += 1) {
      const r = () => rng.int(0, 4);
      const tree = sureQuestion(r(), [r(), r()], [r(), r()]);
      if (tree.count < K || tree.count > 13) continue;
      const { shown } = discloseTree(tree, K);
      if (!shown) continue;
      checked += 1;
      // What the viewer sees is the tree without the withheld splits: enumerate over that shape.
      const shape: CountNode = { ...tree, children: tree.children.map((c, i) => ((shown.children[i]?.children.length ?? 0) > 0 ? c : node(c.key, c.count))) };
      splitsShown += shape.children.filter((c) => c.children.length > 0).length;
      for (const cell of spread(shape, shown)) {
        if (cell.truth >= 1 && cell.truth < K) expect(cell.values.size, `${cell.path} of ${JSON.stringify(tree)}`).toBeGreaterThanOrEqual(3);
        if (cell.split && cell.truth > 0) expect(cell.possible, cell.path).toBeGreaterThanOrEqual(2);
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(splitsShown).toBeGreaterThan(10);
  });
});
