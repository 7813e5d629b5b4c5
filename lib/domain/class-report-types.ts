/**
 * The shapes of a class session's report: what it is built from (a session's answers), the
 * report of exact counts that stays on the server (`ClassReport`), and the disclosed report that
 * pages and files are made from (`DisclosedClassReport`). Building is class-report.ts,
 * disclosure class-report-disclosure.ts, words class-report-text.ts.
 */
import type { AnswerResponse } from '@/lib/api/schemas';
import type { AttitudeConstruct, ItemKind, Phase } from '@/lib/content/schema';
import type { ClassSessionMode, ClassSessionStatus } from '@/lib/db/schema';
import type { DisclosedFigure, DisclosedMean, DisclosedShare, DisclosurePolicy } from './disclosure';
import type { PairingEntry } from './pairing';

/** One stored answer of one of the session's students, as the report reads it. */
export interface ReportAnswer {
  participantId: string;
  itemId: string;
  phase: Phase;
  response: AnswerResponse;
  correct: boolean | null;
  confidence: number | null;
  /** The option ids in the order the device showed them; absent or null where none was recorded. */
  shownOrder?: string[] | null;
}

export interface ReportSession {
  id: string;
  joinCode: string;
  mode: ClassSessionMode;
  beforeAfter: boolean;
  /** The core only, or the core and the deeper sections; the whole module when absent. */
  path?: 'core' | 'full';
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
  pairing?: {
    first: readonly PairingEntry[];
    followUp: readonly PairingEntry[];
    /** The first session's answers (received by the report's cutoff): for the change since then. */
    firstAnswers?: readonly ReportAnswer[];
  };
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
  confidentErrors: DisclosedFigure;
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

/**
 * A mean as the report shows it: also withheld when the number behind it is, or when it sits
 * so near an end of its scale that it would say how many gave another answer (one student short
 * of everyone at 5 is one student at 4).
 */
export type ReportMean = DisclosedMean | { kind: 'withheld' };

/** Counts at each wave, disclosed together (the matched pairs are part of both), and the means over the pairs. */
export interface DisclosedMeasureChange {
  nBefore: DisclosedFigure;
  nAfter: DisclosedFigure;
  nMatched: DisclosedFigure;
  before: ReportMean;
  after: ReportMean;
  /** The difference of the two means as shown, so it tells nothing they don't. */
  change: ReportMean;
}

export interface DisclosedClassReport {
  session: Omit<ReportSession, 'id'>;
  /** The threshold and rounding used, for the note that explains them. */
  policy: DisclosurePolicy;
  headline: { joined: DisclosedFigure; started: DisclosedFigure; finished: DisclosedFigure };
  /** A follow-up session: devices paired with the session it follows, as a head count. */
  pairedDevices: DisclosedFigure | null;
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
    answered: DisclosedFigure;
    /** Most common first (as shown). */
    plans: ({ planId: string } & DisclosedPart)[];
    ownPlanWriters: DisclosedPart;
  };
}
