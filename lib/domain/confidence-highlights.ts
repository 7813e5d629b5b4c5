/**
 * What the summary leads with (DESIGN.md, step 7): the questions a student got wrong while very
 * sure (the misconceptions worth remembering) and those they got right while guessing (knowledge
 * worth trusting). Read from the answers kept on the device; pure.
 */
import type { Answer } from '@/lib/api/schemas';
import { isCorrectAnswer, type ScorableItem } from './correctness';

/** The ends of the "how sure are you?" scale (lib/api/schemas.ts, `confidenceSchema`). */
export const GUESSING = 1;
export const VERY_SURE = 3;

export interface ConfidenceHighlights {
  /** Item ids answered wrongly at the highest confidence, in content order. */
  wrongButSure: string[];
  /** Item ids answered rightly at the lowest confidence, in content order. */
  rightButGuessing: string[];
}

type HighlightAnswer = Pick<Answer, 'itemId' | 'phase' | 'response' | 'confidence'>;

/**
 * An item counts once, by its latest answer with a confidence rating: a confident error in the
 * quiz that the student put right at the end is no longer one to remember. Answers are given
 * in `answeredAt` order on the device; `answers` is read in that order.
 */
export function confidenceHighlights(
  items: readonly (ScorableItem & { id: string })[],
  answers: readonly HighlightAnswer[],
): ConfidenceHighlights {
  const latest = new Map<string, HighlightAnswer>();
  for (const answer of answers) {
    if (answer.confidence !== undefined && answer.response.kind !== 'plan') latest.set(answer.itemId, answer);
  }
  const wrongButSure: string[] = [];
  const rightButGuessing: string[] = [];
  for (const item of items) {
    const answer = latest.get(item.id);
    if (!answer) continue;
    const right = isCorrectAnswer(item, answer.response);
    if (!right && answer.confidence === VERY_SURE) wrongButSure.push(item.id);
    if (right && answer.confidence === GUESSING) rightButGuessing.push(item.id);
  }
  return { wrongButSure, rightButGuessing };
}

/** The answers on the device in the order they were given. */
export function inAnsweredOrder<T extends Pick<Answer, 'answeredAt'>>(answers: Record<string, T>): T[] {
  return Object.values(answers).sort((a, b) => a.answeredAt.localeCompare(b.answeredAt));
}

/** The right answer in words: the right option(s), or the right order. */
export function rightAnswerLabels(item: { kind: ScorableItem['kind']; options: readonly { label: string; correct: boolean }[] }): string[] {
  return item.kind === 'ordering' ? item.options.map((o) => o.label) : item.options.filter((o) => o.correct).map((o) => o.label);
}
