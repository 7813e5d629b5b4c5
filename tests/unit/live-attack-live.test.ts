/**
 * The live class view's attacker (tests/support/live-attack-classes.ts) against the release
 * rules, in live classes of 5 to 12 where the teacher reveals, hides and reveals again at random.
 * live-attack.test.ts shows the same attacker finding groups under rules that leak.
 */
import { describe, expect, it } from 'vitest';
import { attackMany, summary } from '../support/live-attack-classes';

describe('the live class view under attack, in live classes', () => {
  it('finds nothing under the release rules, in live classes with random reveals', async () => {
    const seeds = Array.from({ length: 40 }, (_, i) => 100 + i);
    const result = await attackMany(seeds, 'new', 'live');
    console.log(summary('release rules, live', result));
    expect(result.examples).toEqual([]);
    expect(result.sureShown).toBeGreaterThan(0);
    expect(result.releases).toBeGreaterThan(24);
    expect(result.groups).toBeGreaterThan(24);
  }, 600_000);
});
