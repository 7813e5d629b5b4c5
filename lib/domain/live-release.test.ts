import { describe, expect, it } from 'vitest';
import { advanceRelease, firstReleaseAt, mayGrow, shownRelease, type FrozenRelease, type ReleaseRules } from './live-release';
import type { CountNode } from './live-tree';

const K = 5;
const flat = (...counts: number[]): CountNode[] => [
  { key: '', count: counts.reduce((a, b) => a + b, 0), children: counts.map((count, i) => ({ key: `o${i}`, count, children: [] })) },
];
const live: ReleaseRules = { k: K, mayStart: true, firstAt: K };

function stored(step: ReturnType<typeof advanceRelease>): FrozenRelease {
  if (!step.release) throw new Error('nothing released');
  return step.release;
}

describe('releases of a live tally', () => {
  it('releases nothing before the reveal, or with fewer than k counted', () => {
    expect(advanceRelease(null, flat(10, 10), { ...live, mayStart: false })).toEqual({ kind: 'unchanged', release: null });
    expect(advanceRelease(null, flat(2, 2), live)).toEqual({ kind: 'unchanged', release: null });
    const first = advanceRelease(null, flat(10, 10), live);
    expect(first).toMatchObject({ kind: 'store', replaces: null, release: { counted: 20, version: 1, showable: true } });
  });

  it('makes a live first release only once half the class has answered, a self-paced one at 2k', () => {
    expect(firstReleaseAt('live', 30, K)).toBe(15);
    expect(firstReleaseAt('live', 6, K)).toBe(5);
    expect(firstReleaseAt('self_paced', 30, K)).toBe(10);
    // Revealed at 9 of 30: nothing is frozen yet.
    expect(advanceRelease(null, flat(5, 4), { ...live, firstAt: 15 }).release).toBeNull();
  });

  it('never changes by one answer: a poll after every answer shows the same release until a whole group passes', () => {
    let release = stored(advanceRelease(null, flat(10, 10), live));
    const seen = new Set<string>();
    // One answer at a time, alternating: 11/10, 11/11, 12/11 … up to 15/15.
    for (let extra = 1; extra <= 10; extra += 1) {
      const step = advanceRelease(release, flat(10 + Math.ceil(extra / 2), 10 + Math.floor(extra / 2)), live);
      if (step.kind === 'store') release = step.release;
      seen.add(JSON.stringify(shownRelease(release, K)));
      if (extra < 10) expect(release.counted).toBe(20);
    }
    // Ten more, five on each: the group may join.
    expect(release.counted).toBe(30);
    expect(seen.size).toBe(2);
  });

  it('keeps a group out when it would show a small group or the newest students all answering alike', () => {
    const release = stored(advanceRelease(null, flat(10, 10, 10), live));
    // 10 more: 7 and 3. "o1 went up by 3" would be a group of 3.
    expect(mayGrow(release, flat(17, 13, 10), K)).toBe(false);
    // 10 more, all on o0: every one of them chose o0.
    expect(mayGrow(release, flat(20, 10, 10), K)).toBe(false);
    // 10 more, 5 and 5: no one stands out.
    expect(mayGrow(release, flat(15, 15, 10), K)).toBe(true);
  });

  it('keeps what it hid hidden, and lets nothing it hid change', () => {
    // 3 on o1 beside the total: o2 is hidden too, as the range it lies in.
    const release = stored(advanceRelease(null, flat(17, 3, 10, 10), live));
    expect(release.hidden[0]).toEqual(['/o1', '/o2']);
    // o1 gains 5: from "fewer than 5" to 8 would tell the 3.
    expect(mayGrow(release, flat(22, 8, 10, 10), K)).toBe(false);
    expect(mayGrow(release, flat(22, 3, 15, 10), K)).toBe(false);
    expect(mayGrow(release, flat(22, 3, 10, 15), K)).toBe(true);
  });

  it('tries each whole group of k once, so that no single answer decides whether the figures move', () => {
    let release = stored(advanceRelease(null, flat(10, 10), live));
    // 10 more, all on o0: tried at the 10th, refused, and not tried again at the 11th.
    let step = advanceRelease(release, flat(20, 10), live);
    expect(step).toMatchObject({ kind: 'store', release: { counted: 20, triedGroups: 2 } });
    release = stored(step);
    expect(advanceRelease(release, flat(20, 11), live).kind).toBe('unchanged');
    // At 15 more the next group is tried: 10 and 5 on o0 and o1 both of size k or more.
    step = advanceRelease(release, flat(20, 15), live);
    expect(step).toMatchObject({ kind: 'store', release: { counted: 35 } });
  });

  it('tries again, fresh, a release that could not be shown', () => {
    // A tick-all option ticked by 3 of 7: both "ticked" and "not ticked" are small.
    const seven = [{ key: '', count: 7, children: [{ key: 'a', count: 3, children: [] }, { key: 'other', count: 4, children: [] }] }];
    const release = stored(advanceRelease(null, seven, live));
    expect(release.showable).toBe(false);
    expect(shownRelease(release, K)).toBeNull();
    const twelve = [{ key: '', count: 12, children: [{ key: 'a', count: 6, children: [] }, { key: 'other', count: 6, children: [] }] }];
    expect(advanceRelease(release, twelve, live)).toMatchObject({ kind: 'store', release: { counted: 12, showable: true } });
  });
});

