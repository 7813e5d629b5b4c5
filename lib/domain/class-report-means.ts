/**
 * The before/after means of a class report, as they may be shown. A mean over n students is
 * shown only when n is shown, and only when it is not so near an end of its scale that it says
 * how many gave another answer: an average of 4.9 over 10 students on a 1–5 scale is nine at 5
 * and one at 4. Each end must be at least three steps away (three wrong answers among the pairs,
 * three points below everyone at 5), or exactly at it (everyone the same, which names no one
 * apart). The change is the difference of the two means as shown, so it tells nothing they don't.
 */
import type { ModuleStructure } from '@/lib/content/schema';
import type { ClassReport, DisclosedClassReport, DisclosedMeasureChange, MeasureChange } from './class-report-types';
import type { DisclosedFigure, DisclosurePolicy } from './disclosure';
import type { Range } from './linked-figures';

/** Names a measure: the knowledge score, a construct, or one attitude statement. */
export type MeasureKey = 'knowledge' | `construct:${string}` | `item:${string}`;

export type ShownMeans = Pick<DisclosedMeasureChange, 'before' | 'after' | 'change'>;

export interface ReportMeans {
  /**
   * The number of right answers among the matched pairs at a wave, as far as a reader of the
   * knowledge mean shown can tell (the mean times the pairs times the questions); null when no
   * mean is shown. It ties the mean to the knowledge questions' counts (class-report-links.ts).
   */
  knowledgeSum(wave: 'before' | 'after'): Range | null;
  /** A measure's means as shown, given its matched pairs as shown. */
  shown(key: MeasureKey, nMatched: DisclosedFigure, policy: DisclosurePolicy): ShownMeans;
}

const PERCENT = { factor: 100, decimals: 0 };
/**
 * Knowledge scores are shown to the nearest 5 percentage points: to the nearest point, a class's
 * score is its exact number of right answers (below a hundred answers), which beside each
 * question's count of right answers says how many of the pairs got each one wrong.
 */
export const KNOWLEDGE_STEP = 5;
const SCALE = { factor: 1, decimals: 1 };
const MIN_STEPS_FROM_AN_END = 3;

const roundTo = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals + 0;

function allMeans(report: ClassReport): Map<MeasureKey, MeasureChange> {
  return new Map<MeasureKey, MeasureChange>([
    ['knowledge', report.change.knowledge],
    ...report.change.constructs.map(({ construct, ...c }): [MeasureKey, MeasureChange] => [`construct:${construct}`, c]),
    ...report.change.attitudeItems.map(({ itemId, ...c }): [MeasureKey, MeasureChange] => [`item:${itemId}`, c]),
  ]);
}

/** Every pair's score lies from `low` to `high`; `n` pairs with this mean sit at least three steps from each end, or at it. */
function clearOfTheEnds(mean: number, n: number, low: number, high: number, step: number): boolean {
  const fromTop = ((high - mean) * n) / step;
  const fromBottom = ((mean - low) * n) / step;
  const clear = (steps: number) => steps < 1e-9 || steps > MIN_STEPS_FROM_AN_END - 1e-9;
  return clear(fromTop) && clear(fromBottom);
}

function unshown(nMatched: DisclosedFigure, policy: DisclosurePolicy): ShownMeans | null {
  if (nMatched.kind === 'fewer-than') return { before: { kind: 'fewer-than', k: policy.k }, after: { kind: 'fewer-than', k: policy.k }, change: { kind: 'fewer-than', k: policy.k } };
  if (nMatched.kind === 'withheld') return { before: { kind: 'withheld' }, after: { kind: 'withheld' }, change: { kind: 'withheld' } };
  if (nMatched.value === 0) return { before: { kind: 'none' }, after: { kind: 'none' }, change: { kind: 'none' } };
  return null;
}

const WITHHELD: ShownMeans = { before: { kind: 'withheld' }, after: { kind: 'withheld' }, change: { kind: 'withheld' } };

/** The page's means, from the exact ones. */
export function pageMeans(structure: ModuleStructure, report: ClassReport): ReportMeans {
  const measures = allMeans(report);
  const questions = (wave: 'before' | 'after') => structure.items.filter((item) => item.phases.includes(wave)).length;
  const valueOf = (key: MeasureKey, mean: number) =>
    key === 'knowledge' ? Math.round((mean * 100) / KNOWLEDGE_STEP) * KNOWLEDGE_STEP + 0 : roundTo(mean * SCALE.factor, SCALE.decimals);
  return {
    knowledgeSum(wave) {
      const { nMatched: n, meanBefore, meanAfter } = report.change.knowledge;
      const mean = wave === 'before' ? meanBefore : meanAfter;
      const q = questions(wave);
      if (mean === null || n === 0 || q === 0) return null;
      // Every number of right answers that rounds to the mean as shown.
      const shown = valueOf('knowledge', mean);
      const possible = Array.from({ length: n * q + 1 }, (_, t) => t).filter((t) => valueOf('knowledge', t / (n * q)) === shown);
      return possible.length === 0 ? null : { lo: Math.min(...possible), hi: Math.max(...possible) };
    },
    shown(key, nMatched, policy) {
      const held = unshown(nMatched, policy);
      if (held) return held;
      const measure = measures.get(key);
      if (!measure || measure.meanBefore === null || measure.meanAfter === null) return { before: { kind: 'none' }, after: { kind: 'none' }, change: { kind: 'none' } };
      const n = measure.nMatched;
      const clear =
        key === 'knowledge'
          ? [questions('before'), questions('after')].every((q, i) => clearOfTheEnds((i === 0 ? measure.meanBefore : measure.meanAfter) ?? 0, n * q, 0, 1, 1))
          : [measure.meanBefore, measure.meanAfter].every((m) => clearOfTheEnds(m, n, 1, 5, 1));
      if (!clear) return WITHHELD;
      const before = valueOf(key, measure.meanBefore);
      const after = valueOf(key, measure.meanAfter);
      const decimals = key === 'knowledge' ? PERCENT.decimals : SCALE.decimals;
      return { before: { kind: 'mean', value: before }, after: { kind: 'mean', value: after }, change: { kind: 'mean', value: roundTo(after - before, decimals) } };
    },
  };
}

/** A measure's means as a disclosed report shows them. */
export function meansShownIn(report: DisclosedClassReport, key: MeasureKey): ShownMeans | null {
  if (key === 'knowledge') return report.change.knowledge;
  const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  const found = kind === 'construct' ? report.change.constructs.find((c) => c.construct === id) : report.change.attitudeItems.find((c) => c.itemId === id);
  return found ?? null;
}

/**
 * The file's means: those the page shows, where the file shows the matched pairs too. Nothing
 * here reads an exact figure: the file is made from the page.
 */
export function fileMeans(page: DisclosedClassReport, onPage: ReportMeans): ReportMeans {
  return {
    knowledgeSum: (wave) => (page.change.knowledge[wave === 'before' ? 'before' : 'after'].kind === 'mean' ? onPage.knowledgeSum(wave) : null),
    shown(key, nMatched, policy) {
      const held = unshown(nMatched, policy);
      if (held) return held;
      const shown = meansShownIn(page, key);
      if (!shown || shown.before.kind !== 'mean') return shown?.before.kind === 'none' ? shown : WITHHELD;
      return shown;
    },
  };
}

