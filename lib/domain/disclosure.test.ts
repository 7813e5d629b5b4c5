import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  discloseCount,
  discloseDistribution,
  discloseLinkedTables,
  discloseMean,
  disclosurePolicies,
  disclosureMessage,
  shareOf,
  shownNumber,
  type DisclosedCount,
  type DisclosedDistribution,
  type DisclosedFigure,
  type DisclosurePolicy,
} from './disclosure';

const policies = disclosurePolicies();
const { classView } = policies;
const exportPolicy = policies.export;

const count = (value: number): DisclosedCount => ({ kind: 'count', value });
const fewerThan = (k: number): DisclosedCount => ({ kind: 'fewer-than', k });
const withheld: DisclosedFigure = { kind: 'withheld' };

/** Cells keyed a, b, c… in order, for short hand-worked examples. */
const cells = (...counts: number[]) => counts.map((n, i) => ({ key: String.fromCharCode(97 + i), count: n }));
const shown = (...values: DisclosedCount[]) => values.map((value, i) => ({ key: String.fromCharCode(97 + i), value }));

describe('disclosurePolicies', () => {
  it('uses k = 5 for the class view, for every kind of item, and k = 10 rounded to 5 for exports', () => {
    expect(policies).toEqual({
      classView: { name: 'classView', k: 5, roundTo: 1, hideZero: false },
      export: { name: 'export', k: 10, roundTo: 5, hideZero: true },
    });
  });

  it('lets configuration raise the thresholds', () => {
    const raised = disclosurePolicies({ classK: 8, exportK: 20 });
    expect(raised.classView.k).toBe(8);
    expect(raised.export.k).toBe(20);
  });

  it('clamps a lower threshold up to the minimum instead of using it', () => {
    const lowered = disclosurePolicies({ classK: 2, exportK: 3 });
    expect(lowered.classView.k).toBe(5);
    expect(lowered.export.k).toBe(10);
    expect(disclosurePolicies({ classK: 0, exportK: -10 })).toEqual(policies);
    expect(disclosurePolicies({ classK: Number.NaN, exportK: Number.POSITIVE_INFINITY })).toEqual(policies);
  });

  it('rounds a fractional k up, and an export k up to a multiple of 5', () => {
    expect(disclosurePolicies({ classK: 5.2 }).classView.k).toBe(6);
    // 12 would show 12 students as "10", a number below the threshold.
    expect(disclosurePolicies({ exportK: 12 }).export.k).toBe(15);
  });

  it('has no policy that shows small counts exactly, live or not', () => {
    expect(Object.values(disclosurePolicies({ classK: 9 })).every((p) => p.k >= 5)).toBe(true);
  });
});

describe('discloseCount', () => {
  it.each([
    [0, count(0)],
    [1, fewerThan(5)],
    [4, fewerThan(5)],
    [5, count(5)],
    [37, count(37)],
  ])('class view: %i → %j', (n, expected) => {
    expect(discloseCount(n, classView)).toEqual(expected);
  });

  it.each([
    [0, fewerThan(10)],
    [1, fewerThan(10)],
    [9, fewerThan(10)],
    [10, count(10)],
    [12, count(10)],
    [13, count(15)],
    [17, count(15)],
    [18, count(20)],
    [102, count(100)],
  ])('export: %i → %j', (n, expected) => {
    expect(discloseCount(n, exportPolicy)).toEqual(expected);
  });

  it('refuses a count that is not a whole number ≥ 0', () => {
    expect(() => discloseCount(-1, classView)).toThrow(RangeError);
    expect(() => discloseCount(2.5, classView)).toThrow(RangeError);
  });
});

