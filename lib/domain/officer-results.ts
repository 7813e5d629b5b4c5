/**
 * Officers' results across sessions and organisations, as exact figures: built from stored
 * session summaries (session-summary.ts), never from raw answers, so they outlive the
 * retention period. Pure. Nothing here leaves the server as it is: `discloseOfficerResults`
 * (officer-disclosure.ts) turns it into the only form a page, a CSV or the API may show.
 *
 * What is counted (research/learning-design.md, "What evaluations measure"):
 * - Knowledge per fact and key consideration: answers to the items that teach it, per wave.
 * - Misconceptions: wrong answers showing each, out of the answers that could show it (to an
 *   item with an option, or an order, tagged with it); "persisting" means still shown after.
 * - Change over matched pairs only, with n at each wave; attrition is who answered at the
 *   first wave and was not matched at the second.
 * - Scenario choices: the share of risky choices at each decision, by organisation and term.
 */
import type { AttitudeConstruct, Item, ModuleStructure, Phase, Scenario } from '@/lib/content/schema';
import type { ClassSessionMode } from '@/lib/db/schema';
import { localDate, termOfDate, type TermId } from './school-terms';
import {
  emptyMeasure,
  mergeSummaries,
  type CorrelationSums,
  type FollowUpSummary,
  type MeasureSums,
  type SessionSummary,
  splitItemKey,
} from './session-summary';

/** A session as the results read it. */
export interface ResultsSession {
  id: string;
  organisationId: string;
  organisationName: string;
  area: string;
  moduleId: string;
  contentVersion: string;
  mode: ClassSessionMode;
  createdAt: Date;
  followUpOf: string | null;
  demo: boolean;
  /** Finished: closed by the teacher or past its closing time. Only these are counted. */
  closed: boolean;
}

/** A share's two counts: `count` of `total` (right of answered, risky of chosen). */
export interface Part {
  count: number;
  total: number;
}

export type WavePhase = 'before' | 'main' | 'after' | 'followup';
export const WAVE_PHASES: readonly WavePhase[] = ['before', 'main', 'after', 'followup'];

export interface TopicResult {
  kind: 'fact' | 'consideration';
  id: string;
  /** Answers right of answers given, at each wave (no items in a wave: 0 of 0). */
  waves: Record<WavePhase, Part>;
}

export interface MisconceptionResult {
  misconceptionId: string;
  waves: Record<WavePhase, Part>;
}

export interface ConfidentErrorResult {
  itemId: string;
  phase: Phase;
  /** Of the wrong answers (total), those given "very sure" (count). */
  confident: Part;
}

export interface DecisionBreakdownRow {
  key: string;
  /** Risky choices (count) of choices made (total). */
  risky: Part;
}

export interface DecisionResult {
  nodeId: string;
  choices: { choiceId: string; risky: boolean; count: number }[];
  answered: number;
  byOrganisation: DecisionBreakdownRow[];
  byTerm: DecisionBreakdownRow[];
}

export interface ScenarioResult {
  scenarioId: string;
  decisions: DecisionResult[];
  endings: { nodeId: string; outcome: 'safe' | 'mixed' | 'risky'; count: number }[];
  reachedEnding: number;
}

export interface TermTrend {
  termId: TermId;
  students: number;
  sessions: number;
  /** Knowledge answers right at the after wave. */
  knowledgeAfter: Part;
  /** Risky choices of all scenario choices. */
  riskyChoices: Part;
  /** Intention, matched before/after pairs. */
  intention: MeasureSums;
}

/** Change for matched pairs in one organisation: where knowledge and intentions improved. */
export interface OrganisationChange {
  organisationId: string;
  students: number;
  knowledge: MeasureSums;
  intention: MeasureSums;
}

export interface OfficerResults {
  headline: {
    students: number;
    started: number;
    finished: number;
    sessions: number;
    organisations: number;
    followUpSessions: number;
  };
  /** Some of the sessions are synthetic demo data (`npm start -- --demo`). */
  demo: boolean;
  topics: TopicResult[];
  misconceptions: MisconceptionResult[];
  confidentErrors: ConfidentErrorResult[];
  change: { knowledge: MeasureSums; constructs: ({ construct: AttitudeConstruct } & MeasureSums)[] };
  /** The same change per organisation, by name. */
  changeByOrganisation: OrganisationChange[];
  /** Null when no selected session has a follow-up. */
  followUp: FollowUpSummary | null;
  scenarios: ScenarioResult[];
  plans: { answered: number; plans: { planId: string; count: number }[]; ownPlanWriters: number };
  trends: TermTrend[];
}

/** Per content version and item: what question quality is worked out from. */
export interface ItemQualityInput {
  contentVersion: string;
  itemId: string;
  phase: Phase;
  answered: number;
  correct: number;
  discrimination: CorrelationSums;
}

const CONSTRUCTS: readonly AttitudeConstruct[] = ['attitude', 'norm', 'control', 'intention'];

export const sessionTerm = (session: Pick<ResultsSession, 'createdAt'>, timeZone: string): TermId =>
  termOfDate(localDate(session.createdAt, timeZone)).id;

