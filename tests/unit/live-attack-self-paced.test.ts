/**
 * The live class view's attacker (tests/support/live-attack-classes.ts) against the release
 * rules, in self-paced classes of 5 to 12, where the teacher never reveals and phones see a first
 * release at 2k. live-attack.test.ts shows the same attacker finding groups under rules that leak.
 */
import { describe, expect, it } from 'vitest';
import { attackMany, summary } from '../support/live-attack-classes';

describe('the live class view under attack, in self-paced classes', () => {
  it('finds nothing under the release rules in self-paced classes, where phones see the first release at 10', async () => {
    const seeds = Array.from({ length: 20 }, (_, i) => 200 + i);
    const result = await attackMany(seeds, 'new', 'self_paced');
    console.log(summary('release rules, self-paced', result));
    expect(result.examples).toEqual([]);
    expect(result.classes).toBe(20);
    expect(result.groups).toBeGreaterThan(0);
  }, 600_000);
});