describe('discloseDistribution (additive: one cell per person)', () => {
  const additive = { additive: true };

  it('shows everything when no cell is small', () => {
    expect(discloseDistribution(cells(0, 12), 12, classView, additive)).toEqual({
      cells: shown(count(0), count(12)),
      total: count(12),
    });
  });

  it('withholds the total when it minus the shown cells would give the one suppressed cell', () => {
    // Say no 3, get in 9: showing "12" would make the 3 plain (12 − 9).
    expect(discloseDistribution(cells(3, 9), 12, classView, additive)).toEqual({
      cells: shown(fewerThan(5), count(9)),
      total: withheld,
    });
  });

  it('withholds the total when the suppressed cells together are fewer than k', () => {
    // 22 − 20 = 2: the two suppressed cells are a group of 2, and each must be 1.
    expect(discloseDistribution(cells(1, 1, 20), 22, classView, additive).total).toEqual(withheld);
    // 24 − 20 = 4: a group of 4, itself a small count.
    expect(discloseDistribution(cells(1, 3, 20), 24, classView, additive).total).toEqual(withheld);
  });

  it('withholds the total when the suppressed cells can only be all k − 1', () => {
    // 28 − 20 = 8 = 2 × 4: both suppressed cells must be 4.
    expect(discloseDistribution(cells(4, 4, 20), 28, classView, additive).total).toEqual(withheld);
  });

  it('withholds the total when the suppressed cells can only be all 1', () => {
    // Six options chosen once each: 36 − 30 = 6 = 6 × 1.
    expect(discloseDistribution(cells(1, 1, 1, 1, 1, 1, 30), 36, classView, additive).total).toEqual(withheld);
  });

  it('shows the total when the suppressed cells could be split more than one way', () => {
    // 25 − 20 = 5 over two cells: 1 + 4, 2 + 3, 3 + 2 or 4 + 1.
    expect(discloseDistribution(cells(2, 3, 20), 25, classView, additive)).toEqual({
      cells: shown(fewerThan(5), fewerThan(5), count(20)),
      total: count(25),
    });
    // 27 − 20 = 7 over two cells: 3 + 4 or 4 + 3.
    expect(discloseDistribution(cells(4, 3, 20), 27, classView, additive).total).toEqual(count(27));
  });

  it('suppresses a small total as a count, whatever its cells', () => {
    expect(discloseDistribution(cells(2, 2), 4, classView, additive)).toEqual({
      cells: shown(fewerThan(5), fewerThan(5)),
      total: fewerThan(5),
    });
  });

  it('in an export, works from the rounded values a reader sees', () => {
    // 18 correct, 2 wrong: 18 shows as 20, so "20 of 20" would hide 2 wrong answers as none.
    expect(discloseDistribution(cells(18, 2), 20, exportPolicy, additive)).toEqual({
      cells: shown(count(20), fewerThan(10)),
      total: withheld,
    });
    // 13 and 12 show as 15 and 10; nothing is suppressed, so the total stands.
    expect(discloseDistribution(cells(13, 12), 25, exportPolicy, additive)).toEqual({
      cells: shown(count(15), count(10)),
      total: count(25),
    });
    // 40 − 30 = 10 over two suppressed cells: could be 1 + 9 … 9 + 1.
    expect(discloseDistribution(cells(30, 4, 6), 40, exportPolicy, additive).total).toEqual(count(40));
    // 48 shows as 50; 50 − 30 = 20, more than two cells of at most 9 could hold: withheld.
    expect(discloseDistribution(cells(30, 9, 9), 48, exportPolicy, additive).total).toEqual(withheld);
  });

  it('refuses cells that do not add up to the total', () => {
    expect(() => discloseDistribution(cells(3, 4), 8, classView, additive)).toThrow(RangeError);
  });
});

describe('discloseDistribution with cells withheld by the caller', () => {
  it('withholds the cells named, and only if they are not small already', () => {
    const result = discloseDistribution(cells(6, 3, 20), 29, classView, { additive: true, withhold: new Set([0, 1]) });
    expect(result.cells).toEqual([
      { key: 'a', value: withheld },
      { key: 'b', value: fewerThan(5) },
      { key: 'c', value: count(20) },
    ]);
    // 29 − 20 = 9 = a withheld cell (5 or more) plus a small one (1 to 4): 1 + 5 + 1 = 7 ≤ 9,
    // so a could be 5 to 8 and b 1 to 4.
    expect(result.total).toEqual(count(29));
  });

  it('withholds the total when a withheld cell could be worked out from it', () => {
    // 26 − 20 = 6 = a withheld cell (5 or more) plus a small one (1 to 4): only 5 + 1 fits.
    const result = discloseDistribution(cells(5, 1, 20), 26, classView, { additive: true, withhold: new Set([0]) });
    expect(result.total).toEqual(withheld);
  });
});

