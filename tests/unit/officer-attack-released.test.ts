/**
 * The attacker against officers' results (officer-attack.test.ts) under the rules as released:
 * over every selection the filters allow, no group of 1 to k − 1 may be pinned or narrowed to two
 * values. officer-attack.test.ts shows the same attacker finding groups under the old rules. The
 * groups are split in two (tests/support/officer-attack-released.ts): this file attacks part
 * 1, officer-attack-released-2.test.ts the other, so that vitest runs the three files side by side.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getModule } from '@/lib/content/load';
import type { ModuleStructure } from '@/lib/content/schema';
import { attackReleasedPart, attackSeeds, RELEASED_ATTACK_PARTS } from '../support/officer-attack-released';

let structure: ModuleStructure;
beforeAll(async () => {
  structure = (await getModule()).structure;
});

describe('the attacker on officers’ results, under the rules as released', () => {
  it(`finds no group of 1 to k − 1 pinned or narrowed to two values under the rules as released (part 1 of ${RELEASED_ATTACK_PARTS})`, async () => {
    for (const seed of attackSeeds()) {
      const { checks, found } = await attackReleasedPart(structure, seed, 0);
      expect(checks.length).toBeGreaterThan(0);
      expect(found).toEqual([]);
    }
  }, 600_000);
});
