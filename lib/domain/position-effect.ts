/**
 * Does the position an option was shown in affect what students choose? (issue 10)
 *
 * Options are shuffled per device (shuffle.ts) and each answer records the order shown. Since
 * every option is equally likely at every position, whatever students think of the options, a
 * question where position doesn't matter has its choices spread over the positions as evenly as
 * the positions were shown. A question whose first option is chosen more than that is being
 * answered by position (guessing, or not reading past the first option): its wording wants a look.
 *
 * The counts are additive (session-summary.ts), so they add up across sessions; the test is
 * Pearson's chi-square goodness of fit against that even spread, with df = positions − 1. Pure.
 */
import type { ModuleStructure } from '@/lib/content/schema';
import { MAX_NOISE_VARIANCE } from './cell-key';
import type { ReportAnswer } from './class-report-types';
import { answerKey } from './journey';
import { resolveAnswerTarget, type AnswerTarget } from './scoring';
import { isOrderOf } from './shuffle';

/** One option per answer (single choice, a fact's choice guess, a story decision), or any number (choose all). */
export type PositionChoice = 'one' | 'several';

/** Additive position counts of one question: positions are 0-based display positions. */
export interface PositionCounts {
  choice: PositionChoice;
  /** Answers that showed an option at each position. */
  shown: number[];
  /** Of those, how many chose the option shown there. */
  chosen: number[];
}

/** At least this many answers with a recorded order before anything is said. */
export const MIN_ORDERED_ANSWERS = 30;
/** And at least this many choices expected at each position (the chi-square's usual rule). */
export const MIN_EXPECTED_PER_POSITION = 5;
/** A p-value below this says position matters. */
export const POSITION_SIGNIFICANCE = 0.05;

function optionsOf(target: AnswerTarget): { ids: string[]; choice: PositionChoice } | null {
  switch (target.kind) {
    case 'item':
      if (target.item.kind === 'single') return { ids: target.item.options.map((o) => o.id), choice: 'one' };
      if (target.item.kind === 'multiple') return { ids: target.item.options.map((o) => o.id), choice: 'several' };
      return null;
    case 'fact':
      return target.fact.guess.kind === 'choice' ? { ids: target.fact.guess.options.map((o) => o.id), choice: 'one' } : null;
    case 'scenario':
      return { ids: target.node.choices.map((c) => c.id), choice: 'one' };
    default:
      return null;
  }
}

/**
 * A session's position counts by `phase:itemId`, from the answers that recorded the order shown.
 * An order that is not the question's options as the content has them now (the content changed)
 * is left out, as are true/false and ordering questions, which are not shuffled this way.
 */
export function countPositions(structure: ModuleStructure, answers: readonly ReportAnswer[]): Record<string, PositionCounts> {
  const out: Record<string, PositionCounts> = {};
  for (const answer of answers) {
    if (!answer.shownOrder || answer.response.kind !== 'choice') continue;
    const target = resolveAnswerTarget(structure, answer.itemId);
    const options = target === null ? null : optionsOf(target);
    if (options === null || !isOrderOf(answer.shownOrder, options.ids)) continue;
    const key = answerKey(answer.phase, answer.itemId);
    const counts = (out[key] ??= { choice: options.choice, shown: options.ids.map(() => 0), chosen: options.ids.map(() => 0) });
    answer.shownOrder.forEach((_, p) => (counts.shown[p] = (counts.shown[p] ?? 0) + 1));
    for (const id of answer.response.optionIds) {
      const p = answer.shownOrder.indexOf(id);
      if (p >= 0) counts.chosen[p] = (counts.chosen[p] ?? 0) + 1;
    }
  }
  return out;
}

export function addPositionCounts(a: PositionCounts, b: PositionCounts): PositionCounts {
  const length = Math.max(a.shown.length, b.shown.length);
  const add = (x: readonly number[], y: readonly number[]) => Array.from({ length }, (_, p) => (x[p] ?? 0) + (y[p] ?? 0));
  return { choice: a.choice, shown: add(a.shown, b.shown), chosen: add(a.chosen, b.chosen) };
}

// ---------------------------------------------------------------------------------------------
// The chi-square test

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0] as number;
  for (let i = 1; i < 9; i += 1) sum += (c[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The regularised upper incomplete gamma function Q(a, x) (Numerical Recipes, 6.2). */
function upperGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  const front = Math.exp(-x + a * Math.log(x) - logGamma(a));
  if (x < a + 1) {
    // The series for P(a, x), then Q = 1 − P.
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 500 && Math.abs(term) > Math.abs(sum) * 1e-15; n += 1) {
      term *= x / (a + n);
      sum += term;
    }
    return Math.max(0, 1 - sum * front);
  }
  // The continued fraction for Q(a, x) (modified Lentz).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i += 1) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.min(1, front * h);
}

/** P(χ² ≥ statistic) with df degrees of freedom. */
export function chiSquareSurvival(statistic: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be above 0, not ${df}`);
  return upperGamma(df / 2, statistic / 2);
}

export type PositionTest =
  | { kind: 'not-enough' }
  | {
      kind: 'tested';
      statistic: number;
      df: number;
      p: number;
      /** The share of answers choosing the option shown first, and that share if position didn't matter. */
      firstShare: number;
      expectedFirstShare: number;
      /** The position chosen most against its expectation (0-based). */
      favoured: number;
    };

/**
 * Whether choices lean to a position. Expected choices at position p are the choices made in
 * all, spread as the positions were shown: E_p = C × shown_p / Σ shown. Nothing is said with
 * fewer than MIN_ORDERED_ANSWERS answers or fewer than MIN_EXPECTED_PER_POSITION expected at a
 * position.
 *
 * Officers' counts are sums of perturbed session counts (cell-key.ts): each session adds noise
 * of variance at most MAX_NOISE_VARIANCE to each position's count. With the even spread, the
 * deviations O_p − E_p then have covariance (E + v)(I − J/K) rather than E(I − J/K), so
 * Σ (O_p − E_p)² / (E_p + v), v = sessions × MAX_NOISE_VARIANCE, is again chi-square with
 * K − 1 degrees of freedom; without the v, noise alone would read as a position effect.
 * For choose-all questions an answer's choices can't share a position, which makes the test
 * a little conservative there.
 */
export function testPositionEffect(counts: PositionCounts, noise: { sessions: number } = { sessions: 0 }): PositionTest {
  const positions = counts.shown.length;
  const answers = counts.shown[0] ?? 0;
  const shownTotal = counts.shown.reduce((a, b) => a + b, 0);
  const chosenTotal = counts.chosen.reduce((a, b) => a + b, 0);
  if (positions < 2 || answers < MIN_ORDERED_ANSWERS || shownTotal === 0 || chosenTotal === 0) return { kind: 'not-enough' };
  const expected = counts.shown.map((shown) => (chosenTotal * shown) / shownTotal);
  if (expected.some((e) => e < MIN_EXPECTED_PER_POSITION)) return { kind: 'not-enough' };
  const v = noise.sessions * MAX_NOISE_VARIANCE;
  let statistic = 0;
  let favoured = 0;
  let best = -Infinity;
  expected.forEach((e, p) => {
    const observed = counts.chosen[p] ?? 0;
    statistic += (observed - e) ** 2 / (e + v);
    if (observed / e > best) {
      best = observed / e;
      favoured = p;
    }
  });
  const df = positions - 1;
  return {
    kind: 'tested',
    statistic,
    df,
    p: chiSquareSurvival(statistic, df),
    firstShare: (counts.chosen[0] ?? 0) / answers,
    expectedFirstShare: chosenTotal / shownTotal,
    favoured,
  };
}
