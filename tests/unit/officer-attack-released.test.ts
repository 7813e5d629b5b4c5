/**
 * The attacker against officers' results (officer-attack.test.ts) under the rules as released:
 * over every selection the filters allow, no group of 1 to k − 1 may be pinned or narrowed to two
 * values. officer-attack.test.ts shows the same attacker finding groups under the old rules; the
 * two are files of their own so that vitest runs them side by side.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getModule } from '@/lib/content/load';
import type { ModuleStructure } from '@/lib/content/schema';
import { MAX_NOISE } from '@/lib/domain/cell-key';
import { disclosurePolicies } from '@/lib/domain/disclosure';
import { releaseOfficerResults } from '@/lib/domain/officer-release';
import { selectSessions } from '@/lib/domain/results-selection';
import { checkWidths } from '../support/disclosure-attacker';
import { syntheticCounty } from '../support/officer-county';
import { allowedFilters, attackModel, publishedRanges, targets, TIME_ZONE, trueAtoms } from '../support/officer-figures';

const policy = disclosurePolicies().export;

let structure: ModuleStructure;
beforeAll(async () => {
  structure = (await getModule()).structure;
});

describe('the attacker on officers’ results, under the rules as released', () => {
  it('finds no group of 1 to k − 1 pinned or narrowed to two values under the rules as released', async () => {
    for (const seed of (process.env.ATTACK_SEEDS ?? '2026').split(',').map(Number)) {
      const county = syntheticCounty(structure, seed);
      const filters = allowedFilters(county);
      const ranges = filters.flatMap((f) => {
        const release = releaseOfficerResults({ structure, sessions: county.sessions, summaries: county.summaries, filters: f, policy, timeZone: TIME_ZONE });
        const chosen = selectSessions(county.sessions, f, TIME_ZONE).sessions;
        return publishedRanges(county, release.results, chosen, policy.k, false);
      });
      const counts = trueAtoms(county);
      const published = trueAtoms(county, true);
      const noise = new Map([...counts].map(([a, n]) => [a, (published.get(a) ?? 0) - n]));
      const checks = await checkWidths(ranges, targets(county, counts, policy.k), attackModel(county, MAX_NOISE), { counts, noise });
      const found = checks.filter((c) => !c.atLeastThree);
      console.info(
        `[attack, cell key] seed ${seed}: ${filters.length} selections, ${ranges.length} figures, ${checks.length} small groups attacked: ` +
          `${found.length} narrowed to two values or fewer (so none pinned)`,
      );
      expect(found).toEqual([]);
    }
  }, 600_000);
});
