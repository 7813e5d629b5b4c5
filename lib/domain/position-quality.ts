/**
 * Whether the position shown affects choices, per question and content version, as officers may
 * see it (issue 10; the test itself is position-effect.ts). It is disclosed like the rest of
 * question quality (question-quality.ts), from the same perturbed session summaries
 * (officer-release.ts):
 * - the answers with a recorded order and the choices at each position, each count a sum of
 *   perturbed atoms, under k shown as "fewer than k", the rest rounded to 5: for one choice per
 *   answer one additive table with complementary suppression (`discloseDistribution`); for
 *   choose-all each position is a share of the answers, withheld when those who passed it over
 *   are fewer than k (`disclosePart` keeping the total, as for own plans);
 * - the shares in the sentence are worked out from those disclosed counts, as the facility is;
 * - the test's p-value is worked out from the perturbed sums (like the discrimination from its
 *   sums) and shown only when every position's chosen and not-chosen groups are at least k (a
 *   0 is hidden in officers' views too), to two decimals (three below 0.1): it then says no
 *   more than counts of k or more, all of them shown.
 * Pure.
 */
import type { Phase } from '@/lib/content/schema';
import { discloseCount, discloseDistribution, shareOf, type DisclosedFigure, type DisclosedShare, type DisclosurePolicy } from './disclosure';
import { disclosePart } from './officer-disclosure';
import { summariesByVersion, type ResultsSession } from './officer-results';
import { POSITION_SIGNIFICANCE, testPositionEffect, type PositionChoice, type PositionCounts } from './position-effect';
import { mergeSummaries, splitItemKey, type SessionSummary } from './session-summary';

export interface PositionQualityInput {
  contentVersion: string;
  itemId: string;
  phase: Phase;
  counts: PositionCounts;
  /** How many sessions' perturbed counts were added up: the test allows for their noise. */
  sessions: number;
}

/** Per content version, each question's position counts over the chosen sessions. */
export function positionQualityInputs(
  sessions: readonly ResultsSession[],
  summaries: ReadonlyMap<string, SessionSummary>,
): PositionQualityInput[] {
  return [...summariesByVersion(sessions, summaries)].flatMap(([contentVersion, list]) => {
    const merged = mergeSummaries(list);
    return Object.entries(merged.positions).flatMap(([key, counts]) => {
      const parsed = splitItemKey(key);
      const sessionCount = list.filter((summary) => summary.positions[key] !== undefined).length;
      return parsed ? [{ contentVersion, ...parsed, counts, sessions: sessionCount }] : [];
    });
  });
}

/** A p-value as shown: rounded, or "less than 0.001". */
export interface ShownPValue {
  value: number;
  lessThan: boolean;
}

export type PositionVerdict =
  /** Fewer than 30 answers with a recorded order, or fewer than 5 choices expected at a position. */
  | { kind: 'not-enough' }
  /** A position's chosen (or not chosen) group is from 1 to k − 1. */
  | { kind: 'small-group' }
  | { kind: 'no-sign'; p: ShownPValue }
  /** `favoured`: the position chosen most against what position alone would give (0-based). */
  | { kind: 'position-matters'; p: ShownPValue; favoured: number };

export interface DisclosedPositionQuality {
  contentVersion: string;
  itemId: string;
  phase: Phase;
  choice: PositionChoice;
  /** How many positions the question shows its options in. */
  positions: number;
  /** Answers with a recorded order. */
  answers: DisclosedFigure;
  /** Choices of the option shown at each position. */
  chosen: DisclosedFigure[];
  /** The share of answers that chose the option shown first, and that share if position didn't matter. */
  firstShare: DisclosedShare;
  expectedFirstShare: DisclosedShare;
  verdict: PositionVerdict;
}

export function shownPValue(p: number): ShownPValue {
  if (p < 0.001) return { value: 0.001, lessThan: true };
  const decimals = p < 0.1 ? 3 : 2;
  const factor = 10 ** decimals;
  return { value: Math.round(p * factor) / factor, lessThan: false };
}

export function disclosePositionQuality(input: PositionQualityInput, policy: DisclosurePolicy): DisclosedPositionQuality {
  const { counts } = input;
  const positions = counts.shown.length;
  const answers = counts.shown[0] ?? 0;
  const table =
    counts.choice === 'one'
      ? discloseDistribution(counts.chosen.map((count, p) => ({ key: p, count })), answers, policy, { additive: true })
      : {
          total: discloseCount(answers, policy),
          cells: counts.chosen.map((count, p) => ({ key: p, value: disclosePart({ count, total: answers }, policy, { keepTotal: true }).count })),
        };
  const chosen = table.cells.map((cell) => cell.value);
  const first = chosen[0] ?? { kind: 'withheld' };
  const shownCounts = chosen.flatMap((figure) => (figure.kind === 'count' ? [figure.value] : []));
  const expectedFirstShare: DisclosedShare =
    counts.choice === 'one'
      ? { kind: 'share', value: 1 / positions }
      : shownCounts.length === positions && table.total.kind === 'count' && table.total.value > 0
        ? { kind: 'share', value: shownCounts.reduce((a, b) => a + b, 0) / (positions * table.total.value) }
        : { kind: 'withheld' };
  const groupShown = (n: number) => n >= policy.k;
  const test = testPositionEffect(counts, { sessions: input.sessions });
  const verdict: PositionVerdict =
    test.kind === 'not-enough'
      ? { kind: 'not-enough' }
      : !counts.chosen.every((n, p) => groupShown(n) && groupShown((counts.shown[p] ?? 0) - n))
        ? { kind: 'small-group' }
        : test.p < POSITION_SIGNIFICANCE
          ? { kind: 'position-matters', p: shownPValue(test.p), favoured: test.favoured }
          : { kind: 'no-sign', p: shownPValue(test.p) };
  return {
    contentVersion: input.contentVersion,
    itemId: input.itemId,
    phase: input.phase,
    choice: counts.choice,
    positions,
    answers: table.total,
    chosen,
    firstShare: shareOf(first, table.total),
    expectedFirstShare,
    verdict,
  };
}
