import { describe, expect, it } from 'vitest';
import { discloseDistribution, disclosurePolicies } from './disclosure';
import { LinkedFigures, readingOf } from './linked-figures';

const { classView, export: exportPolicy } = disclosurePolicies();
const count = (value: number) => ({ kind: 'count', value }) as const;
const fewerThan = (k: number) => ({ kind: 'fewer-than', k }) as const;
const withheld = { kind: 'withheld' } as const;

/** A table of cells adding up to its total, disclosed together. */
function table(total: number, cells: number[]) {
  const net = new LinkedFigures(readingOf(classView));
  const t = net.count(total, classView);
  const c = cells.map((n) => net.count(n, classView));
  net.sum(t, c);
  return { net, t, c };
}

describe('LinkedFigures', () => {
  it('withholds a total that narrows two small cells to two values each, which the one-table rule shows', () => {
    // 12 = 5 + 3 + 4: the two small cells add up to 7, so each is 3 or 4.
    const old = discloseDistribution(
      [5, 3, 4].map((n, i) => ({ key: i, count: n })),
      12,
      classView,
      { additive: true },
    );
    expect(old.total).toEqual(count(12));
    const { net, t } = table(12, [5, 3, 4]);
    expect(net.ranges()[t + 2]).toEqual({ lo: 3, hi: 4 });
    const shown = net.settle();
    expect(shown[t]).toEqual(withheld);
    expect(net.exposed()).toEqual({ figures: [], sums: [] });
  });

  it('keeps a total whose small cells could still be split three ways', () => {
    // 11 = 5 + 3 + 3: the small ones add up to 6, each 2, 3 or 4; and 6 is not a small group.
    const { net, t } = table(11, [5, 3, 3]);
    expect(net.settle()[t]).toEqual(count(11));
  });

  it('withholds a total whose small cells add up to a small group, even when each could be several values', () => {
    // 10 = 6 + 2 + 2: each small one is 1, 2 or 3, but together they are exactly 4.
    const { net, t } = table(10, [6, 2, 2]);
    expect(net.exposed().sums).toHaveLength(1);
    expect(net.settle()[t]).toEqual(withheld);
  });

  it('discloses before, after and matched counts together: attrition of 1 and 3 is never shown', () => {
    const net = new LinkedFigures(readingOf(classView));
    const joined = net.count(20, classView);
    net.within(joined);
    const [before, after, matched] = [10, 12, 9].map((n) => net.count(n, classView)) as [number, number, number];
    const onlyBefore = net.group({ protect: true });
    const onlyAfter = net.group({ protect: true });
    net.sum(before, [matched, onlyBefore]);
    net.sum(after, [matched, onlyAfter]);
    const shown = net.settle();
    // Each of the three shows on its own (all at least 5); together they would show 1 and 3.
    expect([before, after, matched].filter((id) => shown[id]?.kind === 'count')).toHaveLength(1);
    const ranges = net.ranges();
    const width = (id: number) => (ranges[id]?.hi ?? 0) - (ranges[id]?.lo ?? 0);
    expect(width(onlyBefore)).toBeGreaterThanOrEqual(2);
    expect(width(onlyAfter)).toBeGreaterThanOrEqual(2);
  });

  it('reads rounded figures as the range they cover, and "not shown" as any count, 0 included', () => {
    const net = new LinkedFigures(readingOf(exportPolicy));
    const total = net.shown(count(25));
    const right = net.shown(count(15));
    const wrong = net.shown(fewerThan(10));
    net.sum(total, [right, wrong]);
    // 23 to 27 answered, 13 to 17 right: 6 to 9 wrong. Four values: shown.
    expect(net.ranges()[wrong]).toEqual({ lo: 6, hi: 9 });
    expect(net.settle()[total]).toEqual(count(25));
    // A count shown as 10 is 10 to 12 (it would read "fewer than 10" otherwise): 10 answered
    // and 10 right leave 1 or 2 wrong. Narrowed to two values, so the total goes.
    const net2 = new LinkedFigures(readingOf(exportPolicy));
    const t2 = net2.shown(count(10));
    const r2 = net2.shown(count(10));
    const w2 = net2.shown(fewerThan(10));
    net2.sum(t2, [r2, w2]);
    expect(net2.ranges()[w2]).toEqual({ lo: 1, hi: 2 });
    net2.settle();
    expect(net2.figure(t2)).toEqual(withheld);
    // Withheld: any number answered, 10 to 12 right, so 1 to 9 wrong.
    expect(net2.ranges()[w2]).toEqual({ lo: 1, hi: 9 });
  });

  it('withholds a mean that gives away a small group before the counts around it', () => {
    // 8 answered a question, "fewer than 5" right; the pairs' mean says 4 of the 8 pairs were right.
    const net = new LinkedFigures(readingOf(classView));
    const answered = net.count(8, classView);
    const right = net.count(4, classView);
    const wrong = net.group({ protect: true });
    net.sum(answered, [right, wrong]);
    const pairs = net.count(8, classView);
    const mean = net.mean({ lo: 4, hi: 4 }, pairs);
    net.sum(mean, [right]);
    expect(net.ranges()[right]).toEqual({ lo: 4, hi: 4 });
    const shown = net.settle();
    expect(net.isShown(mean)).toBe(false);
    expect(shown[answered]).toEqual(count(8));
    expect(shown[pairs]).toEqual(count(8));
  });

  it('reads an average the way a reader would: 5 right answers over 3 questions need at least 2 students', () => {
    const net = new LinkedFigures(readingOf(classView));
    const joined = net.count(9, classView, { fixed: true });
    net.within(joined);
    const students = net.group({ protect: false });
    const answers = net.group({ protect: false, answers: true });
    const right = net.shown({ kind: 'count', value: 5 });
    net.times(answers, students, 3);
    net.sum(answers, [right, net.group({ protect: false, answers: true })]);
    expect(net.ranges()[students]).toEqual({ lo: 2, hi: 9 });
    // Answers are not students: the class's size bounds the one, not the other.
    expect(net.ranges()[answers]).toEqual({ lo: 6, hi: 27 });
  });

  it('keeps zeros, and groups that name nobody, where nothing needs them withheld', () => {
    const { net, t, c } = table(9, [9, 0]);
    const [all, none] = c as [number, number];
    net.settle();
    expect([net.figure(t), net.figure(all), net.figure(none)]).toEqual([count(9), count(9), count(0)]);
  });
});
