import { describe, expect, it } from 'vitest';
import { commonMistakes, leastOf, wrongButSure } from './class-discussion';
import { guessBin } from './class-tally';
import type { DisclosedTally } from './class-tally-disclosure';

const count = (value: number) => ({ kind: 'count' as const, value });
const fewer = { kind: 'fewer-than' as const, k: 5 };
const range = (from: number, to: number) => ({ kind: 'range' as const, from, to });

describe('commonMistakes', () => {
  const tallies: DisclosedTally[] = [
    {
      kind: 'options',
      itemId: 'q1',
      reached: range(15, 19),
      additive: true,
      options: [
        { id: 'right', count: count(8), correct: true },
        { id: 'wrong', count: range(5, 7), correct: false },
        { id: 'rare', count: fewer, correct: false },
      ],
    },
    { kind: 'binary', itemId: 'f2', reached: range(10, 14), question: 'number', right: count(5), other: count(6) },
    { kind: 'scale', itemId: 'a1', reached: range(10, 14), points: [{ value: 1, count: count(9) }] },
    { kind: 'options', itemId: 'q2', reached: range(10, 14), additive: true, options: [{ id: 'w', count: count(5), correct: false }] },
    { kind: 'waiting', itemId: 'q3', k: 5, why: 'few', at: 8 },
  ];

  it('ranks shown wrong answers by the least they can be, never a "fewer than k", nor an opinion', () => {
    expect(commonMistakes(tallies, 5)).toEqual([
      { itemId: 'f2', optionId: null, figure: count(6), atLeast: 6 },
      { itemId: 'q1', optionId: 'wrong', figure: range(5, 7), atLeast: 5 },
      { itemId: 'q2', optionId: 'w', figure: count(5), atLeast: 5 },
    ]);
  });

  it('keeps to the limit and to figures of at least k', () => {
    expect(commonMistakes(tallies, 5, 1).map((p) => p.itemId)).toEqual(['f2']);
    expect(commonMistakes(tallies, 6).map((p) => p.itemId)).toEqual(['f2']);
    expect(commonMistakes([], 5)).toEqual([]);
  });

  it('reads a figure at its least', () => {
    expect([leastOf(count(3)), leastOf(fewer), leastOf(range(5, 9))]).toEqual([3, 0, 5]);
  });
});

describe('guessBin', () => {
  it('puts a guess close to (within 25%), under half, under, over or over double the real figure', () => {
    expect([1, 2, 2.25, 3, 3.75, 4, 6, 7].map((g) => guessBin(3, g))).toEqual(['far-under', 'under', 'right', 'right', 'right', 'over', 'over', 'far-over']);
    expect([-1, 0, 1].map((g) => guessBin(0, g))).toEqual(['under', 'right', 'over']);
  });
});

describe('wrongButSure', () => {
  const tallies: DisclosedTally[] = [
    {
      kind: 'options',
      itemId: 'q1',
      reached: range(20, 24),
      additive: true,
      options: [
        { id: 'right', count: count(8), correct: true },
        { id: 'wrong', count: count(10), correct: false, sure: count(6) },
        { id: 'also', count: range(5, 9), correct: false, sure: range(5, 8) },
      ],
    },
    // A split withheld: no `sure` at all, so nothing to list.
    { kind: 'options', itemId: 'q2', reached: range(15, 19), additive: true, options: [{ id: 'w', count: count(12), correct: false }] },
    // "Fewer than 5" very sure may be none: never listed.
    { kind: 'options', itemId: 'q3', reached: range(10, 14), additive: true, options: [{ id: 'w', count: count(9), correct: false, sure: fewer }] },
    { kind: 'binary', itemId: 'o1', reached: range(15, 19), question: 'order', right: count(5), other: count(12), otherSure: count(7) },
    { kind: 'options', itemId: 'q4', reached: range(15, 19), additive: true, options: [{ id: 'w', count: count(10), correct: false, sure: count(5) }] },
  ];

  it('lists per item the wrong answer most were very sure of, most first, at most three, never below k', () => {
    expect(wrongButSure(tallies, 5)).toEqual([
      { itemId: 'o1', optionId: null, figure: count(7), atLeast: 7 },
      { itemId: 'q1', optionId: 'wrong', figure: count(6), atLeast: 6 },
      { itemId: 'q4', optionId: 'w', figure: count(5), atLeast: 5 },
    ]);
    expect(wrongButSure(tallies, 5, 10).map((p) => p.itemId)).toEqual(['o1', 'q1', 'q4']);
  });

  it('says nothing when no released figure shows k or more very sure of a wrong answer', () => {
    expect(wrongButSure([tallies[1], tallies[2]].filter((t): t is DisclosedTally => t !== undefined), 5)).toEqual([]);
  });
});