const itemKey = (phase: Phase, itemId: string) => `${phase}:${itemId}`;

function itemsIn(structure: ModuleStructure, phase: WavePhase): Item[] {
  return structure.items.filter((item) => item.phases.includes(phase));
}

function knowledgePart(summary: SessionSummary, items: readonly Item[], phase: WavePhase): Part {
  return items.reduce(
    (part, item) => {
      const found = summary.items[itemKey(phase, item.id)];
      return found ? { count: part.count + found.correct, total: part.total + found.answered } : part;
    },
    { count: 0, total: 0 },
  );
}

function topics(structure: ModuleStructure, summary: SessionSummary): TopicResult[] {
  const teachers = (kind: 'fact' | 'consideration', id: string) => (item: Item) =>
    kind === 'fact' ? item.teaches.facts.includes(id as never) : item.teaches.considerations.includes(id as never);
  const ids = (kind: 'fact' | 'consideration') =>
    [...new Set(structure.items.flatMap((item) => (kind === 'fact' ? item.teaches.facts : item.teaches.considerations)))].sort();
  return (['fact', 'consideration'] as const).flatMap((kind) =>
    ids(kind).map((id) => ({
      kind,
      id,
      waves: Object.fromEntries(
        WAVE_PHASES.map((phase) => [phase, knowledgePart(summary, itemsIn(structure, phase).filter(teachers(kind, id)), phase)]),
      ) as Record<WavePhase, Part>,
    })),
  );
}

/** The misconceptions an item's wrong answers can show. */
function tagsOf(item: Item): string[] {
  if (item.kind === 'ordering') return [item.misconception];
  return [...new Set(item.options.flatMap((o) => (o.misconception === undefined ? [] : [o.misconception])))];
}

function misconceptions(structure: ModuleStructure, summary: SessionSummary): MisconceptionResult[] {
  return structure.misconceptions.map(({ id }) => ({
    misconceptionId: id,
    waves: Object.fromEntries(
      WAVE_PHASES.map((phase) => [
        phase,
        itemsIn(structure, phase)
          .filter((item) => tagsOf(item).includes(id))
          .reduce(
            (part, item) => {
              const found = summary.items[itemKey(phase, item.id)];
              return found
                ? { count: part.count + (found.misconceptions[id] ?? 0), total: part.total + found.answered }
                : part;
            },
            { count: 0, total: 0 },
          ),
      ]),
    ) as Record<WavePhase, Part>,
  }));
}

function confidentErrors(structure: ModuleStructure, summary: SessionSummary): ConfidentErrorResult[] {
  return structure.items.flatMap((item) =>
    item.askConfidence
      ? item.phases.map((phase) => {
          const found = summary.items[itemKey(phase, item.id)];
          return {
            itemId: item.id,
            phase,
            confident: { count: found?.confidentErrors ?? 0, total: found ? found.answered - found.correct : 0 },
          };
        })
      : [],
  );
}

function riskyPart(scenario: Scenario, summary: SessionSummary, nodeId?: string): Part {
  const decisions = summary.scenarios[scenario.id]?.decisions ?? {};
  let count = 0;
  let total = 0;
  for (const node of scenario.nodes) {
    if (node.kind !== 'decision' || (nodeId !== undefined && node.id !== nodeId)) continue;
    const chosen = decisions[node.id]?.choices ?? {};
    for (const choice of node.choices) {
      const n = chosen[choice.id] ?? 0;
      total += n;
      if (choice.risky) count += n;
    }
  }
  return { count, total };
}

function allRiskyChoices(structure: ModuleStructure, summary: SessionSummary): Part {
  return structure.scenarios.reduce(
    (part, scenario) => {
      const p = riskyPart(scenario, summary);
      return { count: part.count + p.count, total: part.total + p.total };
    },
    { count: 0, total: 0 },
  );
}

function scenarios(
  structure: ModuleStructure,
  summary: SessionSummary,
  byOrganisation: readonly { key: string; summary: SessionSummary }[],
  byTerm: readonly { key: string; summary: SessionSummary }[],
): ScenarioResult[] {
  return structure.scenarios.map((scenario) => {
    const own = summary.scenarios[scenario.id];
    const decisions = scenario.nodes.flatMap((node): DecisionResult[] => {
      if (node.kind !== 'decision') return [];
      const chosen = own?.decisions[node.id]?.choices ?? {};
      const choices = node.choices.map((c) => ({ choiceId: c.id, risky: c.risky, count: chosen[c.id] ?? 0 }));
      const rows = (groups: readonly { key: string; summary: SessionSummary }[]) =>
        groups.map((group) => ({ key: group.key, risky: riskyPart(scenario, group.summary, node.id) }));
      return [
        {
          nodeId: node.id,
          choices,
          answered: choices.reduce((sum, c) => sum + c.count, 0),
          byOrganisation: rows(byOrganisation),
          byTerm: rows(byTerm),
        },
      ];
    });
    const endings = scenario.nodes.flatMap((node) =>
      node.kind === 'ending' ? [{ nodeId: node.id, outcome: node.outcome, count: own?.endings[node.id] ?? 0 }] : [],
    );
    return { scenarioId: scenario.id, decisions, endings, reachedEnding: endings.reduce((sum, e) => sum + e.count, 0) };
  });
}

