/**
 * When a class tally may change on screen (DESIGN.md, "Privacy by design": live tallies change
 * only on a reveal or by whole groups of at least k answers, never by one answer).
 *
 * A release freezes the exact tally at one moment and is all any viewer sees of it (projector,
 * presenter, phones), until the next release:
 * - The first release is made when the teacher first reveals the step, once at least k and at
 *   least half the class have answered (`firstReleaseAt`): a reveal before that shows "waiting"
 *   and freezes nothing, so an early reveal doesn't freeze a handful of answers for the whole
 *   lesson. A self-paced session, where no one reveals, makes it once 2k have answered.
 *   Revealing again, or hiding and showing, shows the same release.
 * - After that, answers arriving later are only tried in whole groups: once per k more answers,
 *   from 2k on. The group joins the release only if a viewer comparing the two releases learns
 *   nothing about anyone in it: every figure shown in both moved by 0 or by k or more, every
 *   hidden figure stayed where it was (and stays hidden), and wherever the group adds students
 *   they spread over at least two cells with k or more each (so no one's answer follows from
 *   "everyone new chose this"). Otherwise the release stays as it was.
 * - A release that could not be shown at all is tried again, fresh, once per k more answers.
 *
 * Trying only at whole groups of k, and only once each, means that no single answer decides
 * whether the figures change. Pure: the caller stores what `advanceRelease` says to store.
 */
import { discloseTree, type CountNode, type DisclosedNode } from './live-tree';

export interface FrozenRelease {
  /** The exact tally frozen at the release (one tree, or one per option of a tick-all question). */
  trees: CountNode[];
  /** How many students it counts. */
  counted: number;
  /** Per tree, the figures it hides: they stay hidden in later releases. */
  hidden: string[][];
  /** Per tree, the detail splits (live-tree.ts) it withholds whole: they stay withheld later. Absent in releases stored before details. */
  withheld?: string[][];
  /** False when no showing of it was safe: nothing but "not shown" is shown. */
  showable: boolean;
  /** The whole groups of k later answers already tried (1 = the first k after `counted`). */
  triedGroups: number;
  /** Counts up with every change, so that two servers can't both store a change. */
  version: number;
}

export interface ReleaseRules {
  k: number;
  /** Whether a first release may be made now (the step is revealed, or the session is self-paced). */
  mayStart: boolean;
  /** The least number of answers a first release needs (at least k). */
  firstAt: number;
}

/**
 * How many answers a first release needs. Counts only (never what anyone answered), so the
 * moment it is made says nothing about anyone's answer.
 */
export function firstReleaseAt(mode: 'live' | 'self_paced', joined: number, k: number): number {
  return mode === 'live' ? Math.max(k, Math.ceil(joined / 2)) : 2 * k;
}

export type ReleaseStep = { kind: 'unchanged'; release: FrozenRelease | null } | { kind: 'store'; release: FrozenRelease; replaces: number | null };

function disclose(trees: readonly CountNode[], k: number, keepHidden: readonly (readonly string[])[] = [], keepWithheld: readonly (readonly string[])[] = []) {
  const shown = trees.map((tree, i) => discloseTree(tree, k, keepHidden[i] ?? [], keepWithheld[i] ?? []));
  return { showable: trees.length > 0 && shown.every((s) => s.shown !== null), hidden: shown.map((s) => s.hidden), withheld: shown.map((s) => s.withheld), shown };
}

function freeze(trees: CountNode[], k: number, version: number): FrozenRelease {
  const { showable, hidden, withheld } = disclose(trees, k);
  const none = trees.map(() => []);
  return { trees, counted: trees[0]?.count ?? 0, hidden: showable ? hidden : none, withheld: showable ? withheld : none, showable, triedGroups: 0, version };
}

function sameShape(a: CountNode, b: CountNode): boolean {
  return a.key === b.key && a.detail === b.detail && a.children.length === b.children.length && a.children.every((child, i) => {
    const other = b.children[i];
    return other !== undefined && sameShape(child, other);
  });
}

/** Whether `next` may replace `previous`, shown with the same figures hidden (see above). */
export function mayGrow(previous: FrozenRelease, next: readonly CountNode[], k: number): boolean {
  if (next.length !== previous.trees.length) return false;
  const grows = previous.trees.every((before, t) => {
    const after = next[t];
    if (!after || !sameShape(before, after)) return false;
    const hidden = new Set(previous.hidden[t] ?? []);
    const withheld = new Set(previous.withheld?.[t] ?? []);
    const check = (b: CountNode, a: CountNode, path: string): boolean => {
      const added = a.count - b.count;
      if (added < 0) return false;
      if (hidden.has(path) ? added !== 0 : added !== 0 && added < k) return false;
      // A withheld split shows nothing, before or after: how the group spreads in it is no figure.
      if (withheld.has(path)) return true;
      if (added > 0 && b.children.length > 0) {
        const spread = b.children.filter((child, i) => (a.children[i]?.count ?? 0) - child.count >= k).length;
        if (spread < 2) return false;
      }
      return b.children.every((child, i) => {
        const other = a.children[i];
        return other !== undefined && check(child, other, `${path}/${child.key}`);
      });
    };
    return check(before, after, '');
  });
  if (!grows) return false;
  // Shown again with the same figures hidden, and no more.
  const again = disclose(next, k, previous.hidden, previous.withheld);
  const same = (a: readonly (readonly string[])[], b: readonly (readonly string[])[] | undefined) => a.every((paths, t) => paths.join('|') === (b?.[t] ?? []).join('|'));
  return again.showable && same(again.hidden, previous.hidden) && same(again.withheld, previous.withheld);
}

/** What to show and store, given the stored release (if any) and the exact tally now. */
export function advanceRelease(stored: FrozenRelease | null, current: CountNode[], rules: ReleaseRules): ReleaseStep {
  const { k } = rules;
  const now = current[0]?.count ?? 0;
  if (!stored) {
    if (!rules.mayStart || current.length === 0 || now < Math.max(k, rules.firstAt)) return { kind: 'unchanged', release: null };
    return { kind: 'store', release: freeze(current, k, 1), replaces: null };
  }
  const groups = Math.floor((now - stored.counted) / k);
  if (groups <= stored.triedGroups || (stored.showable && groups < 2)) return { kind: 'unchanged', release: stored };
  const version = stored.version + 1;
  if (!stored.showable) {
    const fresh = freeze(current, k, version);
    return { kind: 'store', release: fresh.showable ? fresh : { ...stored, triedGroups: groups, version }, replaces: stored.version };
  }
  if (mayGrow(stored, current, k)) {
    return {
      kind: 'store',
      release: { trees: current, counted: now, hidden: stored.hidden, ...(stored.withheld ? { withheld: stored.withheld } : {}), showable: true, triedGroups: 0, version },
      replaces: stored.version,
    };
  }
  return { kind: 'store', release: { ...stored, triedGroups: groups, version }, replaces: stored.version };
}

/** A release as shown: one disclosed tree per frozen tree, or null when it is not shown. */
export function shownRelease(release: FrozenRelease, k: number): DisclosedNode[] | null {
  if (!release.showable) return null;
  const { shown } = disclose(release.trees, k, release.hidden, release.withheld);
  const trees = shown.map((s) => s.shown);
  return trees.every((t): t is DisclosedNode => t !== null) ? trees : null;
}
