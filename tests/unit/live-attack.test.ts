/**
 * The live class view's attacker (tests/support/live-attack-classes.ts) against rules that leak:
 * it must find plenty, or finding nothing in live-attack-live, -self-paced and -large proves
 * nothing. Four files so that vitest runs them side by side.
 */
import { describe, expect, it } from 'vitest';
import { attackMany, summary } from '../support/live-attack-classes';

describe('the live class view under attack, against rules that leak', () => {
  it('finds small groups and single answers under the old rule (tally every answer, knowledge exactly)', async () => {
    const old = await attackMany([1, 2, 3], 'old', 'live');
    console.log(summary('old rule', old), '\n  e.g.', old.examples.join('\n  e.g. '));
    expect(old.pinned).toBeGreaterThan(10);
    expect(old.inferred).toBeGreaterThan(5);
  }, 600_000);

  it('catches a "wrong but very sure" count that bypasses the release, so live-attack-large can fail', async () => {
    const seeds = Array.from({ length: 6 }, (_, i) => 300 + i);
    const result = await attackMany(seeds, 'sure-bypass', 'early', [20, 32]);
    console.log(summary('"wrong but very sure" outside the release', result), '\n  e.g.', result.examples.join('\n  e.g. '));
    // Each step of the count marks the student who just answered as wrong and very sure.
    expect(result.pinned).toBeGreaterThan(10);
    expect(result.inferred).toBeGreaterThan(0);
    expect(result.examples.some((e) => e.includes('/wrong-very-sure'))).toBe(true);
  }, 600_000);

  it('also catches a rule that is not enough: a fresh release, disclosed on its own, after every k more answers', async () => {
    const result = await attackMany([300, 301, 302], 'batches', 'early', [20, 32]);
    console.log(summary('fresh release every k answers', result), '\n  e.g.', result.examples.join('\n  e.g. '));
    expect(result.pinned + result.narrowed).toBeGreaterThan(10);
  }, 600_000);
});
