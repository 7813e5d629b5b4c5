import { describe, expect, it } from 'vitest';
import type { Answer } from '@/lib/api/schemas';
import { confidenceFeedback, confidenceHighlights } from './confidence-feedback';

const items = [
  { id: 'q-one', kind: 'single' as const, options: [{ id: 'a', correct: true }, { id: 'b', correct: false }] },
  { id: 'q-two', kind: 'single' as const, options: [{ id: 'a', correct: false }, { id: 'b', correct: true }] },
  { id: 'q-three', kind: 'truefalse' as const, options: [{ id: 'true', correct: false }, { id: 'false', correct: true }] },
];

let clock = 0;
function answer(itemId: string, optionId: string, confidence: number | undefined, phase: Answer['phase'] = 'main'): Answer {
  clock += 1;
  return {
    id: crypto.randomUUID(),
    itemId,
    phase,
    response: { kind: 'choice', optionIds: [optionId] },
    ...(confidence === undefined ? {} : { confidence }),
    contentVersion: 'abcdef123456',
    answeredAt: new Date(Date.UTC(2026, 0, 1, 10, 0, clock)).toISOString(),
  };
}

describe('confidenceFeedback', () => {
  it('marks a wrong answer given as very sure as the one to remember', () => {
    expect(confidenceFeedback(false, 3)).toBe('remember');
  });

  it('reinforces a right answer given as a guess', () => {
    expect(confidenceFeedback(true, 1)).toBe('reinforce');
  });

  it('says nothing extra otherwise', () => {
    expect(confidenceFeedback(false, 1)).toBeNull();
    expect(confidenceFeedback(false, 2)).toBeNull();
    expect(confidenceFeedback(true, 3)).toBeNull();
    expect(confidenceFeedback(false, undefined)).toBeNull();
  });
});

describe('confidenceHighlights', () => {
  it('lists wrong-but-sure and right-but-guessing items, and nothing else', () => {
    const answers = {
      'main:q-one': answer('q-one', 'b', 3),
      'main:q-two': answer('q-two', 'b', 1),
      'main:q-three': answer('q-three', 'false', 3),
      'main:F1': { ...answer('F1', 'x', undefined), response: { kind: 'number' as const, value: 4 } },
    };
    expect(confidenceHighlights(answers, { items })).toEqual({ wrongButSure: ['q-one'], rightButGuessing: ['q-two'] });
  });

  it('goes by the latest phase: an error put right after the module is no longer listed', () => {
    const answers = { 'before:q-one': answer('q-one', 'b', 3, 'before'), 'after:q-one': answer('q-one', 'a', 3, 'after') };
    expect(confidenceHighlights(answers, { items })).toEqual({ wrongButSure: [], rightButGuessing: [] });
  });
});
