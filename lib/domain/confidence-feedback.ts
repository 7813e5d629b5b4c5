/**
 * What the student's "how sure are you?" changes in their feedback (DESIGN.md, Quiz): an error
 * made while very sure is the one to remember (a confident error corrected sticks best, the
 * hypercorrection effect); a right answer that was a guess is reinforced, so it stops being
 * one. Pure: answers and items come in as arguments.
 */
import type { Answer } from '@/lib/api/schemas';
import { isCorrectAnswer, type ScorableItem } from './correctness';

/** 1 guessing, 2 fairly sure, 3 very sure (lib/api/schemas.ts, confidenceSchema). */
export const GUESSING = 1;
export const VERY_SURE = 3;

export type ConfidenceFeedback = 'remember' | 'reinforce' | null;

export function confidenceFeedback(correct: boolean, confidence: number | undefined): ConfidenceFeedback {
  if (!correct && confidence === VERY_SURE) return 'remember';
  if (correct && confidence === GUESSING) return 'reinforce';
  return null;
}

export interface ConfidenceHighlights {
  /** Knowledge items answered wrongly while "very sure", in the order answered. */
  wrongButSure: string[];
  /** Knowledge items answered rightly while "guessing", in the order answered. */
  rightButGuessing: string[];
}

/**
 * The device's answers sorted into the two lists the summary leads with. An item answered in
 * several phases counts once, by its latest answer (after beats before): what the student
 * holds now. Facts, attitudes, stories and plans have no confidence and are left out.
 */
export function confidenceHighlights(
  answers: Readonly<Record<string, Answer>>,
  module: { items: readonly (ScorableItem & { id: string })[] },
): ConfidenceHighlights {
  const latest = new Map<string, Answer>();
  const byTime = Object.values(answers).sort((a, b) => a.answeredAt.localeCompare(b.answeredAt));
  for (const answer of byTime) if (answer.replay !== true) latest.set(answer.itemId, answer);
  const highlights: ConfidenceHighlights = { wrongButSure: [], rightButGuessing: [] };
  for (const [itemId, answer] of latest) {
    const item = module.items.find((i) => i.id === itemId);
    if (!item) continue;
    const kind = confidenceFeedback(isCorrectAnswer(item, answer.response), answer.confidence);
    if (kind === 'remember') highlights.wrongButSure.push(itemId);
    if (kind === 'reinforce') highlights.rightButGuessing.push(itemId);
  }
  return highlights;
}
