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
import type { ResultsFilters } from '@/lib/api/results-schemas';
import { getModule } from '@/lib/content/load';
import type { ModuleStructure, Scenario } from '@/lib/content/schema';
import { MAX_NOISE } from '@/lib/domain/cell-key';
import { buildClassReport } from '@/lib/domain/class-report';
import { disclosurePolicies, type DisclosedFigure, type DisclosurePolicy } from '@/lib/domain/disclosure';
import { discloseOfficerResults, type DisclosedOfficerResults } from '@/lib/domain/officer-disclosure';
import { buildOfficerResults, sessionTerm, type ResultsSession } from '@/lib/domain/officer-results';
import { releaseOfficerResults } from '@/lib/domain/officer-release';
import { perturbSessionSummary } from '@/lib/domain/perturb-summary';
import { selectSessions } from '@/lib/domain/results-selection';
import { summariseSession, type SessionSummary } from '@/lib/domain/session-summary';
import { attack, checkWidths, narrowed, type AttackModel, type AttackTarget, type PublishedRange } from '../support/disclosure-attacker';
import { seededRandom, syntheticClass } from '../support/synthetic-class';

const TIME_ZONE = 'Europe/London';
const MAX_CLASS = 12;
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

interface County {
  sessions: ResultsSession[];
  summaries: Map<string, SessionSummary>;
}

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
  return { sessions, summaries };
}