describe('a release with how sure the wrong were (a detail split)', () => {
  const sure = (right: number, verySure: number, less: number): CountNode[] => [
    {
      key: '',
      count: right + verySure + less,
      children: [
        { key: 'right', count: right, children: [] },
        { key: 'wrong', count: verySure + less, detail: true, children: [{ key: 'very-sure', count: verySure, children: [] }, { key: 'less-sure', count: less, children: [] }] },
      ],
    },
  ];

  it('freezes the split with the answers, and shows it only from the release', () => {
    const first = stored(advanceRelease(null, sure(10, 6, 5), live));
    expect(first.withheld).toEqual([[]]);
    const wrong = shownRelease(first, K)?.[0]?.children[1];
    expect(wrong?.children.map((c) => c.figure)).toEqual([{ kind: 'count', value: 6 }, { kind: 'count', value: 5 }]);
    // One more very sure answer changes nothing shown: no single answer moves a figure.
    expect(advanceRelease(first, sure(10, 7, 5), live)).toEqual({ kind: 'unchanged', release: first });
  });

  it('keeps a withheld split withheld, and grows past it only by whole groups', () => {
    // 1 very sure of 6 wrong: withheld, so the 6 stays a number on the reveal.
    const first = stored(advanceRelease(null, sure(10, 1, 5), live));
    expect(first.withheld).toEqual([['/wrong']]);
    expect(shownRelease(first, K)?.[0]?.children.map((c) => c.figure)).toEqual([{ kind: 'count', value: 10 }, { kind: 'count', value: 6 }]);
    expect(shownRelease(first, K)?.[0]?.children[1]?.children).toEqual([]);
    // Two whole groups later (5 right, 5 wrong and very sure): the question grows, the split stays withheld.
    const grown = stored(advanceRelease(first, sure(15, 6, 5), live));
    expect(grown.counted).toBe(26);
    expect(grown.withheld).toEqual([['/wrong']]);
    expect(shownRelease(grown, K)?.[0]?.children[1]?.children).toEqual([]);
  });

  it('does not grow when the group would move how sure the wrong were by fewer than k', () => {
    const first = stored(advanceRelease(null, sure(10, 6, 5), live));
    // 10 more: 5 right, 5 wrong split 3 very sure, 2 less sure.
    const next = sure(15, 9, 7);
    expect(mayGrow(first, next, K)).toBe(false);
    expect(advanceRelease(first, next, live).release?.counted).toBe(21);
  });
});
