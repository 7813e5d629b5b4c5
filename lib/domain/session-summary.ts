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
import { countPositions, type PositionCounts } from './position-effect';

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
  // One running total, added into in place: copying the total at every session (as a reduce of
  // pure adds would) makes a county's merge grow with sessions × keys.
  const total = emptySummary();
  for (const summary of summaries) addSummaryInto(total, summary);
  return total;
}

/** Adds `b` into `out`, which must be a total of its own (never a stored session's summary). */
function addSummaryInto(out: SessionSummary, b: SessionSummary): void {
  out.headline.joined += b.headline.joined;
  out.headline.started += b.headline.started;
  out.headline.finished += b.headline.finished;
  addRecordsInto(out.items, b.items, emptyItem, addItemInto);
  addRecordsInto(out.facts, b.facts, () => ({ answered: 0, correct: 0, options: {} }), (x, y) => {
    x.answered += y.answered;
    x.correct += y.correct;
    addCountsInto(x.options, y.options);
  });
  addRecordsInto(out.scenarios, b.scenarios, () => ({ decisions: {}, endings: {} }), (x, y) => {
    addRecordsInto(x.decisions, y.decisions, () => ({ choices: {} }), (p, q) => addCountsInto(p.choices, q.choices));
    addCountsInto(x.endings, y.endings);
  });
  addMeasureInto(out.change.knowledge, b.change.knowledge);
  addRecordsInto(out.change.constructs, b.change.constructs, emptyMeasure, addMeasureInto);
  out.plans.answered += b.plans.answered;
  addCountsInto(out.plans.picked, b.plans.picked);
  out.plans.ownPlanWriters += b.plans.ownPlanWriters;
  if (b.followUp !== null) {
    out.followUp ??= emptyFollowUp();
    addFollowUpInto(out.followUp, b.followUp);
  }
  addRecordsInto(
    out.positions,
    b.positions,
    (first) => ({ choice: first.choice, shown: [], chosen: [] }),
    (x, y) => {
      addArrayInto(x.shown, y.shown);
      addArrayInto(x.chosen, y.chosen);
    },
  );
}

function addCountsInto(out: Counts, b: Counts): void {
  for (const key in b) out[key] = (out[key] ?? 0) + (b[key] as number);
}

function addArrayInto(out: number[], b: readonly number[]): void {
  for (let p = 0; p < b.length; p += 1) out[p] = (out[p] ?? 0) + (b[p] as number);
}

function addMeasureInto(out: MeasureSums, b: MeasureSums): void {
  out.nBefore += b.nBefore;
  out.nAfter += b.nAfter;
  out.nMatched += b.nMatched;
  out.sumBefore += b.sumBefore;
  out.sumAfter += b.sumAfter;
  out.sumSquaredChange += b.sumSquaredChange;
}

/** Adds each of `b`'s entries into `out`'s, starting a key from `empty()` so nothing of `b` is shared. */
function addRecordsInto<T>(out: Record<string, T>, b: Record<string, T>, empty: (first: T) => T, addInto: (x: T, y: T) => void): void {
  for (const key in b) {
    const value = b[key] as T;
    let existing = out[key];
    if (existing === undefined) {
      existing = empty(value);
      out[key] = existing;
    }
    addInto(existing, value);
  }
}

const emptyItem = (): ItemSummary => ({ answered: 0, correct: 0, misconceptions: {}, confidentErrors: 0, discrimination: emptyCorrelation() });

function addItemInto(out: ItemSummary, b: ItemSummary): void {
  out.answered += b.answered;
  out.correct += b.correct;
  addCountsInto(out.misconceptions, b.misconceptions);
  out.confidentErrors += b.confidentErrors;
  const d = out.discrimination;
  d.n += b.discrimination.n;
  d.sx += b.discrimination.sx;
  d.sr += b.discrimination.sr;
  d.srr += b.discrimination.srr;
  d.sxr += b.discrimination.sxr;
}

const emptyFollowUp = (): FollowUpSummary => ({
  joined: 0,
  started: 0,
  paired: 0,
  retrieval: emptyMeasure(),
  intention: emptyMeasure(),
  intentionSinceAfter: emptyMeasure(),
});

function addFollowUpInto(out: FollowUpSummary, b: FollowUpSummary): void {
  out.joined += b.joined;
  out.started += b.started;
  out.paired += b.paired;
  addMeasureInto(out.retrieval, b.retrieval);
  addMeasureInto(out.intention, b.intention);
  addMeasureInto(out.intentionSinceAfter, b.intentionSinceAfter);
}

/** Phases as stored in summary keys, for readers that split `phase:itemId`. */
export function splitItemKey(key: string): { phase: Phase; itemId: string } | null {
  const at = key.indexOf(':');
  if (at < 0) return null;
  const phase = key.slice(0, at);
  if (phase !== 'before' && phase !== 'main' && phase !== 'after' && phase !== 'followup') return null;
  return { phase, itemId: key.slice(at + 1) };
}
