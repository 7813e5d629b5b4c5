/**
 * The attacker against officers' results (officer-attack.test.ts) under the rules as released:
 * over every selection the filters allow, no group of 1 to k − 1 may be pinned or narrowed to two
 * values. officer-attack.test.ts shows the same attacker finding groups under the old rules. The
 * groups are split in two (tests/support/officer-attack-released.ts): this file attacks part
 * 1, officer-attack-released-2.test.ts the other, so that vitest runs the three files side by side.
 */
import { describe } from 'vitest';
import { itAttacksReleasedPart } from '../support/officer-attack-released';

describe('the attacker on officers’ results, under the rules as released', () => {
  itAttacksReleasedPart(0);
});
