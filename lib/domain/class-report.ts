/**
 * A class session's report, from its students' answers and the module's structure. Pure.
 *
 * Two stages, so that raw counts never reach a page or a file by accident:
 * - `buildClassReport` tallies the answers into a `ClassReport` of exact counts and means.
 *   It stays on the server.
 * - `discloseClassReport` passes every figure through disclosure control (disclosure.ts) and
 *   gives a `DisclosedClassReport`, the only thing a page or a CSV is made from.
 *
 * What is counted, and how (research/learning-design.md, "What evaluations measure"):
 * - Knowledge items and fact guesses count scored answers only (`correct` not null: an answer
 *   given under another content version is stored unscored and left out).
 * - A student has finished when they gave the last answer their session's journey asks for:
 *   the last after-wave question when the session has before/after, otherwise the plan; in a
 *   follow-up session, the last retrieval question. (The teacher's live counts use the same rule.)
 * - A follow-up session reports its follow-up questions only, and how many of its devices paired
 *   with the session it follows (pairing.ts); before/after does not apply to it.
 * - Before/after change is over matched pairs only: students counted at both waves. For
 *   knowledge, a student counts at a wave when they answered every knowledge question of it,
 *   and scores the share they got right. For an attitude item, when they gave a point on the
 *   scale ("prefer not to say" is left out); scores are turned so that 5 is always the safer
 *   answer (`reverse` items). A measure (attitude, norm, control, intention) compares each
 *   student's mean over the items of it they answered at both waves.
 */
import type { AnswerResponse } from '@/lib/api/schemas';
import type {
  AttitudeConstruct,
  AttitudeItem,
  Item,
  ItemKind,
  ModuleStructure,
  ModuleText,
  Phase,
  Scenario,
} from '@/lib/content/schema';
import type { ClassSessionMode, ClassSessionStatus } from '@/lib/db/schema';
import {
  discloseCount,
  discloseDistribution,
  discloseLinkedTables,
  discloseMean,
  shareOf,
  type DisclosedCount,
  type DisclosedFigure,
  type DisclosedMean,
  type DisclosedShare,
  type DisclosurePolicies,
  type DisclosurePolicy,
} from './disclosure';
import { answerKey, buildJourney, stepAnswerKey, type JourneyOptions } from './journey';
import { pairFollowUp, type PairingEntry } from './pairing';

/** One stored answer of one of the session's students, as the report reads it. */
export interface ReportAnswer {
  participantId: string;
  itemId: string;
  phase: Phase;
  response: AnswerResponse;
  correct: boolean | null;
  confidence: number | null;
}

export interface ReportSession {
  id: string;
  joinCode: string;
  mode: ClassSessionMode;
  beforeAfter: boolean;
  /** Follows an earlier session: asks only the follow-up questions. */
  followUp: boolean;
  status: ClassSessionStatus;
  createdAt: Date;
  closedAt: Date | null;
  closesAt: Date | null;
}

export interface ClassReportInput {
  session: ReportSession;
  /** Everyone who joined the session, answered or not. */
  participantIds: readonly string[];
  answers: readonly ReportAnswer[];
  /**
   * A follow-up session: the participants of the session it follows and its own, each with their
   * device's pairing hash, in the order they joined. Absent for any other session.
   */
  pairing?: { first: readonly PairingEntry[]; followUp: readonly PairingEntry[] };
}

export interface Headline {
  joined: number;
  /** Gave at least one answer. */
  started: number;
  /** Gave the last answer the session's journey asks for. */
  finished: number;
}

export interface MisconceptionCount {
  /** Null: a wrong answer that names no misconception (a multiple-choice item with a right option left out). */
  misconceptionId: string | null;
  count: number;
}

export interface KnowledgeItemResult {
  itemId: string;
  phase: Phase;
  kind: ItemKind;
  answered: number;
  correct: number;
  /** In content order; each tag of the item, and null when some wrong answers name none. */
  misconceptions: MisconceptionCount[];
  /** Every wrong answer names exactly one misconception, so correct + misconceptions = answered. */
  misconceptionsAdditive: boolean;
  confidenceAsked: boolean;
  /** Wrong, and "very sure" (confidence 3). */
  confidentErrors: number;
}

