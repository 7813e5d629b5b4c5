/**
 * The attacker against officers' results (issue 9, decision note 010): a synthetic county of
 * small classes (5 to 12 students), every selection the filters allow (organisation, area,
 * term, school year, mode, and none), and an integer program that solves for every session's
 * hidden groups and every school's groups in a term from the published figures alone: head
 * counts, each story decision's risky and safe choices (whole selection, by organisation, by
 * term) and its endings. It knows the story's shape too: no more students reach a point than
 * took the choices leading there.
 *
 * Under the rules as released, no group of 1 to k − 1 may be pinned or narrowed to two values.
 * Under the old rules (exact counts, free date windows that isolate one class, zeros shown) the
 * same attacker must find groups: an attacker that finds nothing anywhere proves nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getModule } from '@/lib/content/load';
import type { ModuleStructure } from '@/lib/content/schema';
import { MAX_NOISE } from '@/lib/domain/cell-key';
import { buildClassReport } from '@/lib/domain/class-report';
import { disclosurePolicies, type DisclosurePolicy } from '@/lib/domain/disclosure';
import { discloseOfficerResults } from '@/lib/domain/officer-disclosure';
import { buildOfficerResults, type ResultsSession } from '@/lib/domain/officer-results';
import { releaseOfficerResults } from '@/lib/domain/officer-release';
import { selectSessions } from '@/lib/domain/results-selection';
import { summariseSession, type SessionSummary } from '@/lib/domain/session-summary';
import { attack, checkWidths, narrowed } from '../support/disclosure-attacker';
import { allowedFilters, attackModel, publishedRanges, targets, TIME_ZONE, trueAtoms, type County } from '../support/officer-figures';
import { seededRandom, syntheticClass } from '../support/synthetic-class';

const policy = disclosurePolicies().export;
/** The export policy before this change: zeros shown. */
const oldPolicy: DisclosurePolicy = { ...policy, hideZero: false };

let structure: ModuleStructure;
beforeAll(async () => {
  structure = (await getModule()).structure;
});

const TERMS = ['2025-10-06T10:00:00Z', '2026-02-02T10:00:00Z', '2026-10-05T10:00:00Z'];
/** How many of the module's stories the attack covers (each is its own program; more only take longer). */
const STORIES = Number(process.env.ATTACK_STORIES ?? 1);
const ORGANISATIONS = [
  { id: 'org-a', area: 'North' },
  { id: 'org-b', area: 'North' },
  { id: 'org-c', area: 'South' },
];

/** One to two classes of 5 to 12 per school and term, some live, some self-paced, one day apart. */
function syntheticCounty(seed: number): County {
  const random = seededRandom(seed);
  const sessions: ResultsSession[] = [];
  const summaries = new Map<string, SessionSummary>();
  ORGANISATIONS.forEach((organisation, o) =>
    TERMS.forEach((term, t) => {
      const classes = 1 + Math.floor(random() * 2);
      for (let c = 0; c < classes; c += 1) {
        const id = `s-${o}-${t}-${c}`;
        const size = 5 + Math.floor(random() * 8);
        const klass = syntheticClass(structure, random, size, { prefix: `${id}-p` });
        const createdAt = new Date(new Date(term).getTime() + c * 86_400_000);
        const report = buildClassReport(structure, {
          session: { id, joinCode: 'KXT4PM', mode: 'live', beforeAfter: true, followUp: false, status: 'closed', createdAt, closedAt: createdAt, closesAt: null },
          participantIds: klass.participantIds,
          answers: klass.answers,
        });
        summaries.set(id, summariseSession(structure, report, klass.answers));
        sessions.push({
          id,
          organisationId: organisation.id,
          organisationName: organisation.id,
          area: organisation.area,
          moduleId: 'roads-kill',
          contentVersion: 'abcdefabcdef',
          mode: random() < 0.5 ? 'live' : 'self_paced',
          createdAt,
          followUpOf: null,
          demo: false,
          closed: true,
        });
      }
    }),
  );
  return { structure, sessions, summaries, stories: STORIES };
}

describe('the attacker on officers’ results', () => {
  it('finds small groups under the old rules: exact counts, free date windows, zeros shown', async () => {
    const county = syntheticCounty(2026);
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

  it('finds no group of 1 to k − 1 pinned or narrowed to two values under the rules as released', async () => {
    for (const seed of (process.env.ATTACK_SEEDS ?? '2026').split(',').map(Number)) {
      const county = syntheticCounty(seed);
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
