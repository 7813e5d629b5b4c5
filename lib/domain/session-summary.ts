/**
 * A class session's results as exact, additive counts and sums: what officers' views are built
 * from (officer-results.ts), and what the retention job keeps when it deletes raw answers.
 * Pure, and JSON all the way down, since it is stored (table session_summaries).
 *
 * Additive means two sessions' summaries merge by adding (`mergeSummaries`), so results for any
 * set of sessions are the sum of theirs, with no raw answer needed:
 * - counts are keyed by id (`phase:itemId`, option ids, node ids), not by position, so summaries
 *   made under different content versions still merge;
 * - means are kept as sums with their n;
 * - an item's discrimination is kept as the sufficient statistics of a correlation (n, Σx, Σr,
 *   Σx², Σr², Σxr), which add up across sessions (question-quality.ts).
 *
 * It is built from the class report's tallies (class-report.ts), so a session's report and
 * the officers' figures count the same things the same way.
 */
import type { ModuleStructure, Phase } from '@/lib/content/schema';
import type { ClassReport, MeasureChange, ReportAnswer } from './class-report';
import { sessionNoiseKey } from './cell-key';
import { answerKey } from './journey';
import { addPositionCounts, countPositions, type PositionCounts } from './position-effect';

/**
 * Bump when the shape changes: stored summaries of another format are rebuilt, unless frozen.
 * 3 added `positions`; a frozen format-2 summary is still read, with no position counts
 * (session-summary-schema.ts), and format 1 (no noise key) is left out.
 */
export const SESSION_SUMMARY_FORMAT = 3;
/** Formats officers' results can still read. */
export const READABLE_SUMMARY_FORMATS: readonly number[] = [2, SESSION_SUMMARY_FORMAT];

export type Counts = Record<string, number>;

/** A measure at two waves, as sums over matched pairs (class-report.ts's MeasureChange, additive). */
export interface MeasureSums {
  nBefore: number;
  nAfter: number;
  nMatched: number;
  sumBefore: number;
  sumAfter: number;
  /** Σ (after − before)² over the matched pairs, for the change's spread and confidence interval. */
  sumSquaredChange: number;
}

/** Sufficient statistics for the correlation of an item's score (x, 0 or 1) with the rest score r. */
export interface CorrelationSums {
  n: number;
  sx: number;
  sr: number;
  srr: number;
  sxr: number;
}

export interface ItemSummary {
  answered: number;
  correct: number;
  /** Wrong answers by the misconception they show; `none` for those naming none. */
  misconceptions: Counts;
  confidentErrors: number;
  discrimination: CorrelationSums;
}

export interface DecisionSummary {
  /** Students who chose each choice. */
  choices: Counts;
}

export interface ScenarioSummary {
  decisions: Record<string, DecisionSummary>;
  /** Students whose path reached each ending. */
  endings: Counts;
}

export interface FollowUpSummary {
  /** Follow-up participants, and those who answered at least one question. */
  joined: number;
  started: number;
  /** Follow-up participants whose device paired with a first-visit participant. */
  paired: number;
  /**
   * The retrieval quiz: before = the paired student's score on the same items in the first
   * session's quiz, after = their score at follow-up. nBefore counts first-visit scores of
   * paired students, nAfter everyone who answered every follow-up item.
   */
  retrieval: MeasureSums;
  /** Intention items: before = the first session's before wave, after = the follow-up. */
  intention: MeasureSums;
  /** Intention items: the first session's after wave against the follow-up, for the same students. */
  intentionSinceAfter: MeasureSums;
}

export interface SessionSummary {
  format: typeof SESSION_SUMMARY_FORMAT;
  /**
   * The session's secret key for the cell key method (cell-key.ts), from its participants'
   * random ids; never shown. Empty in a merged summary, which is never perturbed again.
   */
  noiseKey: string;
  headline: { joined: number; started: number; finished: number };
  /** By `phase:itemId`. */
  items: Record<string, ItemSummary>;
  /** Fact guesses by fact id: answered, right (a choice) or close (a number), and choice counts. */
  facts: Record<string, { answered: number; correct: number; options: Counts }>;
  scenarios: Record<string, ScenarioSummary>;
  change: {
    /** Share of a wave's knowledge questions right, 0 to 1, per student. */
    knowledge: MeasureSums;
    /** Mean scale point, 5 the safer answer, per student. */
    constructs: Record<string, MeasureSums>;
  };
  plans: { answered: number; picked: Counts; ownPlanWriters: number };
  /** Only in a follow-up session's summary. */
  followUp: FollowUpSummary | null;
  /**
   * By `phase:itemId`: where the chosen options were shown, for every shuffled question whose
   * answers recorded the order (position-effect.ts). Empty in a summary older than format 3.
   */
  positions: Record<string, PositionCounts>;
}

