/**
 * Question quality, per item and content version, so officers know which content to rewrite:
 * - facility: the share of answers right;
 * - discrimination: how well the item separates students who did well on the rest of the
 *   module's questions from those who did not, as the item–rest correlation (the
 *   point-biserial correlation of the item's score, 0 or 1, with the share right of the
 *   student's other answers; "corrected", since the item is left out of the rest score).
 * Flags follow the usual rules of thumb for classroom tests (Ebel and Frisbie, "Essentials of
 * Educational Measurement"): facility above 0.9 is too easy, below 0.3 too hard, and a
 * correlation below 0.2 discriminates poorly. Fewer than 30 answers are too few to judge.
 *
 * Both measures compare two groups, those who got the question right and those who didn't, so
 * each is shown only when both groups are at least k (or empty): a facility or a correlation
 * over 48 right and 2 wrong describes the 2. Nor are the flags, which say the same in words
 * ("too easy" of 29 answers with 28 right leaves one wrong): such a question is flagged only as
 * resting on a small group.
 * Pure; the sums come from session summaries (session-summary.ts), so they add across sessions.
 */
import type { Phase } from '@/lib/content/schema';
import { discloseMean, shareOf, type DisclosedFigure, type DisclosedMean, type DisclosedShare, type DisclosurePolicy } from './disclosure';
import type { ItemQualityInput } from './officer-results';
import { disclosePart } from './officer-disclosure';
import type { CorrelationSums } from './session-summary';

export const MIN_ANSWERS_TO_JUDGE = 30;
export const TOO_EASY_ABOVE = 0.9;
export const TOO_HARD_BELOW = 0.3;
export const POOR_DISCRIMINATION_BELOW = 0.2;

export type QualityFlag = 'too-easy' | 'too-hard' | 'poor-discrimination' | 'too-few-answers' | 'small-group';

/** Both groups behind a measure can be shown: each empty or at least k. */
const bothShown = (right: number, wrong: number, policy: DisclosurePolicy) => [right, wrong].every((n) => n === 0 || n >= policy.k);

/** The correlation of x (0 or 1) with r from their sums; null when either doesn't vary. */
export function itemRestCorrelation(s: CorrelationSums): number | null {
  const covariance = s.n * s.sxr - s.sx * s.sr;
  // x is 0 or 1, so Σx² = Σx.
  const varianceX = s.n * s.sx - s.sx * s.sx;
  const varianceR = s.n * s.srr - s.sr * s.sr;
  // Rounding can leave a tiny negative or zero variance where there is none.
  if (varianceX <= 1e-9 || varianceR <= 1e-9) return null;
  return covariance / Math.sqrt(varianceX * varianceR);
}

export function qualityFlags(answered: number, correct: number, correlation: number | null): QualityFlag[] {
  if (answered < MIN_ANSWERS_TO_JUDGE) return ['too-few-answers'];
  const facility = correct / answered;
  const flags: QualityFlag[] = [];
  if (facility > TOO_EASY_ABOVE) flags.push('too-easy');
  if (facility < TOO_HARD_BELOW) flags.push('too-hard');
  if (correlation === null || correlation < POOR_DISCRIMINATION_BELOW) flags.push('poor-discrimination');
  return flags;
}

export interface DisclosedItemQuality {
  contentVersion: string;
  itemId: string;
  phase: Phase;
  answered: DisclosedFigure;
  correct: DisclosedFigure;
  facility: DisclosedShare;
  /**
   * Two decimals, when both groups (right and wrong) are at least k; "fewer than k" when one of
   * them is smaller; `none` when the item or the rest score doesn't vary.
   */
  discrimination: DisclosedMean;
  /**
   * Worked out from the exact figures: a flag says which way an item is off, not by how much.
   * Only `small-group` when the right or the wrong answers are fewer than k.
   */
  flags: QualityFlag[];
}

export function discloseItemQuality(input: ItemQualityInput, policy: DisclosurePolicy): DisclosedItemQuality {
  const part = disclosePart({ count: input.correct, total: input.answered }, policy);
  const correlation = itemRestCorrelation(input.discrimination);
  const facilityShown = bothShown(input.correct, input.answered - input.correct, policy);
  const { n, sx } = input.discrimination;
  const discriminationShown = bothShown(sx, n - sx, policy);
  const flags = qualityFlags(input.answered, input.correct, correlation);
  return {
    contentVersion: input.contentVersion,
    itemId: input.itemId,
    phase: input.phase,
    answered: part.total,
    correct: part.count,
    facility: facilityShown ? shareOf(part.count, part.total) : { kind: 'withheld' },
    discrimination:
      correlation === null
        ? { kind: 'none' }
        : discriminationShown
          ? discloseMean(correlation, n, policy, 2)
          : { kind: 'fewer-than', k: policy.k },
    flags: !facilityShown ? ['small-group'] : discriminationShown ? flags : flags.filter((flag) => flag !== 'poor-discrimination'),
  };
}
