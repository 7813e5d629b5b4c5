import { describe, expect, it } from 'vitest';
import { deviceOptionOrder, isOrderOf, seededShuffle } from './shuffle';

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

describe('deviceOptionOrder', () => {
  const options = ['a', 'b', 'c', 'd'];

  it('keeps one order per device and question, so a reload shows the same order', () => {
    expect(deviceOptionOrder(options, 'seed-1', 'q-one')).toEqual(deviceOptionOrder(options, 'seed-1', 'q-one'));
  });

  it('gives other devices other orders, the content order among them (no position is ruled out)', () => {
    const orders = Array.from({ length: 400 }, (_, i) => deviceOptionOrder(options, `device-${i}`, 'q-one').join(''));
    expect(new Set(orders).size).toBe(24);
    expect(orders).toContain('abcd');
  });

  it('puts each option first about equally often', () => {
    const firsts = new Map<string, number>();
    for (let i = 0; i < 4000; i += 1) {
      const first = deviceOptionOrder(options, `d${i}`, 'q')[0] ?? '';
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    for (const id of options) expect(firsts.get(id)).toBeGreaterThan(850);
  });

  it('gives one device different orders for different questions', () => {
    const orders = new Set(Array.from({ length: 20 }, (_, i) => deviceOptionOrder(options, 'seed-1', `q-${i}`).join('')));
    expect(orders.size).toBeGreaterThan(5);
  });
});

describe('isOrderOf', () => {
  it('takes each option exactly once, in any order', () => {
    expect(isOrderOf(['c', 'a', 'b'], ['a', 'b', 'c'])).toBe(true);
  });

  it('refuses a missing, repeated or unknown option', () => {
    expect(isOrderOf(['a', 'b'], ['a', 'b', 'c'])).toBe(false);
    expect(isOrderOf(['a', 'a', 'b'], ['a', 'b', 'c'])).toBe(false);
    expect(isOrderOf(['a', 'b', 'x'], ['a', 'b', 'c'])).toBe(false);
    expect(isOrderOf(['a', 'b', 'c', 'd'], ['a', 'b', 'c'])).toBe(false);
  });
});