const sumsOf = (change: MeasureChange): MeasureSums => ({
  nBefore: change.nBefore,
  nAfter: change.nAfter,
  nMatched: change.nMatched,
  sumBefore: (change.meanBefore ?? 0) * change.nMatched,
  sumAfter: (change.meanAfter ?? 0) * change.nMatched,
  sumSquaredChange: change.sumSquaredChange,
});

export const emptyMeasure = (): MeasureSums => ({ nBefore: 0, nAfter: 0, nMatched: 0, sumBefore: 0, sumAfter: 0, sumSquaredChange: 0 });
export const emptyCorrelation = (): CorrelationSums => ({ n: 0, sx: 0, sr: 0, srr: 0, sxr: 0 });

/**
 * Each scored knowledge answer's correlation terms: x = 1 when right, r = the share right of the
 * same student's other scored knowledge answers in the session (all phases). A student with no
 * other scored answer adds nothing: they have no rest score.
 */
export function discriminationSums(
  structure: ModuleStructure,
  answers: readonly ReportAnswer[],
): Map<string, CorrelationSums> {
  const knowledgeIds = new Set(structure.items.map((item) => item.id));
  const byStudent = new Map<string, ReportAnswer[]>();
  for (const answer of answers) {
    if (!knowledgeIds.has(answer.itemId) || answer.correct === null) continue;
    const list = byStudent.get(answer.participantId) ?? [];
    list.push(answer);
    byStudent.set(answer.participantId, list);
  }
  const sums = new Map<string, CorrelationSums>();
  for (const scored of byStudent.values()) {
    if (scored.length < 2) continue;
    const right = scored.filter((a) => a.correct === true).length;
    for (const answer of scored) {
      const x = answer.correct === true ? 1 : 0;
      const r = (right - x) / (scored.length - 1);
      const key = answerKey(answer.phase, answer.itemId);
      const s = sums.get(key) ?? emptyCorrelation();
      sums.set(key, { n: s.n + 1, sx: s.sx + x, sr: s.sr + r, srr: s.srr + r * r, sxr: s.sxr + x * r });
    }
  }
  return sums;
}

const countsOf = <T>(entries: readonly T[], key: (entry: T) => string, value: (entry: T) => number): Counts =>
  Object.fromEntries(entries.map((entry) => [key(entry), value(entry)]));

/** A session's summary from its class report and its answers (for discrimination). */
export function summariseSession(
  structure: ModuleStructure,
  report: ClassReport,
  answers: readonly ReportAnswer[],
  followUp: FollowUpSummary | null = null,
): SessionSummary {
  const discrimination = discriminationSums(structure, answers);
  return {
    format: SESSION_SUMMARY_FORMAT,
    noiseKey: sessionNoiseKey(answers.map((answer) => answer.participantId)),
    headline: { ...report.headline },
    items: Object.fromEntries(
      report.knowledge.map((item) => {
        const key = answerKey(item.phase, item.itemId);
        return [
          key,
          {
            answered: item.answered,
            correct: item.correct,
            misconceptions: countsOf(item.misconceptions, (m) => m.misconceptionId ?? 'none', (m) => m.count),
            confidentErrors: item.confidentErrors,
            discrimination: discrimination.get(key) ?? emptyCorrelation(),
          },
        ];
      }),
    ),
    facts: Object.fromEntries(
      report.facts.map((fact) => [
        fact.factId,
        { answered: fact.answered, correct: fact.correct, options: countsOf(fact.options, (o) => o.optionId, (o) => o.count) },
      ]),
    ),
    scenarios: Object.fromEntries(
      report.scenarios.map((scenario) => [
        scenario.scenarioId,
        {
          decisions: Object.fromEntries(
            scenario.decisions.map((d) => [d.nodeId, { choices: countsOf(d.choices, (c) => c.choiceId, (c) => c.count) }]),
          ),
          endings: countsOf(scenario.endings, (e) => e.nodeId, (e) => e.count),
        },
      ]),
    ),
    change: {
      knowledge: sumsOf(report.change.knowledge),
      constructs: Object.fromEntries(report.change.constructs.map(({ construct, ...change }) => [construct, sumsOf(change)])),
    },
    plans: {
      answered: report.plans.answered,
      picked: countsOf(report.plans.plans, (p) => p.planId, (p) => p.count),
      ownPlanWriters: report.plans.ownPlanWriters,
    },
    followUp,
    positions: countPositions(structure, answers),
  };
}

