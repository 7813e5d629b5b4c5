/**
 * The attacker against officers' results under the rules as released
 * (tests/unit/officer-attack-released*.test.ts), one part of the small groups at a time: the
 * longest unit test, split so that vitest runs its parts side by side. Every part publishes the
 * same figures (every selection the filters allow) and attacks every `parts`-th group from
 * `part`. A group's width check depends only on the figures and facts that share its atoms
 * (checkWidths solves each connected part of the model on its own), so the parts together check
 * exactly what one run over all groups checks.
 */
import { beforeAll, expect, it } from 'vitest';
import { getModule } from '@/lib/content/load';
import type { ModuleStructure } from '@/lib/content/schema';
import { MAX_NOISE } from '@/lib/domain/cell-key';
import { disclosurePolicies } from '@/lib/domain/disclosure';
import { releaseOfficerResults } from '@/lib/domain/officer-release';
import { selectSessions } from '@/lib/domain/results-selection';
import { checkWidths, type WidthCheck } from './disclosure-attacker';
import { syntheticCounty } from './officer-county';
import { allowedFilters, attackModel, publishedRanges, targets, TIME_ZONE, trueAtoms } from './officer-figures';

export const RELEASED_ATTACK_PARTS = 2;

/** The seeds to attack: ATTACK_SEEDS (comma-separated) or 2026. */
export const attackSeeds = (): number[] => (process.env.ATTACK_SEEDS ?? '2026').split(',').map(Number);

/** The small groups of part `part` (0-based) that the attacker narrowed to two values or fewer, for one synthetic county. */
export async function attackReleasedPart(structure: ModuleStructure, seed: number, part: number): Promise<{ checks: WidthCheck[]; found: WidthCheck[] }> {
  const policy = disclosurePolicies().export;
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
  const all = targets(county, counts, policy.k);
  const mine = all.filter((_, i) => i % RELEASED_ATTACK_PARTS === part);
  const checks = await checkWidths(ranges, mine, attackModel(county, MAX_NOISE), { counts, noise });
  const found = checks.filter((c) => !c.atLeastThree);
  console.info(
    `[attack, cell key] seed ${seed}, part ${part + 1} of ${RELEASED_ATTACK_PARTS}: ${filters.length} selections, ${ranges.length} figures, ` +
      `${checks.length} of ${all.length} small groups attacked: ${found.length} narrowed to two values or fewer (so none pinned)`,
  );
  return { checks, found };
}

/**
 * Registers, in the calling file's describe, the test of part `part` (0-based): for every seed,
 * the attacker checks some groups and narrows none to two values or fewer.
 */
export function itAttacksReleasedPart(part: number): void {
  let structure: ModuleStructure;
  beforeAll(async () => {
    structure = (await getModule()).structure;
  });
  it(`finds no group of 1 to k − 1 pinned or narrowed to two values under the rules as released (part ${part + 1} of ${RELEASED_ATTACK_PARTS})`, async () => {
    for (const seed of attackSeeds()) {
      const { checks, found } = await attackReleasedPart(structure, seed, part);
      expect(checks.length).toBeGreaterThan(0);
      expect(found).toEqual([]);
    }
  }, 600_000);
}
