import { describe, expect, it } from 'vitest';
import type { DisclosedKnowledgeItem } from './class-report-types';
import { revisitFirst } from './class-report-revisit';

const count = (value: number) => ({ kind: 'count' as const, value });
const item = (itemId: string, answered: number, right: number | null, extra: Partial<DisclosedKnowledgeItem> = {}): DisclosedKnowledgeItem => ({
  itemId,
  phase: 'main',
  kind: 'single',
  answered: count(answered),
  correct:
    right === null
      ? { value: { kind: 'withheld' }, share: { kind: 'withheld' } }
      : { value: count(right), share: { kind: 'share', value: right / answered } },
  misconceptions: [],
  confidenceAsked: false,
  confidentErrors: { kind: 'withheld' },
  ...extra,
});

describe('revisitFirst', () => {
  it('lists the questions most got wrong, worst first, with the belief behind them, and at most three', () => {
    const knowledge = [
      item('a', 30, 25),
      item('b', 30, 9, {
        misconceptions: [
          { misconceptionId: 'm-limit', value: count(14), share: { kind: 'share', value: 14 / 30 } },
          { misconceptionId: 'm-other', value: count(7), share: { kind: 'share', value: 7 / 30 } },
        ],
      }),
      item('c', 30, 15),
      item('d', 30, 18),
      item('e', 30, 3),
      item('f', 30, 12),
    ];
    const { mostWrong } = revisitFirst({ knowledge });
    expect(mostWrong.map((i) => i.itemId)).toEqual(['e', 'b', 'f']);
    expect(mostWrong[1]).toMatchObject({ wrongShare: 0.7, belief: { misconceptionId: 'm-limit', value: count(14) } });
  });

  it('ranks only shown figures: a withheld share is counted as not judged, never guessed at', () => {
    const revisit = revisitFirst({ knowledge: [item('a', 30, null), item('b', 30, 10), item('none', 0, 0)] });
    expect(revisit.mostWrong.map((i) => i.itemId)).toEqual(['b']);
    expect(revisit.notJudged).toBe(1);
  });

  it('lists the confident errors by how many were wrong and very sure, only where a count is shown', () => {
    const revisit = revisitFirst({
      knowledge: [
        item('a', 30, 20, { confidenceAsked: true, confidentErrors: count(6) }),
        item('b', 30, 20, { confidenceAsked: true, confidentErrors: { kind: 'fewer-than', k: 5 } }),
        item('c', 30, 10, { confidenceAsked: true, confidentErrors: count(9) }),
        item('d', 30, 20, { confidenceAsked: true, confidentErrors: { kind: 'withheld' } }),
      ],
    });
    expect(revisit.confidentErrors.map((i) => [i.itemId, i.value.value])).toEqual([
      ['c', 9],
      ['a', 6],
    ]);
  });
});