export interface FactGuessResult {
  factId: string;
  kind: 'choice' | 'number';
  answered: number;
  /** A choice guess: right; a number guess: close (within 25%). */
  correct: number;
  /** Choice guesses: how many chose each option, in content order. Empty for number guesses. */
  options: { optionId: string; correct: boolean; count: number }[];
}

export interface DecisionResult {
  nodeId: string;
  answered: number;
  choices: { choiceId: string; risky: boolean; count: number }[];
}

export interface ScenarioResult {
  scenarioId: string;
  /** In content order. */
  decisions: DecisionResult[];
  /** Each ending and how many students' paths led to it, in content order. */
  endings: { nodeId: string; outcome: 'safe' | 'mixed' | 'risky'; count: number }[];
  reachedEnding: number;
}

/** A measure at both waves: n at each, and means over the matched pairs. */
export interface MeasureChange {
  nBefore: number;
  nAfter: number;
  nMatched: number;
  /** Null when there are no matched pairs. */
  meanBefore: number | null;
  meanAfter: number | null;
  /** Σ (after − before)² over the matched pairs: with the means, the spread of the change. */
  sumSquaredChange: number;
}

export interface BeforeAfterChange {
  /** Share of the wave's knowledge questions right, 0 to 1. */
  knowledge: MeasureChange;
  /** Mean scale point, 1 to 5, 5 the safer answer. */
  constructs: ({ construct: AttitudeConstruct } & MeasureChange)[];
  attitudeItems: ({ itemId: string; construct: AttitudeConstruct; reverse: boolean } & MeasureChange)[];
}

export interface PlanResult {
  answered: number;
  /** How many picked each plan, in content order. */
  plans: { planId: string; count: number }[];
  /** Wrote at least one plan of their own (its text stays on the phone). */
  ownPlanWriters: number;
}

export interface ClassReport {
  session: ReportSession;
  headline: Headline;
  /** A follow-up session: how many of its devices paired with the session it follows; otherwise null. */
  pairedDevices: number | null;
  knowledge: KnowledgeItemResult[];
  facts: FactGuessResult[];
  scenarios: ScenarioResult[];
  change: BeforeAfterChange;
  plans: PlanResult;
}

/** Each student's answers, by `answerKey(phase, itemId)`. */
type AnswersByStudent = Map<string, Map<string, ReportAnswer>>;

function groupByStudent(input: ClassReportInput): AnswersByStudent {
  const byStudent: AnswersByStudent = new Map(input.participantIds.map((id) => [id, new Map()]));
  for (const answer of input.answers) {
    // Only the session's own students; the query should never return others, but a report must not count them.
    byStudent.get(answer.participantId)?.set(answerKey(answer.phase, answer.itemId), answer);
  }
  return byStudent;
}

/** All answers to one question (an item in a phase), one per student. */
function answersTo(byStudent: AnswersByStudent, phase: Phase, itemId: string): ReportAnswer[] {
  const key = answerKey(phase, itemId);
  return [...byStudent.values()].flatMap((answers) => {
    const answer = answers.get(key);
    return answer ? [answer] : [];
  });
}

const singleChoice = (response: AnswerResponse): string | undefined =>
  response.kind === 'choice' && response.optionIds.length === 1 ? response.optionIds[0] : undefined;

/** The last answer the session's journey asks for: "finished" means this one is in. */
export function finishAnswerKey(structure: ModuleStructure, options: JourneyOptions): string | null {
  const steps = buildJourney(structure, options);
  for (let i = steps.length - 1; i >= 0; i -= 1) {
    const step = steps[i];
    const key = step ? stepAnswerKey(step) : null;
    if (key !== null) return key;
  }
  return null;
}

function headline(byStudent: AnswersByStudent, finishKey: string | null): Headline {
  const students = [...byStudent.values()];
  return {
    joined: byStudent.size,
    started: students.filter((answers) => answers.size > 0).length,
    finished: finishKey === null ? 0 : students.filter((answers) => answers.has(finishKey)).length,
  };
}

/** The misconceptions a wrong answer reveals; null stands for "none named". */
function misconceptionsOf(item: Item, response: AnswerResponse): (string | null)[] {
  if (item.kind === 'ordering') return [item.misconception];
  const chosen = response.kind === 'choice' ? response.optionIds : [];
  const tags = item.options
    .filter((option) => chosen.includes(option.id) && !option.correct)
    .map((option) => option.misconception ?? null);
  const distinct = [...new Set(tags)];
  if (item.kind === 'multiple') return distinct.length === 0 ? [null] : distinct;
  return [distinct[0] ?? null];
}

