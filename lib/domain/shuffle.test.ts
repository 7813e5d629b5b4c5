import { describe, expect, it } from 'vitest';
import { seededShuffle } from './shuffle';

describe('seededShuffle', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];

  it('gives the same order for the same seed, so a reload shows the same question', () => {
    expect(seededShuffle(items, 'device-1:q')).toEqual(seededShuffle(items, 'device-1:q'));
  });

  it('keeps every item exactly once', () => {
    expect([...seededShuffle(items, 'x')].sort()).toEqual(items);
  });

  it('never starts in the correct order, for any of 500 seeds', () => {
    for (let i = 0; i < 500; i += 1) expect(seededShuffle(items, `seed-${i}`)).not.toEqual(items);
    expect(seededShuffle(['a', 'b'], 'anything')).toEqual(['b', 'a']);
  });

  it('differs between seeds', () => {
    const orders = new Set(Array.from({ length: 50 }, (_, i) => seededShuffle(items, `s${i}`).join('')));
    expect(orders.size).toBeGreaterThan(10);
  });
});
