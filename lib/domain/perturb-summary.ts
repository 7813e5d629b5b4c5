/**
 * A session summary as officers' results may use it: every count of its finest partition
 * perturbed by the cell key method (cell-key.ts), every total worked out again as the sum of
 * its perturbed parts, so the summary stays additive and self-consistent (finished ≤ started ≤
 * joined, a decision's choices add up to those who answered, a part never exceeds its whole).
 *
 * Officers' figures are sums of these perturbed summaries only (officer-results.ts). However
 * many selections a reader compares, the most they can work out is each session's perturbed
 * atoms, and each atom keeps its noise: a count known only to within ±MAX_NOISE, and a
 * perturbed 0 that may stand for 0, 1 or 2 people (decision note 010). Pure.
 */
import { MAX_NOISE, perturbCount } from './cell-key';
import type { PositionCounts } from './position-effect';
import type { Counts, FollowUpSummary, ItemSummary, MeasureSums, SessionSummary } from './session-summary';

type Perturb = (atom: string, count: number) => number;

/** A part (e.g. "confident" of the wrong answers) perturbed and kept within its perturbed whole. */
const within = (value: number, whole: number) => Math.max(0, Math.min(value, whole));

function perturbCounts(counts: Counts, perturb: Perturb, prefix: string, whole?: number): Counts {
  return Object.fromEntries(
    Object.entries(counts).map(([key, n]) => {
      const value = perturb(`${prefix}/${key}`, n);
      return [key, whole === undefined ? value : within(value, whole)];
    }),
  );
}

/** Scores per student lie in [low, high]: a sum over n students is kept within n·low … n·high. */
export interface ScoreRange {
  low: number;
  high: number;
}

/** Knowledge: the share of a wave's questions right. Attitudes: the mean scale point. */
export const SHARE_RANGE: ScoreRange = { low: 0, high: 1 };
export const SCALE_RANGE: ScoreRange = { low: 1, high: 5 };

/**
 * A measure: its matched pairs, before-only and after-only students are the atoms; each sum gets
 * noise of up to MAX_NOISE whole students' worth of the scale's range, keyed like a count on the
 * number of pairs, then kept within what that many (perturbed) pairs could score.
 */
export function perturbMeasure(measure: MeasureSums, perturb: Perturb, atom: string, range: ScoreRange): MeasureSums {
  const matched = perturb(`${atom}/matched`, measure.nMatched);
  const beforeOnly = perturb(`${atom}/before-only`, measure.nBefore - measure.nMatched);
  const afterOnly = perturb(`${atom}/after-only`, measure.nAfter - measure.nMatched);
  const span = range.high - range.low;
  const sum = (name: string, value: number) => {
    if (matched === 0) return 0;
    // The noise of a count of pairs, in whole students, scaled to the range one student spans.
    const students = perturb(`${atom}/${name}`, Math.max(measure.nMatched, MAX_NOISE)) - Math.max(measure.nMatched, MAX_NOISE);
    const noisy = value + (students * span) / 2;
    return Math.max(matched * range.low, Math.min(matched * range.high, noisy));
  };
  const squares = () => {
    if (matched === 0) return 0;
    const students = perturb(`${atom}/sum-squared-change`, Math.max(measure.nMatched, MAX_NOISE)) - Math.max(measure.nMatched, MAX_NOISE);
    return Math.max(0, Math.min(matched * span * span, measure.sumSquaredChange + (students * span * span) / 4));
  };
  return {
    nBefore: matched + beforeOnly,
    nAfter: matched + afterOnly,
    nMatched: matched,
    sumBefore: sum('sum-before', measure.sumBefore),
    sumAfter: sum('sum-after', measure.sumAfter),
    sumSquaredChange: squares(),
  };
}

function perturbItem(item: ItemSummary, perturb: Perturb, key: string): ItemSummary {
  const correct = perturb(`item/${key}/correct`, item.correct);
  const wrong = perturb(`item/${key}/wrong`, item.answered - item.correct);
  return {
    answered: correct + wrong,
    correct,
    misconceptions: perturbCounts(item.misconceptions, perturb, `item/${key}/misconception`, wrong),
    confidentErrors: within(perturb(`item/${key}/confident-errors`, item.confidentErrors), wrong),
    // Correlation sums feed question quality only, shown to two decimals and only when both the
    // right and the wrong group are at least k (question-quality.ts).
    discrimination: item.discrimination,
  };
}

/**
 * Position counts: for one choice per answer, the choices at each position are the atoms and
 * the answers their sum; for choose-all, the answers are an atom and each position's choices
 * are kept within them. Every position was shown in every answer of one session.
 */
