/**
 * What a class might discuss at the end of a live session: the mistaken answers most of it gave,
 * and the ones it gave while very sure.
 * Pure, and drawn only from tallies already released and disclosed (class-tally-disclosure.ts):
 * it ranks figures any viewer has seen on the projector, and adds none. A "fewer than k" figure
 * is never ranked (it may be 0), and a range counts by its lower end, so nothing here tells
 * the room more than the reveals did.
 */
import type { DisclosedTally } from './class-tally-disclosure';
import type { LiveFigure } from './live-tree';

export interface DiscussionPoint {
  itemId: string;
  /** The wrong option, or null for "not in the right order" / "not close" of an ordering or number question. */
  optionId: string | null;
  figure: LiveFigure;
  /** The least the figure can be: what it is ranked by. */
  atLeast: number;
}

/** The least a shown figure can be; "fewer than k" may be none, so 0. */
export function leastOf(figure: LiveFigure): number {
  return figure.kind === 'count' ? figure.value : figure.kind === 'range' ? figure.from : 0;
}

/**
 * The mistaken answers given by at least k students in released tallies, most first (ties in the
 * order the questions came), at most `limit`. Attitude scales and story choices have no wrong
 * answer and are left out.
 */
export function commonMistakes(tallies: readonly DisclosedTally[], k: number, limit = 3): DiscussionPoint[] {
  const points: DiscussionPoint[] = tallies.flatMap((tally): DiscussionPoint[] => {
    if (tally.kind === 'options') {
      return tally.options.filter((o) => o.correct === false).map((o) => ({ itemId: tally.itemId, optionId: o.id, figure: o.count, atLeast: leastOf(o.count) }));
    }
    if (tally.kind === 'binary') return [{ itemId: tally.itemId, optionId: null, figure: tally.other, atLeast: leastOf(tally.other) }];
    return [];
  });
  return points
    .map((point, order) => ({ point, order }))
    .filter(({ point }) => point.atLeast >= k)
    .sort((a, b) => b.point.atLeast - a.point.atLeast || a.order - b.order)
    .slice(0, limit)
    .map(({ point }) => point);
}

/**
 * The items the class got wrong while very sure most often (DESIGN.md: a confident error is the
 * one to remember), from the same releases: per item its wrong answer with the most very sure
 * students, at least k of them (a "fewer than k" may be none, and is never listed), most first
 * (ties in the order the questions came), at most `limit`. Shown only where the release shows
 * how sure the wrong were (its detail split was not withheld).
 */
export function wrongButSure(tallies: readonly DisclosedTally[], k: number, limit = 3): DiscussionPoint[] {
  const points = tallies.flatMap((tally): DiscussionPoint[] => {
    const candidates: DiscussionPoint[] =
      tally.kind === 'options'
        ? tally.options.flatMap((o) => (o.correct === false && o.sure ? [{ itemId: tally.itemId, optionId: o.id, figure: o.sure, atLeast: leastOf(o.sure) }] : []))
        : tally.kind === 'binary' && tally.otherSure
          ? [{ itemId: tally.itemId, optionId: null, figure: tally.otherSure, atLeast: leastOf(tally.otherSure) }]
          : [];
    const best = candidates.filter((p) => p.atLeast >= k).sort((a, b) => b.atLeast - a.atLeast)[0];
    return best ? [best] : [];
  });
  return points
    .map((point, order) => ({ point, order }))
    .sort((a, b) => b.point.atLeast - a.point.atLeast || a.order - b.order)
    .slice(0, limit)
    .map(({ point }) => point);
}