function knowledgeItemResult(item: Item, phase: Phase, answers: readonly ReportAnswer[]): KnowledgeItemResult {
  const scored = answers.filter((a) => a.correct !== null);
  const wrong = scored.filter((a) => a.correct === false);
  const tags =
    item.kind === 'ordering'
      ? [item.misconception]
      : [...new Set(item.options.flatMap((o) => (o.misconception === undefined ? [] : [o.misconception])))];
  const counts = new Map<string | null, number>(tags.map((tag) => [tag, 0]));
  for (const answer of wrong) {
    for (const tag of misconceptionsOf(item, answer.response)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return {
    itemId: item.id,
    phase,
    kind: item.kind,
    answered: scored.length,
    correct: scored.length - wrong.length,
    misconceptions: [...counts]
      .filter(([tag, count]) => tag !== null || count > 0)
      .map(([misconceptionId, count]) => ({ misconceptionId, count })),
    misconceptionsAdditive: item.kind !== 'multiple',
    confidenceAsked: item.askConfidence,
    confidentErrors: wrong.filter((a) => a.confidence === 3).length,
  };
}

/**
 * The phases of an item the report covers: those the session asked, and any that have answers.
 * A follow-up session asks the follow-up phase only.
 */
function reportedPhases(item: Item, session: ReportSession, byStudent: AnswersByStudent): Phase[] {
  if (session.followUp) return item.phases.filter((phase) => phase === 'followup');
  const { beforeAfter } = session;
  return item.phases.filter(
    (phase) =>
      phase === 'main' ||
      ((phase === 'before' || phase === 'after') && beforeAfter) ||
      answersTo(byStudent, phase, item.id).length > 0,
  );
}

function factResults(structure: ModuleStructure, byStudent: AnswersByStudent): FactGuessResult[] {
  return structure.facts.map((fact) => {
    const scored = answersTo(byStudent, 'main', fact.id).filter((a) => a.correct !== null);
    if (fact.guess.kind === 'number') {
      return {
        factId: fact.id,
        kind: 'number',
        answered: scored.length,
        correct: scored.filter((a) => a.correct === true).length,
        options: [],
      };
    }
    const options = fact.guess.options.map((option) => ({
      optionId: option.id,
      correct: option.correct,
      count: scored.filter((a) => singleChoice(a.response) === option.id).length,
    }));
    return {
      factId: fact.id,
      kind: 'choice',
      // Options add up to the answers: an option the content no longer has isn't counted at all.
      answered: options.reduce((sum, o) => sum + o.count, 0),
      correct: options.filter((o) => o.correct).reduce((sum, o) => sum + o.count, 0),
      options,
    };
  });
}

/**
 * The ending a student's path through a scenario reaches: from the start, through scenes,
 * taking at each decision the choice they made. Null when they stopped before an ending (or a
 * choice the content no longer has, or a loop, sends the path nowhere).
 */
export function endingReached(scenario: Scenario, choiceAt: (nodeId: string) => string | undefined): string | null {
  const nodes = new Map(scenario.nodes.map((node) => [node.id, node]));
  const visited = new Set<string>();
  let at = scenario.start;
  while (!visited.has(at)) {
    visited.add(at);
    const node = nodes.get(at);
    if (node === undefined) return null;
    if (node.kind === 'ending') return node.id;
    if (node.kind === 'scene') {
      at = node.next;
      continue;
    }
    const choiceId = choiceAt(node.id);
    const choice = node.choices.find((c) => c.id === choiceId);
    if (choice === undefined) return null;
    at = choice.next;
  }
  return null;
}

/** Scenario decisions are answered as `scenarioId/nodeId` in the main phase. */
const decisionItemId = (scenarioId: string, nodeId: string) => `${scenarioId}/${nodeId}`;

function scenarioResult(scenario: Scenario, byStudent: AnswersByStudent): ScenarioResult {
  const decisions = scenario.nodes.flatMap((node): DecisionResult[] => {
    if (node.kind !== 'decision') return [];
    const chosen = answersTo(byStudent, 'main', decisionItemId(scenario.id, node.id)).map((a) => singleChoice(a.response));
    const choices = node.choices.map((choice) => ({
      choiceId: choice.id,
      risky: choice.risky,
      count: chosen.filter((id) => id === choice.id).length,
    }));
    return [{ nodeId: node.id, answered: choices.reduce((sum, c) => sum + c.count, 0), choices }];
  });
  const reached = new Map<string, number>();
  for (const answers of byStudent.values()) {
    const ending = endingReached(scenario, (nodeId) => {
      const answer = answers.get(answerKey('main', decisionItemId(scenario.id, nodeId)));
      return answer ? singleChoice(answer.response) : undefined;
    });
    if (ending !== null) reached.set(ending, (reached.get(ending) ?? 0) + 1);
  }
  const endings = scenario.nodes.flatMap((node) =>
    node.kind === 'ending' ? [{ nodeId: node.id, outcome: node.outcome, count: reached.get(node.id) ?? 0 }] : [],
  );
  return {
    scenarioId: scenario.id,
    decisions,
    endings,
    reachedEnding: endings.reduce((sum, e) => sum + e.count, 0),
  };
}

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

/** One student's part in a measure: counted at each wave or not, and their matched pair if any. */
interface StudentMeasure {
  atBefore: boolean;
  atAfter: boolean;
  pair?: { before: number; after: number };
}

/** A measure where the student has one score per wave (undefined: not counted at that wave). */
function atWaves(before: number | undefined, after: number | undefined): StudentMeasure {
  return {
    atBefore: before !== undefined,
    atAfter: after !== undefined,
    ...(before !== undefined && after !== undefined ? { pair: { before, after } } : {}),
  };
}

function measureChange(students: readonly StudentMeasure[]): MeasureChange {
  const pairs = students.flatMap((s) => (s.pair ? [s.pair] : []));
  return {
    nBefore: students.filter((s) => s.atBefore).length,
    nAfter: students.filter((s) => s.atAfter).length,
    nMatched: pairs.length,
    meanBefore: mean(pairs.map((p) => p.before)),
    meanAfter: mean(pairs.map((p) => p.after)),
    sumSquaredChange: pairs.reduce((sum, p) => sum + (p.after - p.before) ** 2, 0),
  };
}

/** The share of a wave's knowledge questions a student got right, if they answered them all. */
export function knowledgeScore(answers: ReadonlyMap<string, ReportAnswer> | undefined, phase: Phase, items: readonly Item[]): number | undefined {
  if (answers === undefined) return undefined;
  if (items.length === 0) return undefined;
  let right = 0;
  for (const item of items) {
    const correct = answers.get(answerKey(phase, item.id))?.correct;
    if (correct === undefined || correct === null) return undefined;
    if (correct) right += 1;
  }
  return right / items.length;
}

/** A point on the scale, turned so that 5 is the safer answer; undefined for none or "prefer not to say". */
export function scalePoint(answers: ReadonlyMap<string, ReportAnswer> | undefined, phase: Phase, item: AttitudeItem): number | undefined {
  const response = answers?.get(answerKey(phase, item.id))?.response;
  if (response?.kind !== 'scale' || response.value === null) return undefined;
  return item.reverse ? 6 - response.value : response.value;
}

const CONSTRUCTS: readonly AttitudeConstruct[] = ['attitude', 'norm', 'control', 'intention'];

function changeResult(structure: ModuleStructure, byStudent: AnswersByStudent): BeforeAfterChange {
  const students = [...byStudent.values()];
  const itemsIn = (phase: 'before' | 'after') => structure.items.filter((item) => item.phases.includes(phase));
  const knowledge = measureChange(
    students.map((answers) =>
      atWaves(knowledgeScore(answers, 'before', itemsIn('before')), knowledgeScore(answers, 'after', itemsIn('after'))),
    ),
  );

  const attitudeItems = structure.attitudeItems.filter((a) => a.phases.includes('before') && a.phases.includes('after'));

  const constructs = CONSTRUCTS.flatMap((construct) => {
    const items = attitudeItems.filter((a) => a.construct === construct);
    if (items.length === 0) return [];
    const byMeasure = students.map((answers): StudentMeasure => {
      const before = items.map((item) => scalePoint(answers, 'before', item));
      const after = items.map((item) => scalePoint(answers, 'after', item));
      // Counted at a wave for any item of the measure; paired over the items answered at both.
      const both = items.flatMap((_, i) => {
        const [b, a] = [before[i], after[i]];
        return b !== undefined && a !== undefined ? [{ b, a }] : [];
      });
      const pairBefore = mean(both.map((x) => x.b));
      const pairAfter = mean(both.map((x) => x.a));
      return {
        atBefore: before.some((v) => v !== undefined),
        atAfter: after.some((v) => v !== undefined),
        ...(pairBefore !== null && pairAfter !== null ? { pair: { before: pairBefore, after: pairAfter } } : {}),
      };
    });
    return [{ construct, ...measureChange(byMeasure) }];
  });

  return {
    knowledge,
    constructs,
    attitudeItems: attitudeItems.map((item) => ({
      itemId: item.id,
      construct: item.construct,
      reverse: item.reverse,
      ...measureChange(students.map((answers) => atWaves(scalePoint(answers, 'before', item), scalePoint(answers, 'after', item)))),
    })),
  };
}

function planResult(structure: ModuleStructure, byStudent: AnswersByStudent): PlanResult {
  const responses = answersTo(byStudent, 'main', 'plan').flatMap((a) => (a.response.kind === 'plan' ? [a.response] : []));
  return {
    answered: responses.length,
    plans: structure.plans.map((plan) => ({
      planId: plan.id,
      count: responses.filter((r) => r.planIds.includes(plan.id)).length,
    })),
    ownPlanWriters: responses.filter((r) => r.ownPlanCount > 0).length,
  };
}

export function buildClassReport(structure: ModuleStructure, input: ClassReportInput): ClassReport {
  const byStudent = groupByStudent(input);
  const { beforeAfter, followUp } = input.session;
  return {
    session: input.session,
    headline: headline(byStudent, finishAnswerKey(structure, { beforeAfter, followUp })),
    pairedDevices: followUp ? pairFollowUp(input.pairing?.first ?? [], input.pairing?.followUp ?? []).pairs.length : null,
    knowledge: structure.items.flatMap((item) =>
      reportedPhases(item, input.session, byStudent).map((phase) =>
        knowledgeItemResult(item, phase, answersTo(byStudent, phase, item.id)),
      ),
    ),
    facts: factResults(structure, byStudent),
    scenarios: structure.scenarios.map((scenario) => scenarioResult(scenario, byStudent)),
    change: changeResult(structure, byStudent),
    plans: planResult(structure, byStudent),
  };
}

// ---------------------------------------------------------------------------------------------
// Disclosure: the report as it may be shown.

/** Which policy each part of the report is disclosed under. */
export interface ReportPolicies {
  /** How many joined, started and finished. */
  headline: DisclosurePolicy;
  /** Knowledge items and fact guesses. */
  knowledge: DisclosurePolicy;
  /** Scenario choices and endings, attitudes, before/after change, plans. */
  answers: DisclosurePolicy;
}

/**
 * The teacher's own report page. Knowledge counts and head counts are exact, as in the live
 * view (the teacher watched the class join); everything about attitudes, choices and plans
 * uses the class-view k. Before/after change uses it for knowledge too: a change links two
 * waves of the same students, and a mean over one or two of them is their own score.
 */
export function classViewReportPolicies(policies: DisclosurePolicies): ReportPolicies {
  return { headline: policies.classView, knowledge: policies.classView, answers: policies.classView };
}

/** Every export: the export policy for every figure. */
export function exportReportPolicies(policies: DisclosurePolicies): ReportPolicies {
  return { headline: policies.export, knowledge: policies.export, answers: policies.export };
}

/** A disclosed count with its share of the table's total. */
export interface DisclosedPart {
  value: DisclosedFigure;
  share: DisclosedShare;
}

export interface DisclosedKnowledgeItem {
  itemId: string;
  phase: Phase;
  kind: ItemKind;
  answered: DisclosedFigure;
  correct: DisclosedPart;
  /** Most common first (as shown), never-chosen ones left out. */
  misconceptions: ({ misconceptionId: string | null } & DisclosedPart)[];
  confidenceAsked: boolean;
  confidentErrors: DisclosedCount;
}

export interface DisclosedFactGuess {
  factId: string;
  kind: 'choice' | 'number';
  answered: DisclosedFigure;
  correct: DisclosedPart;
  options: ({ optionId: string; correct: boolean } & DisclosedPart)[];
}

export interface DisclosedScenario {
  scenarioId: string;
  decisions: {
    nodeId: string;
    answered: DisclosedFigure;
    choices: ({ choiceId: string; risky: boolean } & DisclosedPart)[];
  }[];
  endings: ({ nodeId: string; outcome: 'safe' | 'mixed' | 'risky' } & DisclosedPart)[];
  reachedEnding: DisclosedFigure;
}

export interface DisclosedMeasureChange {
  nBefore: DisclosedCount;
  nAfter: DisclosedCount;
  nMatched: DisclosedCount;
  before: DisclosedMean;
  after: DisclosedMean;
  change: DisclosedMean;
}

export interface DisclosedClassReport {
  session: Omit<ReportSession, 'id'>;
  /** The thresholds used, for the note that explains them. */
  policies: ReportPolicies;
  headline: { joined: DisclosedCount; started: DisclosedCount; finished: DisclosedCount };
  /** A follow-up session: devices paired with the session it follows, as a head count. */
  pairedDevices: DisclosedCount | null;
  knowledge: DisclosedKnowledgeItem[];
  facts: DisclosedFactGuess[];
  scenarios: DisclosedScenario[];
  change: {
    /** In percentage points of questions right (0 to 100), whole numbers. */
    knowledge: DisclosedMeasureChange;
    /** On the 1–5 scale, one decimal place. */
    constructs: ({ construct: AttitudeConstruct } & DisclosedMeasureChange)[];
    attitudeItems: ({ itemId: string; construct: AttitudeConstruct; reverse: boolean } & DisclosedMeasureChange)[];
  };
  plans: {
    answered: DisclosedCount;
    /** Most common first (as shown). */
    plans: ({ planId: string } & DisclosedPart)[];
    ownPlanWriters: DisclosedPart;
  };
}

const withShares = <Key>(cells: readonly { key: Key; value: DisclosedFigure }[], total: DisclosedFigure) =>
  cells.map((cell) => ({ key: cell.key, value: cell.value, share: shareOf(cell.value, total) }));

/**
 * Sorts by the value as shown, largest first, then "fewer than k", then withheld; ties keep
 * content order. Sorting by the exact counts would rank cells the page shows as equal.
 */
function mostCommonFirst<T extends { value: DisclosedFigure }>(parts: readonly T[]): T[] {
  const rank = (v: DisclosedFigure) => (v.kind === 'count' ? v.value : v.kind === 'fewer-than' ? -1 : -2);
  return [...parts].sort((a, b) => rank(b.value) - rank(a.value));
}

function discloseKnowledgeItem(item: KnowledgeItemResult, policy: DisclosurePolicy): DisclosedKnowledgeItem {
  let answered: DisclosedFigure;
  let correct: DisclosedPart;
  let misconceptions: { key: string | null; value: DisclosedFigure; share: DisclosedShare }[];
  if (item.misconceptionsAdditive) {
    // One table: right, or the one misconception the wrong answer shows. Cell 0 is "right".
    const table = discloseDistribution(
      [{ key: null, count: item.correct }, ...item.misconceptions.map((m) => ({ key: m.misconceptionId, count: m.count }))],
      item.answered,
      policy,
      { additive: true },
    );
    const [right, ...rest] = withShares(table.cells, table.total);
    answered = table.total;
    correct = { value: right?.value ?? { kind: 'withheld' }, share: right?.share ?? { kind: 'withheld' } };
    misconceptions = rest;
  } else {
    // Right or wrong; and, apart, each misconception among those who answered.
    const table = discloseDistribution(
      [
        { key: 'correct', count: item.correct },
        { key: 'wrong', count: item.answered - item.correct },
      ],
      item.answered,
      policy,
      { additive: true },
    );
    const [right] = withShares(table.cells, table.total);
    answered = table.total;
    correct = { value: right?.value ?? { kind: 'withheld' }, share: right?.share ?? { kind: 'withheld' } };
    const tags = discloseDistribution(
      item.misconceptions.map((m) => ({ key: m.misconceptionId, count: m.count })),
      item.answered,
      policy,
      { additive: false },
    );
    misconceptions = withShares(tags.cells, answered);
  }
  return {
    itemId: item.itemId,
    phase: item.phase,
    kind: item.kind,
    answered,
    correct,
    misconceptions: mostCommonFirst(misconceptions)
      .filter((m) => !(m.value.kind === 'count' && m.value.value === 0))
      .map((m) => ({ misconceptionId: m.key, value: m.value, share: m.share })),
    confidenceAsked: item.confidenceAsked,
    confidentErrors: discloseCount(item.confidentErrors, policy),
  };
}

function discloseFactGuess(fact: FactGuessResult, policy: DisclosurePolicy): DisclosedFactGuess {
  if (fact.kind === 'number') {
    const table = discloseDistribution(
      [
        { key: 'close', count: fact.correct },
        { key: 'far', count: fact.answered - fact.correct },
      ],
      fact.answered,
      policy,
      { additive: true },
    );
    const [close] = withShares(table.cells, table.total);
    return {
      factId: fact.factId,
      kind: 'number',
      answered: table.total,
      correct: { value: close?.value ?? { kind: 'withheld' }, share: close?.share ?? { kind: 'withheld' } },
      options: [],
    };
  }
  // One table, the options; "right" is read from it rather than counted again beside it,
  // where the two could be subtracted from each other.
  const table = discloseDistribution(
    fact.options.map((o) => ({ key: o, count: o.count })),
    fact.answered,
    policy,
    { additive: true },
  );
  const options = withShares(table.cells, table.total).map((cell) => ({
    optionId: cell.key.optionId,
    correct: cell.key.correct,
    value: cell.value,
    share: cell.share,
  }));
  const right = options.filter((o) => o.correct);
  const rightValue: DisclosedFigure = right.every((o) => o.value.kind === 'count')
    ? { kind: 'count', value: right.reduce((sum, o) => sum + (o.value.kind === 'count' ? o.value.value : 0), 0) }
    : { kind: 'withheld' };
  return {
    factId: fact.factId,
    kind: 'choice',
    answered: table.total,
    correct: { value: rightValue, share: shareOf(rightValue, table.total) },
    options,
  };
}

function discloseScenario(scenario: ScenarioResult, policy: DisclosurePolicy): DisclosedScenario {
  // Decisions and endings count the same students along the graph: disclosed together.
  const tables = [
    ...scenario.decisions.map((d) => ({ cells: d.choices.map((c) => ({ key: c.choiceId, count: c.count })), total: d.answered, additive: true })),
    { cells: scenario.endings.map((e) => ({ key: e.nodeId, count: e.count })), total: scenario.reachedEnding, additive: true },
  ];
  const disclosed = discloseLinkedTables(tables, policy);
  const endings = disclosed[disclosed.length - 1] ?? { cells: [], total: { kind: 'withheld' } as const };
  return {
    scenarioId: scenario.scenarioId,
    decisions: scenario.decisions.map((decision, d) => {
      const table = disclosed[d] ?? { cells: [], total: { kind: 'withheld' } as const };
      const parts = withShares(table.cells, table.total);
      return {
        nodeId: decision.nodeId,
        answered: table.total,
        choices: decision.choices.map((choice, c) => ({
          choiceId: choice.choiceId,
          risky: choice.risky,
          value: parts[c]?.value ?? { kind: 'withheld' },
          share: parts[c]?.share ?? { kind: 'withheld' },
        })),
      };
    }),
    endings: withShares(endings.cells, endings.total).map((cell, e) => ({
      nodeId: cell.key,
      outcome: scenario.endings[e]?.outcome ?? 'mixed',
      value: cell.value,
      share: cell.share,
    })),
    reachedEnding: endings.total,
  };
}

function discloseChange(
  change: MeasureChange,
  policy: DisclosurePolicy,
  scale: { factor: number; decimals: number },
): DisclosedMeasureChange {
  const n = change.nMatched;
  const at = (value: number | null) => (value === null ? { kind: 'none' as const } : discloseMean(value * scale.factor, n, policy, scale.decimals));
  const difference = change.meanBefore === null || change.meanAfter === null ? null : change.meanAfter - change.meanBefore;
  return {
    nBefore: discloseCount(change.nBefore, policy),
    nAfter: discloseCount(change.nAfter, policy),
    nMatched: discloseCount(n, policy),
    before: at(change.meanBefore),
    after: at(change.meanAfter),
    change: at(difference),
  };
}

const PERCENT = { factor: 100, decimals: 0 };
const SCALE_POINTS = { factor: 1, decimals: 1 };

export function discloseClassReport(report: ClassReport, policies: ReportPolicies): DisclosedClassReport {
  const { answers: answerPolicy, knowledge: knowledgePolicy } = policies;
  const plans = discloseDistribution(
    report.plans.plans.map((p) => ({ key: p.planId, count: p.count })),
    report.plans.answered,
    answerPolicy,
    { additive: false },
  );
  const ownPlanWriters = discloseCount(report.plans.ownPlanWriters, answerPolicy);
  const { id: _id, ...session } = report.session;
  return {
    session,
    policies,
    headline: {
      joined: discloseCount(report.headline.joined, policies.headline),
      started: discloseCount(report.headline.started, policies.headline),
      finished: discloseCount(report.headline.finished, policies.headline),
    },
    pairedDevices: report.pairedDevices === null ? null : discloseCount(report.pairedDevices, policies.headline),
    knowledge: report.knowledge.map((item) => discloseKnowledgeItem(item, knowledgePolicy)),
    facts: report.facts.map((fact) => discloseFactGuess(fact, knowledgePolicy)),
    scenarios: report.scenarios.map((scenario) => discloseScenario(scenario, answerPolicy)),
    change: {
      knowledge: discloseChange(report.change.knowledge, answerPolicy, PERCENT),
      constructs: report.change.constructs.map(({ construct, ...change }) => ({
        construct,
        ...discloseChange(change, answerPolicy, SCALE_POINTS),
      })),
      attitudeItems: report.change.attitudeItems.map(({ itemId, construct, reverse, ...change }) => ({
        itemId,
        construct,
        reverse,
        ...discloseChange(change, answerPolicy, SCALE_POINTS),
      })),
    },
    plans: {
      answered: discloseCount(report.plans.answered, answerPolicy),
      plans: mostCommonFirst(withShares(plans.cells, plans.total)).map((p) => ({ planId: p.key, value: p.value, share: p.share })),
      ownPlanWriters: { value: ownPlanWriters, share: shareOf(ownPlanWriters, plans.total) },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Words: what the report's ids mean in one locale, from the module's text.

/** The module's words for the report's ids. A missing text falls back to the id, never to nothing. */
export interface ReportContentText {
  item(itemId: string): string;
  misconception(misconceptionId: string): string;
  factTitle(factId: string): string;
  factOption(factId: string, optionId: string): string;
  scenarioTitle(scenarioId: string): string;
  /** A decision's question, or an ending's title (its text when it has no title). */
  node(scenarioId: string, nodeId: string): string;
  choice(scenarioId: string, nodeId: string, choiceId: string): string;
  attitudeStatement(itemId: string): string;
  /** "If …, then …" as its two halves, so each locale joins them its own way. */
  plan(planId: string): { if: string; then: string };
}

export function reportContentText(text: ModuleText): ReportContentText {
  const node = (scenarioId: string, nodeId: string) => text.scenarios[scenarioId]?.nodes[nodeId];
  return {
    item: (itemId) => text.items[itemId]?.prompt ?? itemId,
    misconception: (id) => text.misconceptions[id] ?? id,
    factTitle: (factId) => text.facts[factId]?.title ?? factId,
    factOption: (factId, optionId) => text.facts[factId]?.options?.[optionId] ?? optionId,
    scenarioTitle: (scenarioId) => text.scenarios[scenarioId]?.title ?? scenarioId,
    node: (scenarioId, nodeId) => {
      const found = node(scenarioId, nodeId);
      return found?.title ?? found?.text ?? nodeId;
    },
    choice: (scenarioId, nodeId, choiceId) => node(scenarioId, nodeId)?.choices?.[choiceId] ?? choiceId,
    attitudeStatement: (itemId) => text.attitudeItems[itemId]?.statement ?? itemId,
    plan: (planId) => text.plans[planId] ?? { if: planId, then: '' },
  };
}
