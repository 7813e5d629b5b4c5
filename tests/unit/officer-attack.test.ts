/**
 * The attacker against officers' results (issue 9, decision note 010): a synthetic county of
 * small classes (5 to 12 students), every selection the filters allow (organisation, area,
 * term, school year, mode, and none), and an integer program that solves for every session's
 * hidden groups and every school's groups in a term from the published figures alone: head
 * counts, each story decision's risky and safe choices (whole selection, by organisation, by
 * term) and its endings. It knows the story's shape too: no more students reach a point than
 * took the choices leading there.
 *
 * Under the rules as released, no group of 1 to k − 1 may be pinned or narrowed to two values
 * (officer-attack-released.test.ts, a file of its own so the two run side by side; the county is
 * tests/support/officer-county.ts). Under the old rules (exact counts, free date windows that isolate one class, zeros shown) the
 * same attacker must find groups: an attacker that finds nothing anywhere proves nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getModule } from '@/lib/content/load';
import type { ModuleStructure } from '@/lib/content/schema';
import { buildOfficerResults } from '@/lib/domain/officer-results';
import { disclosurePolicies, type DisclosurePolicy } from '@/lib/domain/disclosure';
import { discloseOfficerResults } from '@/lib/domain/officer-disclosure';
import { selectSessions } from '@/lib/domain/results-selection';
import { attack, narrowed } from '../support/disclosure-attacker';
import { syntheticCounty } from '../support/officer-county';
import { allowedFilters, attackModel, publishedRanges, targets, TIME_ZONE, trueAtoms } from '../support/officer-figures';

const policy = disclosurePolicies().export;
/** The export policy before this change: zeros shown. */
const oldPolicy: DisclosurePolicy = { ...policy, hideZero: false };

let structure: ModuleStructure;
beforeAll(async () => {
  structure = (await getModule()).structure;
});

describe('the attacker on officers’ results', () => {
  it('finds small groups under the old rules: exact counts, free date windows, zeros shown', async () => {
    const county = syntheticCounty(structure, 2026);
    // Old query space: the allowed filters plus any date window, e.g. one day, which isolates a class.
    const selections = [
      ...allowedFilters(county).map((filters) => selectSessions(county.sessions, filters, TIME_ZONE).sessions),
      ...county.sessions.map((s) => [s]),
    ];
    const ranges = selections.flatMap((chosen) => {
      const exact = buildOfficerResults(structure, { sessions: chosen, followUps: [], summaries: county.summaries, timeZone: TIME_ZONE });
      return publishedRanges(county, discloseOfficerResults(exact, oldPolicy), chosen, oldPolicy.k, true);
    });
    const results = await attack(ranges, targets(county, trueAtoms(county), policy.k), attackModel(county, 0));
    const found = narrowed(results, policy.k);
    const pinned = found.filter((r) => r.min === r.max);
    console.info(`[attack, old rules] ${selections.length} selections, ${results.length} small groups attacked: ${pinned.length} pinned, ${found.length} narrowed to two values or fewer`);
    for (const r of results) expect([r.label, r.min <= r.truth && r.truth <= r.max]).toEqual([r.label, true]);
    expect(pinned.length).toBeGreaterThan(0);
  }, 300_000);
});