function perturbPositions(counts: PositionCounts, perturb: Perturb, key: string): PositionCounts {
  const atom = `position/${key}`;
  if (counts.choice === 'one') {
    const chosen = counts.chosen.map((n, p) => perturb(`${atom}/chosen/${p}`, n));
    const answers = chosen.reduce((a, b) => a + b, 0);
    return { choice: 'one', shown: counts.shown.map(() => answers), chosen };
  }
  const answers = perturb(`${atom}/answers`, counts.shown[0] ?? 0);
  return {
    choice: 'several',
    shown: counts.shown.map(() => answers),
    chosen: counts.chosen.map((n, p) => within(perturb(`${atom}/chosen/${p}`, n), answers)),
  };
}

function perturbFollowUp(followUp: FollowUpSummary, perturb: Perturb): FollowUpSummary {
  const paired = perturb('followup/paired', followUp.paired);
  const unpaired = perturb('followup/unpaired', followUp.joined - followUp.paired);
  const joined = paired + unpaired;
  return {
    joined,
    started: within(perturb('followup/started', followUp.started), joined),
    paired,
    retrieval: perturbMeasure(followUp.retrieval, perturb, 'followup/retrieval', SHARE_RANGE),
    intention: perturbMeasure(followUp.intention, perturb, 'followup/intention', SCALE_RANGE),
    intentionSinceAfter: perturbMeasure(followUp.intentionSinceAfter, perturb, 'followup/intention-since-after', SCALE_RANGE),
  };
}

/**
 * Perturbed summaries by the exact summary they came from. Perturbing is a pure function of the
 * summary (its noise key and counts), so the same summary object, as the server's cache of stored
 * summaries hands it out again (lib/server/session-summaries.ts), gets the same perturbed summary
 * without hashing every atom again: a load of a thousand sessions spent most of its time here.
 * Neither is ever changed after it is made.
 */
const perturbedBySummary = new WeakMap<SessionSummary, SessionSummary>();

export function perturbSessionSummary(summary: SessionSummary): SessionSummary {
  const known = perturbedBySummary.get(summary);
  if (known !== undefined) return known;
  const perturbed = perturbAll(summary);
  perturbedBySummary.set(summary, perturbed);
  return perturbed;
}

function perturbAll(summary: SessionSummary): SessionSummary {
  const perturb: Perturb = (atom, count) => perturbCount(summary.noiseKey, atom, count);
  const { joined, started, finished } = summary.headline;
  const finishedP = perturb('headline/finished', finished);
  const startedOnly = perturb('headline/started-only', started - finished);
  const joinedOnly = perturb('headline/joined-only', joined - started);
  const plansAnswered = perturb('plans/answered', summary.plans.answered);
  return {
    ...summary,
    headline: { finished: finishedP, started: finishedP + startedOnly, joined: finishedP + startedOnly + joinedOnly },
    items: Object.fromEntries(Object.entries(summary.items).map(([key, item]) => [key, perturbItem(item, perturb, key)])),
    facts: Object.fromEntries(
      Object.entries(summary.facts).map(([factId, fact]) => {
        const correct = perturb(`fact/${factId}/correct`, fact.correct);
        const answered = correct + perturb(`fact/${factId}/wrong`, fact.answered - fact.correct);
        return [factId, { answered, correct, options: perturbCounts(fact.options, perturb, `fact/${factId}/option`, answered) }];
      }),
    ),
    scenarios: Object.fromEntries(
      Object.entries(summary.scenarios).map(([scenarioId, scenario]) => [
        scenarioId,
        {
          decisions: Object.fromEntries(
            Object.entries(scenario.decisions).map(([nodeId, decision]) => [
              nodeId,
              { choices: perturbCounts(decision.choices, perturb, `scenario/${scenarioId}/${nodeId}`) },
            ]),
          ),
          endings: perturbCounts(scenario.endings, perturb, `scenario/${scenarioId}/ending`),
        },
      ]),
    ),
    change: {
      knowledge: perturbMeasure(summary.change.knowledge, perturb, 'change/knowledge', SHARE_RANGE),
      constructs: Object.fromEntries(
        Object.entries(summary.change.constructs).map(([construct, measure]) => [
          construct,
          perturbMeasure(measure, perturb, `change/${construct}`, SCALE_RANGE),
        ]),
      ),
    },
    plans: {
      answered: plansAnswered,
      picked: perturbCounts(summary.plans.picked, perturb, 'plans/picked', plansAnswered),
      ownPlanWriters: within(perturb('plans/own', summary.plans.ownPlanWriters), plansAnswered),
    },
    followUp: summary.followUp === null ? null : perturbFollowUp(summary.followUp, perturb),
    positions: Object.fromEntries(Object.entries(summary.positions).map(([key, counts]) => [key, perturbPositions(counts, perturb, key)])),
  };
}
