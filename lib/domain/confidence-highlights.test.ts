import { describe, expect, it } from 'vitest';
import { confidenceSchema, type Answer } from '@/lib/api/schemas';
import { confidenceHighlights, GUESSING, inAnsweredOrder, rightAnswerLabels, VERY_SURE } from './confidence-highlights';

const items = [
  { id: 'q1', kind: 'single' as const, options: [{ id: 'a', correct: true }, { id: 'b', correct: false }] },
  { id: 'q2', kind: 'truefalse' as const, options: [{ id: 'true', correct: false }, { id: 'false', correct: true }] },
  { id: 'q3', kind: 'ordering' as const, options: [{ id: 'x' }, { id: 'y' }] },
];

function answer(itemId: string, optionIds: string[], confidence: number | undefined, phase: Answer['phase'] = 'main') {
  return {
    itemId,
    phase,
    response: itemId === 'q3' ? { kind: 'order' as const, optionIds } : { kind: 'choice' as const, optionIds },
    ...(confidence === undefined ? {} : { confidence }),
  };
}

describe('confidenceHighlights', () => {
  it('uses the ends of the stored confidence scale', () => {
    expect(confidenceSchema.safeParse(GUESSING).success).toBe(true);
    expect(confidenceSchema.safeParse(VERY_SURE).success).toBe(true);
    expect(confidenceSchema.safeParse(GUESSING - 1).success).toBe(false);
    expect(confidenceSchema.safeParse(VERY_SURE + 1).success).toBe(false);
  });

  it('finds wrong answers given as very sure and right answers given as guessing, in content order', () => {
    const result = confidenceHighlights(items, [
      answer('q3', ['y', 'x'], 3),
      answer('q2', ['false'], 1),
      answer('q1', ['b'], 3),
    ]);
    expect(result).toEqual({ wrongButSure: ['q1', 'q3'], rightButGuessing: ['q2'] });
  });

  it('leaves out the middle of the scale, the other ends and answers without a rating', () => {
    const result = confidenceHighlights(items, [answer('q1', ['b'], 2), answer('q2', ['false'], 3), answer('q3', ['y', 'x'], undefined)]);
    expect(result).toEqual({ wrongButSure: [], rightButGuessing: [] });
  });

  it('judges an item by its latest rated answer', () => {
    const result = confidenceHighlights(items, [answer('q1', ['b'], 3, 'main'), answer('q1', ['a'], 2, 'after')]);
    expect(result.wrongButSure).toEqual([]);
  });

  it('ignores answers to items it does not know', () => {
    expect(confidenceHighlights(items, [answer('gone', ['a'], 3)])).toEqual({ wrongButSure: [], rightButGuessing: [] });
  });
});

describe('inAnsweredOrder', () => {
  it('sorts by the time answered', () => {
    const sorted = inAnsweredOrder({ b: { answeredAt: '2026-01-02T00:00:00.000Z' }, a: { answeredAt: '2026-01-01T00:00:00.000Z' } });
    expect(sorted.map((a) => a.answeredAt)).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z']);
  });
});

describe('rightAnswerLabels', () => {
  it('gives the right options, or every option in the right order', () => {
    const options = [
      { label: 'First', correct: true },
      { label: 'Second', correct: false },
      { label: 'Third', correct: true },
    ];
    expect(rightAnswerLabels({ kind: 'multiple', options })).toEqual(['First', 'Third']);
    expect(rightAnswerLabels({ kind: 'ordering', options })).toEqual(['First', 'Second', 'Third']);
  });
});
