import type { ReactNode } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { ModuleStructure, ModuleText } from '@/lib/content/schema';
import type { DisclosedOfficerResults } from '@/lib/domain/officer-disclosure';
import { resultsFigures, type ResultsFigure, type ResultsReportText, type ResultsSection } from '@/lib/domain/results-report';
import type { OfficerResultsView } from '@/lib/server/officer-results';
import { FigureTable } from './FigureTable';
import { resultsFigureText, resultsReportText, type FigureText } from './words';

export type ResultsTranslator = Awaited<ReturnType<typeof getTranslations<'Results'>>>;
export type ResultsFormatter = Awaited<ReturnType<typeof getFormatter>>;

/**
 * Everything the results' charts and tables are drawn from, made once per request: the
 * disclosed results, the same figure list the CSV writes, names in the reader's language, and
 * the helpers every section uses. The summary, the detail pages and the report share it, so a
 * figure reads the same wherever it shows.
 */
export interface ResultsKit {
  locale: Locale;
  t: ResultsTranslator;
  format: ResultsFormatter;
  results: DisclosedOfficerResults;
  figures: readonly ResultsFigure[];
  names: ResultsReportText;
  content: ModuleText;
  structure: ModuleStructure;
  text: FigureText;
  /** Sessions chosen that are still open, not counted yet. */
  stillOpen: number;
  /** The figures of one section, optionally narrowed. */
  of(section: ResultsSection, keep?: (figure: ResultsFigure) => boolean): ResultsFigure[];
  /** The figures as a table; nothing when there are none. */
  table(id: string, caption: string, rows: readonly ResultsFigure[], itemHeader: string): ReactNode;
}

export async function resultsKit(locale: Locale, view: OfficerResultsView): Promise<ResultsKit> {
  const t = await getTranslations({ locale, namespace: 'Results' });
  const format = await getFormatter({ locale });
  // The text of the one module the results are of.
  const content = view.moduleText[locale];
  const names = await resultsReportText(locale, content, view.organisationNames);
  const text = await resultsFigureText(locale);
  const figures = resultsFigures(view.results, names);
  return {
    locale,
    t,
    format,
    results: view.results,
    figures,
    names,
    content,
    structure: view.structure,
    text,
    stillOpen: view.stillOpen,
    of: (section, keep = () => true) => figures.filter((f) => f.section === section && keep(f)),
    table: (id, caption, rows, itemHeader) =>
      rows.length === 0 ? null : (
        <FigureTable
          id={id}
          caption={caption}
          figures={rows}
          itemHeader={itemHeader}
          measureName={(m) => t(`measures.${m}`)}
          outOf={t('tables.outOf')}
          valueHeader={t('tables.value')}
          text={text}
        />
      ),
  };
}
