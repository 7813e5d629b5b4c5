/**
 * The officer attacker's view of the results (tests/unit/officer-attack.test.ts and the
 * store-backed check in tests/unit/officer-results.test.ts): what each published figure adds up,
 * in atoms (`${sessionId}|${group}`: one group's count in one session), the story's shape as an
 * attacker knows it, and the small groups to attack. Written apart from the disclosure code.
 */
import type { ResultsFilters } from '@/lib/api/results-schemas';
import type { ModuleStructure, Scenario } from '@/lib/content/schema';
import type { DisclosedFigure } from '@/lib/domain/disclosure';
import type { DisclosedOfficerResults } from '@/lib/domain/officer-disclosure';
import { sessionTerm, type ResultsSession } from '@/lib/domain/officer-results';
import { perturbSessionSummary } from '@/lib/domain/perturb-summary';
import type { SessionSummary } from '@/lib/domain/session-summary';
import type { AttackModel, AttackTarget, PublishedRange } from './disclosure-attacker';

export const TIME_ZONE = 'Europe/London';

export interface County {
  structure: ModuleStructure;
  sessions: ResultsSession[];
  summaries: ReadonlyMap<string, SessionSummary>;
  /** How many of the module's stories the attack covers (each is its own program). */
  stories: number;
}

/** Every selection the results form and API allow. */
export function allowedFilters(county: County): ResultsFilters[] {
  const organisations = [undefined, ...new Set(county.sessions.map((s) => s.organisationId))];
  const areas = [undefined, ...new Set(county.sessions.map((s) => s.area))];
  const years = [...new Set(county.sessions.map((s) => sessionTerm(s, TIME_ZONE).slice(0, 4)))];
  const terms = [...new Set(county.sessions.map((s) => sessionTerm(s, TIME_ZONE)))];
  const when: Pick<ResultsFilters, 'term' | 'year'>[] = [{}, ...terms.map((term) => ({ term })), ...years.map((year) => ({ year }))];
  const modes = [undefined, 'live', 'self_paced'] as const;
  return organisations.flatMap((organisation) =>
    areas.flatMap((area) =>
      when.flatMap((period) => modes.map((mode) => ({ ...(organisation && { organisation }), ...(area && { area }), ...period, ...(mode && { mode }) }))),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// What each published figure adds up, in atoms: `${sessionId}|${group}`.

export const atom = (sessionId: string, group: string) => `${sessionId}|${group}`;
const HEAD_GROUPS = ['finished', 'started-only', 'joined-only'];

function decisionNodes(scenario: Scenario) {
  return scenario.nodes.flatMap((node) => (node.kind === 'decision' ? [node] : []));
}

/** The true count of every atom, from the exact summaries (or, perturbed, the published ones). */
export function trueAtoms(county: County, perturbed = false): Map<string, number> {
  const truth = new Map<string, number>();
  for (const [id, exact] of county.summaries) {
    const summary = perturbed ? perturbSessionSummary(exact) : exact;
    const { joined, started, finished } = summary.headline;
    truth.set(atom(id, 'finished'), finished);
    truth.set(atom(id, 'started-only'), started - finished);
    truth.set(atom(id, 'joined-only'), joined - started);
    for (const scenario of county.structure.scenarios.slice(0, county.stories)) {
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
export function range(figure: DisclosedFigure, k: number, atoms: string[], zeroShown: boolean): PublishedRange | null {
  if (atoms.length === 0) return null;
  if (figure.kind === 'fewer-than') return { atoms, low: zeroShown ? 1 : 0, high: k - 1 };
  if (figure.kind !== 'count') return null;
  if (figure.value === 0) return { atoms, low: 0, high: 0 };
  return { atoms, low: Math.max(k, figure.value - 2), high: figure.value + 2 };
}

/** The published figures of one release, as ranges over atoms. */
export function publishedRanges(county: County, results: DisclosedOfficerResults, chosen: readonly ResultsSession[], k: number, zeroShown: boolean): PublishedRange[] {
  const out: PublishedRange[] = [];
  const push = (figure: DisclosedFigure, sessions: readonly ResultsSession[], groups: readonly string[]) => {
    const r = range(figure, k, sessions.flatMap((s) => groups.map((g) => atom(s.id, g))), zeroShown);
    if (r) out.push(r);
  };
  push(results.headline.students, chosen, HEAD_GROUPS);
  push(results.headline.finished, chosen, ['finished']);
  county.structure.scenarios.slice(0, county.stories).forEach((scenario, sc) => {
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
export function storyFacts(county: County): NonNullable<AttackModel['atMost']> {
  const facts: { lessAtoms: string[]; moreAtoms: string[] }[] = [];
  for (const scenario of county.structure.scenarios.slice(0, county.stories)) {
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
export function targets(county: County, truth: ReadonlyMap<string, number>, k: number): AttackTarget[] {
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
  return out.filter((t) => t.truth >= 1 && t.truth < k);
}

export function attackModel(county: County, maxNoise: number, maxAtom = 12): AttackModel {
  return { maxAtom, maxNoise, atMost: storyFacts(county) };
}

