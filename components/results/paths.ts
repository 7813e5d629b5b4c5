import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { resultsQueryString, type ResultsQueryValues } from '@/lib/api/results-query';

/** The detail pages behind the summary, one per question an officer asks, in the nav's order. */
export const RESULTS_DETAILS = ['knowledge', 'beliefs', 'change', 'stories', 'plans', 'trends'] as const;
export type ResultsDetail = (typeof RESULTS_DETAILS)[number];

/** Every results page: the summary, the details, question quality and the evaluation report. */
export const RESULTS_PAGES = ['summary', ...RESULTS_DETAILS, 'questions', 'report'] as const;
export type ResultsPage = (typeof RESULTS_PAGES)[number];

export function isResultsDetail(value: string): value is ResultsDetail {
  return (RESULTS_DETAILS as readonly string[]).includes(value);
}

const PATHS: Record<ResultsPage, string> = {
  summary: '/results',
  knowledge: '/results/knowledge',
  beliefs: '/results/beliefs',
  change: '/results/change',
  stories: '/results/stories',
  plans: '/results/plans',
  trends: '/results/trends',
  questions: '/results/questions',
  report: '/results/report',
};

export interface ResultsHrefs {
  /** A page with the filters chosen. */
  page(page: ResultsPage): string;
  /** A page with no query: the filter form's action, so "Clear filters" is this link. */
  base(page: ResultsPage): string;
  /** The evaluation report's CSV, with the filters chosen. */
  csv: string;
}

export function resultsHrefs(locale: Locale, values: ResultsQueryValues): ResultsHrefs {
  const query = resultsQueryString(values);
  const path = (href: string) => getPathname({ href, locale });
  return {
    page: (page) => `${path(PATHS[page])}${query}`,
    base: (page) => path(PATHS[page]),
    csv: `${path('/results/report/csv')}${query}`,
  };
}
