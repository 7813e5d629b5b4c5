import { describe, expect, it } from 'vitest';
import { guessGap } from './guess-gap';

describe('guessGap', () => {
  it('says how much higher the real figure is than the guess, and where both sit', () => {
    expect(guessGap(5, 17, { min: 1, max: 30 })).toEqual({ direction: 'higher', difference: 12, guessAt: (4 / 29) * 100, realAt: (16 / 29) * 100 });
  });

  it('says how much lower it is', () => {
    expect(guessGap(7, 2, { min: 0, max: 10 })).toMatchObject({ direction: 'lower', difference: 5, guessAt: 70, realAt: 20 });
  });

  it('knows a spot-on guess', () => {
    expect(guessGap(3, 3, { min: 1, max: 10 })).toMatchObject({ direction: 'exact', difference: 0 });
  });

  it('keeps decimals tidy and positions on the scale', () => {
    expect(guessGap(0.1, 0.3, { min: 0, max: 1 }).difference).toBe(0.2);
    expect(guessGap(50, 3, { min: 1, max: 10 }).guessAt).toBe(100);
  });
});
