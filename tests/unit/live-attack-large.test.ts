/**
 * The live class view's attacker (tests/support/live-attack-classes.ts) against the release
 * rules, in whole classes of 20 to 32 revealed from the first answer, where later groups of
 * answers join a release. live-attack.test.ts shows the same attacker catching a count that
 * bypasses the release in these same classes.
 */
import { describe, expect, it } from 'vitest';
import { attackMany, summary } from '../support/live-attack-classes';

describe('the live class view under attack, in whole classes', () => {
  it('finds nothing in whole classes of 20 to 32 revealed from the first answer, where later groups of answers join', async () => {
    const seeds = Array.from({ length: 20 }, (_, i) => 300 + i);
    const result = await attackMany(seeds, 'new', 'early', [20, 32]);
    console.log(summary('release rules, live, 20–32', result));
    expect(result.examples).toEqual([]);
    expect(result.sureShown).toBeGreaterThan(0);
    expect(result.grown).toBeGreaterThan(0);
  }, 600_000);
});
