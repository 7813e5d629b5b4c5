/**
 * A class report as it may be shown (docs/decisions/013-class-reports.md):
 * - the teacher's page: every figure under the class-view policy (k = 5 for every kind of item:
 *   DESIGN.md, "Privacy by design"), each disclosed together with the figures it is part of
 *   (linked-figures.ts, class-report-links.ts), so that no small group can be worked out by
 *   adding and subtracting them;
 * - the CSV: made from the page's figures, never from the exact ones, under the export policy
 *   (k = 10, rounded to 5), then linked the same way; so the file on its own holds under the
 *   export rules, and the page and the file together tell no more than the page.
 * Means are shown only over a number that is shown, and not where they would say how many gave
 * another answer (class-report-means.ts).
 */
import type { ModuleStructure } from '@/lib/content/schema';
import type { ClassReport, DisclosedClassReport } from './class-report-types';
import { reportLayout } from './class-report-links';
import { fileMeans, pageMeans } from './class-report-means';
import type { DisclosedFigure, DisclosurePolicies, DisclosurePolicy } from './disclosure';
import { LinkedFigures, readingOf, type FigureId } from './linked-figures';

export interface DisclosedClassReports {
  /** The teacher's page, under the class-view policy. */
  page: DisclosedClassReport;
  /** The CSV's figures, under the export policy, made from the page's. */
  file(): DisclosedClassReport;
}

/**
 * A figure of the page as the file starts it: a number under the export k becomes "fewer than
 * k", the rest are rounded; what the page hides, the file hides.
 */
export function coarsen(figure: DisclosedFigure, policy: DisclosurePolicy): DisclosedFigure {
  if (figure.kind === 'fewer-than') return { kind: 'fewer-than', k: policy.k };
  if (figure.kind === 'withheld' || figure.value === 0) return figure;
  if (figure.value < policy.k) return { kind: 'fewer-than', k: policy.k };
  return { kind: 'count', value: Math.round(figure.value / policy.roundTo) * policy.roundTo };
}

export function discloseClassReport(structure: ModuleStructure, report: ClassReport, policies: DisclosurePolicies): DisclosedClassReports {
  const { classView, export: exportPolicy } = policies;
  const pageNet = new LinkedFigures(readingOf(classView));
  /** The page's figure for each figure of the layout, by its place in it. */
  const pageIds: FigureId[] = [];
  const onPage = pageMeans(structure, report);
  const pageLayout = reportLayout(
    structure,
    report,
    pageNet,
    (exact, n, known) => (pageIds[n] = pageNet.count(exact, classView, { fixed: known })),
    onPage,
  );
  const pageFigures = pageNet.settle();
  const pageRanges = pageNet.ranges();
  const page = pageLayout.render(pageFigures, classView);
  return {
    page,
    file() {
      // Read as a reader of the file would: rounded, "fewer than" the export k; what the page
      // gives away exactly is no secret from the file's reader's point of view, and no more.
      const fileNet = new LinkedFigures(readingOf(exportPolicy), pageRanges);
      const fromPage = (n: number) => coarsen(pageFigures[pageIds[n] ?? -1] ?? { kind: 'withheld' }, exportPolicy);
      const fileLayout = reportLayout(structure, report, fileNet, (_exact, n) => fileNet.shown(fromPage(n)), fileMeans(page, onPage));
      return fileLayout.render(fileNet.settle(), exportPolicy);
    },
  };
}
