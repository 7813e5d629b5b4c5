/**
 * What to revisit next lesson, from a class report as shown (never from exact counts): the
 * questions most of the class got wrong, and those where students were wrong but very sure,
 * with the mistaken belief behind them. Pure.
 *
 * Only shown figures are ranked, so the list tells nothing the detail below it doesn't: a
 * question whose share right is "not shown" is left out rather than guessed at.
 */
import type { DisclosedClassReport, DisclosedKnowledgeItem } from './class-report-types';
import type { DisclosedFigure } from './disclosure';

/** A question joins "most got wrong" when at least this share of those who answered got it wrong. */
export const REVISIT_WRONG_SHARE = 0.4;
/** At most this many questions in each list: a lesson has room for a few. */
export const REVISIT_LIMIT = 3;

export interface RevisitItem {
  itemId: string;
  phase: DisclosedKnowledgeItem['phase'];
  answered: DisclosedFigure;
  /** The share that got it wrong, 0 to 1 (shown, since the share right is). */
  wrongShare: number;
  /** The most common mistaken belief behind the wrong answers, when one is shown. */
  belief: { misconceptionId: string; value: DisclosedFigure } | null;
}

export interface ConfidentErrorItem {
  itemId: string;
  phase: DisclosedKnowledgeItem['phase'];
  /** Wrong and "very sure": a shown count of at least k. */
  value: DisclosedFigure & { kind: 'count' };
  belief: RevisitItem['belief'];
}

export interface Revisit {
  mostWrong: RevisitItem[];
  confidentErrors: ConfidentErrorItem[];
  /** Questions whose share right the rules withheld: the detail says "not shown" for them. */
  notJudged: number;
}

function topBelief(item: DisclosedKnowledgeItem): RevisitItem['belief'] {
  // Misconceptions come most common first (as shown); the first with a shown count leads.
  for (const m of item.misconceptions) {
    if (m.misconceptionId !== null && m.value.kind === 'count' && m.value.value > 0) return { misconceptionId: m.misconceptionId, value: m.value };
  }
  return null;
}

export function revisitFirst(report: Pick<DisclosedClassReport, 'knowledge'>): Revisit {
  const judged = report.knowledge.filter((item) => item.correct.share.kind === 'share' && item.answered.kind === 'count' && item.answered.value > 0);
  const mostWrong = judged
    .map((item) => ({
      itemId: item.itemId,
      phase: item.phase,
      answered: item.answered,
      wrongShare: item.correct.share.kind === 'share' ? 1 - item.correct.share.value : 0,
      belief: topBelief(item),
    }))
    .filter((item) => item.wrongShare >= REVISIT_WRONG_SHARE)
    .sort((a, b) => b.wrongShare - a.wrongShare)
    .slice(0, REVISIT_LIMIT);
  const confidentErrors = report.knowledge
    .flatMap((item): ConfidentErrorItem[] =>
      item.confidenceAsked && item.confidentErrors.kind === 'count' && item.confidentErrors.value > 0
        ? [{ itemId: item.itemId, phase: item.phase, value: item.confidentErrors, belief: topBelief(item) }]
        : [],
    )
    .sort((a, b) => b.value.value - a.value.value)
    .slice(0, REVISIT_LIMIT);
  const notJudged = report.knowledge.filter((item) => item.correct.share.kind !== 'share' && !(item.answered.kind === 'count' && item.answered.value === 0)).length;
  return { mostWrong, confidentErrors, notJudged };
}