// ---------------------------------------------------------------------------------------------
// Merging

function addCounts(a: Counts, b: Counts): Counts {
  const out: Counts = { ...a };
  for (const [key, value] of Object.entries(b)) out[key] = (out[key] ?? 0) + value;
  return out;
}

export function addMeasure(a: MeasureSums, b: MeasureSums): MeasureSums {
  return {
    nBefore: a.nBefore + b.nBefore,
    nAfter: a.nAfter + b.nAfter,
    nMatched: a.nMatched + b.nMatched,
    sumBefore: a.sumBefore + b.sumBefore,
    sumAfter: a.sumAfter + b.sumAfter,
    sumSquaredChange: a.sumSquaredChange + b.sumSquaredChange,
  };
}

function addCorrelation(a: CorrelationSums, b: CorrelationSums): CorrelationSums {
  return { n: a.n + b.n, sx: a.sx + b.sx, sr: a.sr + b.sr, srr: a.srr + b.srr, sxr: a.sxr + b.sxr };
}

function addRecords<T>(a: Record<string, T>, b: Record<string, T>, add: (x: T, y: T) => T): Record<string, T> {
  const out: Record<string, T> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = out[key];
    out[key] = existing === undefined ? value : add(existing, value);
  }
  return out;
}

function addItem(a: ItemSummary, b: ItemSummary): ItemSummary {
  return {
    answered: a.answered + b.answered,
    correct: a.correct + b.correct,
    misconceptions: addCounts(a.misconceptions, b.misconceptions),
    confidentErrors: a.confidentErrors + b.confidentErrors,
    discrimination: addCorrelation(a.discrimination, b.discrimination),
  };
}

function addFollowUp(a: FollowUpSummary | null, b: FollowUpSummary | null): FollowUpSummary | null {
  if (a === null) return b;
  if (b === null) return a;
  return {
    joined: a.joined + b.joined,
    started: a.started + b.started,
    paired: a.paired + b.paired,
    retrieval: addMeasure(a.retrieval, b.retrieval),
    intention: addMeasure(a.intention, b.intention),
    intentionSinceAfter: addMeasure(a.intentionSinceAfter, b.intentionSinceAfter),
  };
}

export function emptySummary(): SessionSummary {
  return {
    format: SESSION_SUMMARY_FORMAT,
    noiseKey: '',
    headline: { joined: 0, started: 0, finished: 0 },
    items: {},
    facts: {},
    scenarios: {},
    change: { knowledge: emptyMeasure(), constructs: {} },
    plans: { answered: 0, picked: {}, ownPlanWriters: 0 },
    followUp: null,
    positions: {},
  };
}

/** The summary of several sessions: every count and sum added. */
export function mergeSummaries(summaries: readonly SessionSummary[]): SessionSummary {
  return summaries.reduce(
    (a, b) => ({
      format: SESSION_SUMMARY_FORMAT,
      noiseKey: '',
      headline: {
        joined: a.headline.joined + b.headline.joined,
        started: a.headline.started + b.headline.started,
        finished: a.headline.finished + b.headline.finished,
      },
      items: addRecords(a.items, b.items, addItem),
      facts: addRecords(a.facts, b.facts, (x, y) => ({
        answered: x.answered + y.answered,
        correct: x.correct + y.correct,
        options: addCounts(x.options, y.options),
      })),
      scenarios: addRecords(a.scenarios, b.scenarios, (x, y) => ({
        decisions: addRecords(x.decisions, y.decisions, (p, q) => ({ choices: addCounts(p.choices, q.choices) })),
        endings: addCounts(x.endings, y.endings),
      })),
      change: {
        knowledge: addMeasure(a.change.knowledge, b.change.knowledge),
        constructs: addRecords(a.change.constructs, b.change.constructs, addMeasure),
      },
      plans: {
        answered: a.plans.answered + b.plans.answered,
        picked: addCounts(a.plans.picked, b.plans.picked),
        ownPlanWriters: a.plans.ownPlanWriters + b.plans.ownPlanWriters,
      },
      followUp: addFollowUp(a.followUp, b.followUp),
      positions: addRecords(a.positions, b.positions, addPositionCounts),
    }),
    emptySummary(),
  );
}

/** Phases as stored in summary keys, for readers that split `phase:itemId`. */
export function splitItemKey(key: string): { phase: Phase; itemId: string } | null {
  const at = key.indexOf(':');
  if (at < 0) return null;
  const phase = key.slice(0, at);
  if (phase !== 'before' && phase !== 'main' && phase !== 'after' && phase !== 'followup') return null;
  return { phase, itemId: key.slice(at + 1) };
}
