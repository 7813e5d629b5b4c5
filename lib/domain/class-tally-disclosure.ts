/**
 * A class tally as the teacher's screens and the phones show it: a release (live-release.ts)
 * disclosed (live-tree.ts), one table per question, or one per decision of a story. Pure.
 * Every figure here is one any viewer of the release may see; nothing is worked out again from
 * the answers, so the projector, the presenter and the phones always agree.
 */
import type { ModuleStructure } from '@/lib/content/schema';
import { GUESS_BINS, SURE_SPLIT, scenarioDecisionItem, type GuessBin, type TallySubject } from './class-tally';
import { shownRelease, type FrozenRelease } from './live-release';
import type { DisclosedNode, LiveFigure } from './live-tree';

/** Why a tally isn't shown (yet): fewer than k counted, not revealed yet, or no showing of it is safe. */
export type TallyWaiting = 'few' | 'reveal' | 'unsafe';

export type DisclosedTally =
  /** `at`: how many answers a first release needs, when that is what it waits for. */
  | { kind: 'waiting'; itemId: string; k: number; why: TallyWaiting; at: number | null }
  | {
      kind: 'options';
      itemId: string;
      /** How many the table is about: those counted (in steps of k), or those who reached a story's decision. */
      reached: LiveFigure;
      /** Tick-all questions: each option is counted on its own, and they don't add up. */
      additive: boolean;
      /** `sure`: of those who gave a wrong option, how many were very sure, where that is shown. */
      options: { id: string; count: LiveFigure; correct: boolean | null; sure?: LiveFigure }[];
    }
  | { kind: 'scale'; itemId: string; reached: LiveFigure; points: { value: number | null; count: LiveFigure }[] }
  | {
      kind: 'binary';
      itemId: string;
      reached: LiveFigure;
      question: 'order' | 'number';
      right: LiveFigure;
      other: LiveFigure;
      /** A number guess: how those not close were spread, from the same release (bins of GUESS_BINS). */
      spread?: { bin: GuessBin; count: LiveFigure }[];
      /** An order: of those not in the right order, how many were very sure, where that is shown. */
      otherSure?: LiveFigure;
    };

const figureAt = (tree: DisclosedNode | undefined, key: string): LiveFigure =>
  tree?.children.find((c) => c.key === key)?.figure ?? { kind: 'count', value: 0 };

/** How many of a wrong answer's students were very sure, when its detail split is shown (not withheld). */
function sureAt(tree: DisclosedNode | undefined, key: string): { sure?: LiveFigure } {
  const cell = tree?.children.find((c) => c.key === key);
  const sure = cell?.children.find((c) => c.key === SURE_SPLIT[0]);
  return sure ? { sure: sure.figure } : {};
}

/** The first place in a story's tree where a decision's choices split the students who reached it. */
function decisionNode(tree: DisclosedNode, decisionId: string): DisclosedNode | undefined {
  if (tree.children.some((c) => c.key.startsWith(`${decisionId}:`))) return tree;
  for (const child of tree.children) {
    const found = decisionNode(child, decisionId);
    if (found) return found;
  }
  return undefined;
}

/** The items (questions, or a story's decisions) a subject's tables are about, in order. */
export function subjectItems(subject: TallySubject, structure: ModuleStructure): string[] {
  if (subject.kind === 'item') return [subject.itemId];
  const scenario = structure.scenarios.find((s) => s.id === subject.scenarioId);
  return (scenario?.nodes ?? []).filter((n) => n.kind === 'decision').map((n) => scenarioDecisionItem(subject.scenarioId, n.id));
}

/** Why nothing is released yet: too few answers (and how many it waits for), or no reveal yet. */
export type NotYet = { why: 'few'; at: number } | { why: 'reveal' };

/** A subject's tables from its release; `release` null: nothing released yet, for the reason given. */
export function discloseSubject(subject: TallySubject, structure: ModuleStructure, release: FrozenRelease | null, k: number, notYet: NotYet): DisclosedTally[] {
  const items = subjectItems(subject, structure);
  const shown = release ? shownRelease(release, k) : null;
  if (!shown) {
    return items.map((itemId) => ({ kind: 'waiting', itemId, k, why: release ? 'unsafe' : notYet.why, at: !release && notYet.why === 'few' ? notYet.at : null }));
  }
  const [tree] = shown;
  if (!tree) return [];

  if (subject.kind === 'story') {
    const scenario = structure.scenarios.find((s) => s.id === subject.scenarioId);
    return (scenario?.nodes ?? []).flatMap((node): DisclosedTally[] => {
      if (node.kind !== 'decision') return [];
      const itemId = scenarioDecisionItem(scenario?.id ?? '', node.id);
      const at = decisionNode(tree, node.id);
      if (!at) return [{ kind: 'waiting', itemId, k, why: 'few', at: null }];
      return [
        {
          kind: 'options',
          itemId,
          reached: at.figure,
          additive: true,
          options: node.choices.map((c) => ({ id: c.id, count: figureAt(at, `${node.id}:${c.id}`), correct: null })),
        },
      ];
    });
  }

  const { itemId } = subject;
  const item = structure.items.find((i) => i.id === itemId);
  if (item?.kind === 'ordering') {
    const { sure } = sureAt(tree, 'other');
    return [{ kind: 'binary', itemId, reached: tree.figure, question: 'order', right: figureAt(tree, 'right'), other: figureAt(tree, 'other'), ...(sure ? { otherSure: sure } : {}) }];
  }
  if (item) {
    const options = item.options.map((o, i) => ({
      id: o.id,
      correct: o.correct,
      count: item.kind === 'multiple' ? figureAt(shown[i], o.id) : figureAt(tree, o.id),
      ...(item.kind === 'multiple' ? {} : sureAt(tree, o.id)),
    }));
    return [{ kind: 'options', itemId, reached: tree.figure, additive: item.kind !== 'multiple', options }];
  }
  const fact = structure.facts.find((f) => f.id === itemId);
  if (fact?.guess.kind === 'choice') {
    return [{ kind: 'options', itemId, reached: tree.figure, additive: true, options: fact.guess.options.map((o) => ({ id: o.id, correct: o.correct, count: figureAt(tree, o.id) })) }];
  }
  if (fact) {
    const other = tree.children.find((c) => c.key === 'other');
    // A release frozen before the spread was counted has no bins: it shows right and other only.
    const spread = other && other.children.length > 0 ? GUESS_BINS.map((bin) => ({ bin, count: figureAt(other, bin) })) : undefined;
    return [{ kind: 'binary', itemId, reached: tree.figure, question: 'number', right: figureAt(tree, 'right'), other: figureAt(tree, 'other'), ...(spread ? { spread } : {}) }];
  }
  const points = [1, 2, 3, 4, 5, null].map((value) => ({ value, count: figureAt(tree, value === null ? 'skip' : String(value)) }));
  return [{ kind: 'scale', itemId, reached: tree.figure, points }];
}