describe('discloseLinkedTables', () => {
  it('withholds a cell in one table that gives away a total withheld in another', () => {
    // A scenario: 6 said no and 6 got in; in the car, 1 got out and 5 stayed quiet.
    const firstDecision = { cells: cells(6, 6), total: 12, additive: true };
    const inTheCar = { cells: cells(1, 5), total: 6, additive: true };
    const [first, car] = discloseLinkedTables([firstDecision, inTheCar], classView);
    // Alone, "in the car" withholds its total (6 − 5 = 1)…
    expect(discloseDistribution(inTheCar.cells, 6, classView, { additive: true }).total).toEqual(withheld);
    expect(car).toEqual({ cells: shown(fewerThan(5), count(5)), total: withheld });
    // …but "got in: 6" at the first decision would give it back, so both 6s there are withheld,
    // and the total of 12 (two cells of 5 or more) is still safe to show.
    expect(first).toEqual({ cells: [{ key: 'a', value: withheld }, { key: 'b', value: withheld }], total: count(12) });
  });

  it('follows the chain until nothing changes', () => {
    const tables = [
      { cells: cells(7, 3), total: 10, additive: true },
      { cells: cells(10, 27), total: 37, additive: true },
      { cells: cells(37, 20), total: 57, additive: true },
      { cells: cells(7, 20), total: 27, additive: true },
    ];
    const [a, b, c, d] = discloseLinkedTables(tables, classView);
    // a withholds its total of 10 (10 − 7 = 3), so b's cell of 10 is withheld; then b's total
    // would give that cell away (37 − 27 = 10), so it goes too, and with it c's cell of 37,
    // and then c's total (57 − 20 = 37).
    expect(a).toEqual({ cells: shown(count(7), fewerThan(5)), total: withheld });
    expect(b).toEqual({ cells: [{ key: 'a', value: withheld }, { key: 'b', value: count(27) }], total: withheld });
    expect(c).toEqual({ cells: [{ key: 'a', value: withheld }, { key: 'b', value: count(20) }], total: withheld });
    // No withheld total is 7, 20 or 27: d is shown in full.
    expect(d).toEqual({ cells: shown(count(7), count(20)), total: count(27) });
  });

  it('leaves tables alone when nothing is withheld', () => {
    const tables = [
      { cells: cells(8, 12), total: 20, additive: true },
      { cells: cells(0, 8), total: 8, additive: true },
    ];
    expect(discloseLinkedTables(tables, classView)).toEqual([
      { cells: shown(count(8), count(12)), total: count(20) },
      { cells: shown(count(0), count(8)), total: count(8) },
    ]);
  });
});

describe('discloseDistribution (not additive: people in several cells or none)', () => {
  const notAdditive = { additive: false };

  it('suppresses cells one by one and shows the number who answered by the count rule', () => {
    // 14 students picked plans: 12 one plan, 3 another, none a third.
    expect(discloseDistribution(cells(12, 3, 0), 14, classView, notAdditive)).toEqual({
      cells: shown(count(12), fewerThan(5), count(0)),
      total: count(14),
    });
    expect(discloseDistribution(cells(3, 2), 4, classView, notAdditive).total).toEqual(fewerThan(5));
  });

  it('refuses a cell larger than the number who answered', () => {
    expect(() => discloseDistribution(cells(6), 5, classView, notAdditive)).toThrow(RangeError);
  });
});

