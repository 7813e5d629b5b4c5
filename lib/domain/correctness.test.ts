import { describe, expect, it } from 'vitest';
import { isCloseGuess, isCorrectAnswer, type ScorableItem } from './correctness';

const multiple: ScorableItem = { kind: 'multiple', options: [{ id: 'a', correct: true }, { id: 'b', correct: true }, { id: 'c', correct: false }] };
const ordering: ScorableItem = { kind: 'ordering', options: [{ id: 'one' }, { id: 'two' }, { id: 'three' }] };

describe('isCorrectAnswer', () => {
  it('needs every right option and no wrong one for a multiple-choice item', () => {
    expect(isCorrectAnswer(multiple, { kind: 'choice', optionIds: ['b', 'a'] })).toBe(true);
    expect(isCorrectAnswer(multiple, { kind: 'choice', optionIds: ['a'] })).toBe(false);
    expect(isCorrectAnswer(multiple, { kind: 'choice', optionIds: ['a', 'b', 'c'] })).toBe(false);
  });

  it('needs the exact order for an ordering item', () => {
    expect(isCorrectAnswer(ordering, { kind: 'order', optionIds: ['one', 'two', 'three'] })).toBe(true);
    expect(isCorrectAnswer(ordering, { kind: 'order', optionIds: ['two', 'one', 'three'] })).toBe(false);
    expect(isCorrectAnswer(ordering, { kind: 'choice', optionIds: ['one'] })).toBe(false);
  });
});

describe('isCloseGuess', () => {
  it('accepts guesses within a quarter of the answer', () => {
    expect(isCloseGuess(17, 13)).toBe(true);
    expect(isCloseGuess(17, 12)).toBe(false);
    expect(isCloseGuess(0, 0)).toBe(true);
    expect(isCloseGuess(0, 1)).toBe(false);
  });
});
