/**
 * A class session's report, from its students' answers and the module's structure. Pure.
 *
 * Two stages, so that raw counts never reach a page or a file by accident:
 * - `buildClassReport` (here) tallies the answers into a `ClassReport` of exact counts and
 *   means. It stays on the server.
 * - `discloseClassReport` (class-report-disclosure.ts) passes every figure through disclosure
 *   control and gives a `DisclosedClassReport`, the only thing a page or a CSV is made from.
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
import type { AttitudeConstruct, AttitudeItem, Item, ModuleStructure, Phase, Scenario } from '@/lib/content/schema';
import type {
  BeforeAfterChange,
  ClassReport,
  ClassReportInput,
  DecisionResult,
  FactGuessResult,
  Headline,
  KnowledgeItemResult,
  MeasureChange,
  PlanResult,
  ReportAnswer,
  ReportSession,
  ScenarioResult,
} from './class-report-types';
import { answerKey, buildJourney, stepAnswerKey, type JourneyOptions } from './journey';
import { pairFollowUp } from './pairing';

// The report's types and words, for modules that read a report (session summaries,
// follow-ups, officers' results).
export type * from './class-report-types';
export { reportContentText, type ReportContentText } from './class-report-text';

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

/** Whether the session's path asks a main-phase item or a story: a core session leaves the deeper ones out. */
const asked = (content: { depth: 'core' | 'deeper' }, session: ReportSession): boolean =>
  content.depth === 'core' || (session.path ?? 'full') === 'full';

/**
 * The phases of an item the report covers: those the session asked, and any that have answers.
 * A follow-up session asks the follow-up phase only.
 */
function reportedPhases(item: Item, session: ReportSession, byStudent: AnswersByStudent): Phase[] {
  if (session.followUp) return item.phases.filter((phase) => phase === 'followup');
  const { beforeAfter } = session;
  return item.phases.filter(
    (phase) =>
      (phase === 'main' && asked(item, session)) ||
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

const NO_CHANGE: MeasureChange = { nBefore: 0, nAfter: 0, nMatched: 0, meanBefore: null, meanAfter: null, sumSquaredChange: 0 };

/**
 * A follow-up's change: the intention statements it asks, now against the same devices' answers
 * at the start of the first session (paired by pairing code only, pairing.ts), as the officers'
 * follow-up figures compare them (follow-up-summary.ts). Only students who answered something in
 * the follow-up count at either wave, so every figure is a part of those who started. Knowledge
 * has no change here: the follow-up's own questions are its knowledge table.
 */
function followUpChange(structure: ModuleStructure, byStudent: AnswersByStudent, pairing: NonNullable<ClassReportInput['pairing']>): BeforeAfterChange {
  const firstOf = new Map(pairFollowUp(pairing.first, pairing.followUp).pairs.map((pair) => [pair.followUp, pair.first]));
  const firstAnswers: AnswersByStudent = new Map();
  for (const answer of pairing.firstAnswers ?? []) {
    const own = firstAnswers.get(answer.participantId) ?? new Map<string, ReportAnswer>();
    own.set(answerKey(answer.phase, answer.itemId), answer);
    firstAnswers.set(answer.participantId, own);
  }
  const students = [...byStudent.entries()]
    .filter(([, answers]) => answers.size > 0)
    .map(([id, now]) => {
      const firstId = firstOf.get(id);
      return { now, first: firstId === undefined ? undefined : firstAnswers.get(firstId) };
    });
  const items = structure.attitudeItems.filter((a) => a.construct === 'intention' && a.phases.includes('followup') && a.phases.includes('before'));
  const points = (item: AttitudeItem) => students.map((s) => ({ before: scalePoint(s.first, 'before', item), after: scalePoint(s.now, 'followup', item) }));
  const constructs =
    items.length === 0
      ? []
      : [
          {
            construct: 'intention' as const,
            ...measureChange(
              students.map((_, i): StudentMeasure => {
                const both = items.flatMap((item) => {
                  const p = points(item)[i];
                  return p?.before !== undefined && p.after !== undefined ? [{ b: p.before, a: p.after }] : [];
                });
                const at = items.map((item) => points(item)[i]);
                const pairBefore = mean(both.map((x) => x.b));
                const pairAfter = mean(both.map((x) => x.a));
                return {
                  atBefore: at.some((p) => p?.before !== undefined),
                  atAfter: at.some((p) => p?.after !== undefined),
                  ...(pairBefore !== null && pairAfter !== null ? { pair: { before: pairBefore, after: pairAfter } } : {}),
                };
              }),
            ),
          },
        ];
  return {
    knowledge: NO_CHANGE,
    constructs,
    attitudeItems: items.map((item) => ({
      itemId: item.id,
      construct: item.construct,
      reverse: item.reverse,
      ...measureChange(points(item).map((p) => atWaves(p.before, p.after))),
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
  const { beforeAfter, followUp, path = 'full' } = input.session;
  return {
    session: input.session,
    headline: headline(byStudent, finishAnswerKey(structure, { beforeAfter, followUp, path })),
    pairedDevices: followUp ? pairFollowUp(input.pairing?.first ?? [], input.pairing?.followUp ?? []).pairs.length : null,
    knowledge: structure.items.flatMap((item) =>
      reportedPhases(item, input.session, byStudent).map((phase) =>
        knowledgeItemResult(item, phase, answersTo(byStudent, phase, item.id)),
      ),
    ),
    facts: factResults(structure, byStudent),
    scenarios: structure.scenarios
      .map((scenario) => ({ scenario, result: scenarioResult(scenario, byStudent) }))
      // A deeper story a core session never asked is left out, unless some of its answers came in anyway.
      .filter(({ scenario, result }) => asked(scenario, input.session) || result.decisions.some((d) => d.answered > 0))
      .map(({ result }) => result),
    // A follow-up has no before/after waves of its own: its change is against the first session, whatever arrived of it.
    change: followUp ? followUpChange(structure, byStudent, input.pairing ?? { first: [], followUp: [] }) : changeResult(structure, byStudent),
    plans: planResult(structure, byStudent),
  };
}