describe('shareOf', () => {
  it('is shown only when numerator and denominator are shown', () => {
    expect(shareOf(count(15), count(25))).toEqual({ kind: 'share', value: 0.6 });
    expect(shareOf(count(0), count(12))).toEqual({ kind: 'share', value: 0 });
    expect(shareOf(fewerThan(5), count(12))).toEqual(withheld);
    expect(shareOf(count(12), withheld)).toEqual(withheld);
    expect(shareOf(count(3), fewerThan(5))).toEqual(withheld);
    expect(shareOf(count(0), count(0))).toEqual(withheld);
  });

  it('in an export, uses the rounded counts, so it cannot undo the rounding', () => {
    // Exactly 13 of 27 is 48.1%, which only 13/27 gives; 15 of 25 is all a reader may know.
    const correct = discloseCount(13, exportPolicy);
    const total = discloseCount(27, exportPolicy);
    expect(shareOf(correct, total)).toEqual({ kind: 'share', value: 0.6 });
  });
});

describe('discloseMean', () => {
  it('is shown, rounded, only over at least k people', () => {
    expect(discloseMean(45 / 13, 13, classView, 1)).toEqual({ kind: 'mean', value: 3.5 });
    expect(discloseMean(3.25, 5, classView, 2)).toEqual({ kind: 'mean', value: 3.25 });
    expect(discloseMean(4, 4, classView, 1)).toEqual({ kind: 'fewer-than', k: 5 });
    expect(discloseMean(4, 9, exportPolicy, 1)).toEqual({ kind: 'fewer-than', k: 10 });
  });

  it('says there is nothing to show when nobody answered', () => {
    expect(discloseMean(0, 0, classView, 1)).toEqual({ kind: 'none' });
  });

  it('never shows minus zero', () => {
    const mean = discloseMean(-0.04, 20, classView, 1);
    expect(mean).toEqual({ kind: 'mean', value: 0 });
    expect(Object.is(shownNumber(mean), -0)).toBe(false);
  });
});

describe('disclosureMessage', () => {
  it('names a message key and its values, never words', () => {
    expect(disclosureMessage(count(12))).toEqual({ key: 'count', values: { value: 12 } });
    expect(disclosureMessage(fewerThan(5))).toEqual({ key: 'fewerThan', values: { k: 5 } });
    expect(disclosureMessage(withheld)).toEqual({ key: 'withheld', values: {} });
    expect(disclosureMessage({ kind: 'share', value: 0.5 })).toEqual({ key: 'share', values: { value: 0.5 } });
    expect(disclosureMessage({ kind: 'mean', value: 3.2 })).toEqual({ key: 'mean', values: { value: 3.2 } });
    expect(disclosureMessage({ kind: 'none' })).toEqual({ key: 'none', values: {} });
  });
});

