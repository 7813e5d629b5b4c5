/**
 * Whether a knowledge answer is right. Shared by the phone (instant feedback, even offline) and
 * the server (the stored `correct` flag), so the two can never disagree. Pure.
 */
import type { AnswerResponse } from '@/lib/api/schemas';

export interface ScorableItem {
  kind: 'single' | 'multiple' | 'truefalse' | 'ordering';
  /** Ordering items list their options in the correct order; their `correct` is ignored. */
  options: readonly { id: string; correct?: boolean }[];
}

export function isCorrectAnswer(item: ScorableItem, response: AnswerResponse): boolean {
  const correctIds = item.options.filter((o) => o.correct === true).map((o) => o.id);
  switch (item.kind) {
    case 'single':
    case 'truefalse':
      return response.kind === 'choice' && response.optionIds.length === 1 && correctIds.includes(response.optionIds[0] ?? '');
    case 'multiple': {
      if (response.kind !== 'choice') return false;
      const chosen = new Set(response.optionIds);
      return chosen.size === correctIds.length && correctIds.every((id) => chosen.has(id));
    }
    case 'ordering':
      return (
        response.kind === 'order' &&
        response.optionIds.length === item.options.length &&
        item.options.every((o, i) => response.optionIds[i] === o.id)
      );
  }
}

/**
 * A number guess counts as close when within 25% of the answer. It only feeds the report of how
 * far off students' guesses were; the reveal, not the verdict, is what teaches.
 */
export function isCloseGuess(answer: number, guess: number): boolean {
  if (answer === 0) return guess === 0;
  return Math.abs(guess - answer) <= Math.abs(answer) * 0.25;
}
