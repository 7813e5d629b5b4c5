import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { resultsQueryString, type ResultsQueryValues } from '@/lib/api/results-query';

/** The results pages and the CSV, each with the filters chosen. */
export function resultsHrefs(locale: Locale, values: ResultsQueryValues) {
  const query = resultsQueryString(values);
  const path = (href: string) => getPathname({ href, locale });
  return {
    overview: `${path('/results')}${query}`,
    questions: `${path('/results/questions')}${query}`,
    report: `${path('/results/report')}${query}`,
    csv: `${path('/results/report/csv')}${query}`,
    /** The form's action: no query, so "Clear filters" is this link. */
    overviewBase: path('/results'),
    questionsBase: path('/results/questions'),
    reportBase: path('/results/report'),
  };
}