/** Every selection the results form and API allow. */
function allowedFilters(county: County): ResultsFilters[] {
  const organisations = [undefined, ...ORGANISATIONS.map((o) => o.id)];
  const areas = [undefined, 'North', 'South'];
  const terms = [...new Set(county.sessions.map((s) => sessionTerm(s, TIME_ZONE)))];
  const when: Pick<ResultsFilters, 'term' | 'year'>[] = [{}, ...terms.map((term) => ({ term })), { year: '2025' }, { year: '2026' }];
  const modes = [undefined, 'live', 'self_paced'] as const;
  return organisations.flatMap((organisation) =>
    areas.flatMap((area) =>
      when.flatMap((period) => modes.map((mode) => ({ ...(organisation && { organisation }), ...(area && { area }), ...period, ...(mode && { mode }) }))),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// What each published figure adds up, in atoms: `${sessionId}|${group}`.

const atom = (sessionId: string, group: string) => `${sessionId}|${group}`;
const HEAD_GROUPS = ['finished', 'started-only', 'joined-only'];

function decisionNodes(scenario: Scenario) {
  return scenario.nodes.flatMap((node) => (node.kind === 'decision' ? [node] : []));
}

/** The true count of every atom, from the exact summaries (or, perturbed, the published ones). */
function trueAtoms(county: County, perturbed = false): Map<string, number> {
  const truth = new Map<string, number>();
  for (const [id, exact] of county.summaries) {
    const summary = perturbed ? perturbSessionSummary(exact) : exact;
    const { joined, started, finished } = summary.headline;
    truth.set(atom(id, 'finished'), finished);
    truth.set(atom(id, 'started-only'), started - finished);
    truth.set(atom(id, 'joined-only'), joined - started);
    for (const scenario of structure.scenarios.slice(0, STORIES)) {
      const own = summary.scenarios[scenario.id];
      for (const node of decisionNodes(scenario)) {
        for (const choice of node.choices) truth.set(atom(id, `${scenario.id}/${node.id}/${choice.id}`), own?.decisions[node.id]?.choices[choice.id] ?? 0);
      }
      for (const node of scenario.nodes) if (node.kind === 'ending') truth.set(atom(id, `${scenario.id}/end/${node.id}`), own?.endings[node.id] ?? 0);
    }
  }
  return truth;
}

/** What a figure says of its sum: rounded to 5 (half up), or "fewer than k", or nothing. */
function range(figure: DisclosedFigure, k: number, atoms: string[], zeroShown: boolean): PublishedRange | null {
  if (atoms.length === 0) return null;
  if (figure.kind === 'fewer-than') return { atoms, low: zeroShown ? 1 : 0, high: k - 1 };
  if (figure.kind !== 'count') return null;
  if (figure.value === 0) return { atoms, low: 0, high: 0 };
  return { atoms, low: Math.max(k, figure.value - 2), high: figure.value + 2 };
}

/** The published figures of one release, as ranges over atoms. */
function publishedRanges(results: DisclosedOfficerResults, chosen: readonly ResultsSession[], k: number, zeroShown: boolean): PublishedRange[] {
  const out: PublishedRange[] = [];
  const push = (figure: DisclosedFigure, sessions: readonly ResultsSession[], groups: readonly string[]) => {
    const r = range(figure, k, sessions.flatMap((s) => groups.map((g) => atom(s.id, g))), zeroShown);
    if (r) out.push(r);
  };
  push(results.headline.students, chosen, HEAD_GROUPS);
  push(results.headline.finished, chosen, ['finished']);
  structure.scenarios.slice(0, STORIES).forEach((scenario, sc) => {
    const shown = results.scenarios[sc];
    decisionNodes(scenario).forEach((node, d) => {
      const decision = shown?.decisions[d];
      if (!decision) return;
      const risky = node.choices.filter((c) => c.risky).map((c) => `${scenario.id}/${node.id}/${c.id}`);
      const every = node.choices.map((c) => `${scenario.id}/${node.id}/${c.id}`);
      push(decision.risky.count, chosen, risky);
      push(decision.risky.total, chosen, every);
      for (const row of decision.byOrganisation) {
        const rows = chosen.filter((s) => s.organisationId === row.key);
        push(row.risky, rows, risky);
        push(row.answered, rows, every);
      }
      for (const row of decision.byTerm) {
        const rows = chosen.filter((s) => sessionTerm(s, TIME_ZONE) === row.key);
        push(row.risky, rows, risky);
        push(row.answered, rows, every);
      }
    });
    const endings = scenario.nodes.flatMap((node) => (node.kind === 'ending' ? [node] : []));
    shown?.endings.forEach((ending) => push(ending.value, chosen, [`${scenario.id}/end/${ending.nodeId}`]));
    if (shown) push(shown.reachedEnding, chosen, endings.map((e) => `${scenario.id}/end/${e.id}`));
  });
  return out;
}

/** The story's shape as the attacker knows it: students at a point ≤ those who took a choice leading there. */
function storyFacts(county: County): NonNullable<AttackModel['atMost']> {
  const facts: { lessAtoms: string[]; moreAtoms: string[] }[] = [];
  for (const scenario of structure.scenarios.slice(0, STORIES)) {
    const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));
    const landing = (id: string) => {
      let at = nodes.get(id);
      for (let i = 0; at?.kind === 'scene' && i < 50; i += 1) at = nodes.get(at.next);
      return at;
    };
    const into = new Map<string, string[]>();
    for (const node of decisionNodes(scenario)) {
      for (const choice of node.choices) {
        const target = landing(choice.next);
        if (target) into.set(target.id, [...(into.get(target.id) ?? []), `${scenario.id}/${node.id}/${choice.id}`]);
      }
    }
    for (const session of county.sessions) {
      for (const [nodeId, incoming] of into) {
        const node = nodes.get(nodeId);
        const here = node?.kind === 'ending' ? [`${scenario.id}/end/${nodeId}`] : node?.kind === 'decision' ? node.choices.map((c) => `${scenario.id}/${nodeId}/${c.id}`) : [];
        facts.push({ lessAtoms: here.map((g) => atom(session.id, g)), moreAtoms: incoming.map((g) => atom(session.id, g)) });
      }
    }
  }
  return facts;
}

/** Targets: each session's groups, and each school's groups in a term, with a true count of 1 to k − 1. */
function targets(county: County, truth: ReadonlyMap<string, number>): AttackTarget[] {
  const groups = [...new Set([...truth.keys()].map((key) => key.slice(key.indexOf('|') + 1)))];
  const out: AttackTarget[] = [];
  const byUnit = new Map<string, ResultsSession[]>();
  for (const s of county.sessions) {
    const unit = `${s.organisationId} ${sessionTerm(s, TIME_ZONE)}`;
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), s]);
  }
  for (const group of groups) {
    for (const s of county.sessions) out.push({ label: `${s.id} ${group}`, atoms: [atom(s.id, group)], truth: truth.get(atom(s.id, group)) ?? 0 });
    for (const [unit, sessions] of byUnit) {
      if (sessions.length < 2) continue;
      const atoms = sessions.map((s) => atom(s.id, group));
      out.push({ label: `${unit} ${group}`, atoms, truth: atoms.reduce((sum, a) => sum + (truth.get(a) ?? 0), 0) });
    }
  }
  return out.filter((t) => t.truth >= 1 && t.truth < policy.k);
}

function attackModel(county: County, maxNoise: number): AttackModel {
  return { maxAtom: MAX_CLASS, maxNoise, atMost: storyFacts(county) };
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
      return publishedRanges(discloseOfficerResults(exact, oldPolicy), chosen, oldPolicy.k, true);
    });
    const results = await attack(ranges, targets(county, trueAtoms(county)), attackModel(county, 0));
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
        return publishedRanges(release.results, chosen, policy.k, false);
      });
      const counts = trueAtoms(county);
      const published = trueAtoms(county, true);
      const noise = new Map([...counts].map(([a, n]) => [a, (published.get(a) ?? 0) - n]));
      const checks = await checkWidths(ranges, targets(county, counts), attackModel(county, MAX_NOISE), { counts, noise });
      const found = checks.filter((c) => !c.atLeastThree);
      console.info(
        `[attack, cell key] seed ${seed}: ${filters.length} selections, ${ranges.length} figures, ${checks.length} small groups attacked: ` +
          `${found.length} narrowed to two values or fewer (so none pinned)`,
      );
      expect(found).toEqual([]);
    }
  }, 600_000);
});