describe('disclosure properties', () => {
  const raised = disclosurePolicies({ classK: 7, exportK: 20 });
  const anyPolicy = fc.constantFrom<DisclosurePolicy>(classView, exportPolicy, raised.classView, raised.export);
  const exactPolicy = fc.constantFrom<DisclosurePolicy>(classView, raised.classView);
  // Mostly small counts, where suppression happens, with some large ones.
  const cellCount = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 80 }));
  const counts = fc.array(cellCount, { minLength: 1, maxLength: 7 });
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const small = (value: number, k: number) => value >= 1 && value <= k - 1;

  it('never shows a count from 1 to k − 1, and shows every count as a multiple of the rounding', () => {
    fc.assert(
      fc.property(anyPolicy, counts, fc.boolean(), (policy, values, additive) => {
        const total = additive ? sum(values) : Math.max(0, ...values) + 3;
        const result = discloseDistribution(cells(...values), total, policy, { additive });
        for (const value of [...result.cells.map((c) => c.value), result.total]) {
          if (value.kind !== 'count') continue;
          expect(small(value.value, policy.k)).toBe(false);
          expect(value.value % policy.roundTo).toBe(0);
        }
      }),
    );
  });

  it('never shows a total that, less the shown cells, leaves 1 to k − 1 when a cell is suppressed', () => {
    fc.assert(
      fc.property(anyPolicy, counts, (policy, values) => {
        const result = discloseDistribution(cells(...values), sum(values), policy, { additive: true });
        const suppressed = result.cells.filter((c) => c.value.kind === 'fewer-than').length;
        if (suppressed === 0 || result.total.kind !== 'count') return;
        const shownCells = sum(result.cells.map((c) => (c.value.kind === 'count' ? c.value.value : 0)));
        const residual = result.total.value - shownCells;
        expect(small(residual, policy.k)).toBe(false);
        expect(residual).toBeGreaterThanOrEqual(policy.k);
      }),
    );
  });

  /**
   * How many values each hidden cell could have, for a reader who knows the shown total and
   * cells and that "fewer than k" means 1 to k − 1 and a withheld cell k or more.
   */
  function possibleValues(result: DisclosedDistribution<string>, k: number): number[] {
    if (result.total.kind !== 'count') return [];
    const total = result.total.value;
    const hidden = result.cells.map((c) => c.value).filter((v) => v.kind !== 'count');
    const residual = total - sum(result.cells.map((c) => (c.value.kind === 'count' ? c.value.value : 0)));
    const range = (v: DisclosedFigure): [number, number] => (v.kind === 'fewer-than' ? [1, k - 1] : [k, Infinity]);
    return hidden.map((cell, i) => {
      const others = hidden.filter((_, j) => j !== i).map(range);
      const least = sum(others.map(([lo]) => lo));
      const most = others.reduce((acc, [, hi]) => acc + hi, 0);
      const [lo, hi] = range(cell);
      let possible = 0;
      for (let v = lo; v <= Math.min(hi, residual); v += 1) {
        if (residual - v >= least && residual - v <= most) possible += 1;
      }
      return possible;
    });
  }

  it('leaves every hidden cell at least two possible values when the exact total is shown', () => {
    fc.assert(
      fc.property(exactPolicy, counts, fc.array(fc.nat(6), { maxLength: 3 }), (policy, values, withhold) => {
        const result = discloseDistribution(cells(...values), sum(values), policy, {
          additive: true,
          withhold: new Set(withhold),
        });
        for (const possible of possibleValues(result, policy.k)) expect(possible).toBeGreaterThanOrEqual(2);
      }),
    );
  });

  it('in linked tables, shows no count equal to a withheld total, and keeps each table safe', () => {
    const table = counts.map((values) => ({ cells: cells(...values), total: sum(values), additive: true }));
    fc.assert(
      fc.property(exactPolicy, fc.array(table, { minLength: 1, maxLength: 5 }), (policy, tables) => {
        const results = discloseLinkedTables(tables, policy);
        const withheldTotals = new Set(tables.filter((_, t) => results[t]?.total.kind === 'withheld').map((t) => t.total));
        results.forEach((result, t) => {
          result.cells.forEach((cell, c) => {
            const raw = tables[t]?.cells[c]?.count ?? 0;
            if (cell.value.kind === 'count' && raw > 0) expect(withheldTotals.has(raw)).toBe(false);
          });
          if (result.total.kind === 'count' && result.total.value > 0) {
            expect(withheldTotals.has(result.total.value)).toBe(false);
          }
          for (const possible of possibleValues(result, policy.k)) expect(possible).toBeGreaterThanOrEqual(2);
        });
      }),
    );
  });

  it('suppresses the cells of a non-additive distribution exactly as single counts', () => {
    fc.assert(
      fc.property(anyPolicy, counts, fc.nat(20), (policy, values, extra) => {
        const total = Math.max(0, ...values) + extra;
        const result = discloseDistribution(cells(...values), total, policy, { additive: false });
        expect(result.cells.map((c) => c.value)).toEqual(values.map((v) => discloseCount(v, policy)));
        expect(result.total).toEqual(discloseCount(total, policy));
      }),
    );
  });

  it('shows a share only when both its parts are shown', () => {
    fc.assert(
      fc.property(anyPolicy, fc.nat(60), fc.nat(60), (policy, a, b) => {
        const [numerator, denominator] = [Math.min(a, b), Math.max(a, b)];
        const share = shareOf(discloseCount(numerator, policy), discloseCount(denominator, policy));
        const hidden = (value: number) => small(value, policy.k) || (policy.hideZero && value === 0);
        const bothShown = !hidden(numerator) && !hidden(denominator) && denominator > 0;
        expect(share.kind === 'share').toBe(bothShown);
        if (share.kind === 'share') expect(share.value).toBeLessThanOrEqual(1);
      }),
    );
  });
});