function groupSummaries(
  sessions: readonly ResultsSession[],
  summaries: ReadonlyMap<string, SessionSummary>,
  keyOf: (session: ResultsSession) => string,
): { key: string; summary: SessionSummary; sessions: number }[] {
  const groups = new Map<string, SessionSummary[]>();
  for (const session of sessions) {
    const summary = summaries.get(session.id);
    if (!summary) continue;
    const key = keyOf(session);
    groups.set(key, [...(groups.get(key) ?? []), summary]);
  }
  return [...groups].map(([key, list]) => ({ key, summary: mergeSummaries(list), sessions: list.length }));
}

export interface ResultsInput {
  /** The sessions the filters selected: first visits only (follow-ups come through `followUps`). */
  sessions: readonly ResultsSession[];
  /** Follow-up sessions of the selected sessions. */
  followUps: readonly ResultsSession[];
  summaries: ReadonlyMap<string, SessionSummary>;
  timeZone: string;
}

export function buildOfficerResults(structure: ModuleStructure, input: ResultsInput): OfficerResults {
  const counted = input.sessions.filter((s) => input.summaries.has(s.id));
  const summary = mergeSummaries(counted.flatMap((s) => input.summaries.get(s.id) ?? []));
  const followUps = input.followUps.filter((s) => input.summaries.has(s.id));
  const followUpSummary = mergeSummaries(followUps.flatMap((s) => input.summaries.get(s.id) ?? []));
  const byOrganisation = groupSummaries(counted, input.summaries, (s) => s.organisationId);
  const byTerm = groupSummaries(counted, input.summaries, (s) => sessionTerm(s, input.timeZone)).sort((a, b) =>
    a.key < b.key ? -1 : 1,
  );
  const afterItems = itemsIn(structure, 'after');
  const names = new Map(counted.map((s) => [s.organisationId, s.organisationName]));

  return {
    headline: {
      students: summary.headline.joined,
      started: summary.headline.started,
      finished: summary.headline.finished,
      sessions: counted.length,
      organisations: new Set(counted.map((s) => s.organisationId)).size,
      followUpSessions: followUps.length,
    },
    demo: counted.some((s) => s.demo),
    topics: topics(structure, summary),
    misconceptions: misconceptions(structure, summary),
    confidentErrors: confidentErrors(structure, summary),
    change: {
      knowledge: summary.change.knowledge,
      constructs: CONSTRUCTS.flatMap((construct) => {
        const found = summary.change.constructs[construct];
        return found ? [{ construct, ...found }] : [];
      }),
    },
    changeByOrganisation: byOrganisation
      .map((group) => ({
        organisationId: group.key,
        students: group.summary.headline.joined,
        knowledge: group.summary.change.knowledge,
        intention: group.summary.change.constructs.intention ?? emptyMeasure(),
      }))
      .sort((a, b) => (names.get(a.organisationId) ?? '').localeCompare(names.get(b.organisationId) ?? '', 'en-GB')),
    followUp: followUps.length === 0 ? null : followUpSummary.followUp,
    scenarios: scenarios(structure, summary, byOrganisation, byTerm),
    plans: {
      answered: summary.plans.answered,
      plans: structure.plans.map((plan) => ({ planId: plan.id, count: summary.plans.picked[plan.id] ?? 0 })),
      ownPlanWriters: summary.plans.ownPlanWriters,
    },
    trends: byTerm.map((group) => ({
      termId: group.key as TermId,
      students: group.summary.headline.joined,
      sessions: group.sessions,
      knowledgeAfter: knowledgePart(group.summary, afterItems, 'after'),
      riskyChoices: allRiskyChoices(structure, group.summary),
      intention: group.summary.change.constructs.intention ?? emptyMeasure(),
    })),
  };
}

/** The chosen sessions' summaries grouped by content version: question figures never mix versions. */
export function summariesByVersion(
  sessions: readonly ResultsSession[],
  summaries: ReadonlyMap<string, SessionSummary>,
): Map<string, SessionSummary[]> {
  const byVersion = new Map<string, SessionSummary[]>();
  for (const session of sessions) {
    const summary = summaries.get(session.id);
    if (summary) byVersion.set(session.contentVersion, [...(byVersion.get(session.contentVersion) ?? []), summary]);
  }
  return byVersion;
}

/** Question-quality inputs: each item's counts and correlation sums, per content version. */
export function itemQualityInputs(
  sessions: readonly ResultsSession[],
  summaries: ReadonlyMap<string, SessionSummary>,
): ItemQualityInput[] {
  return [...summariesByVersion(sessions, summaries)].flatMap(([contentVersion, list]) => {
    const merged = mergeSummaries(list);
    return Object.entries(merged.items).flatMap(([key, item]) => {
      const parsed = splitItemKey(key);
      return parsed
        ? [{ contentVersion, ...parsed, answered: item.answered, correct: item.correct, discrimination: item.discrimination }]
        : [];
    });
  });
}
