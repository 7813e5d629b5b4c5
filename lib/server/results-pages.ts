import 'server-only';
import { parseResultsQuery, type ResultsFilterProblem, type ResultsQueryValues } from '@/lib/api/results-query';
import type { ResultsFilters } from '@/lib/api/results-schemas';
import { filterOptions, type FilterOptions } from '@/lib/domain/results-selection';
import { env } from '@/lib/env';
import { getDatabase } from './database';
import { listResultsSessions, loadOfficerResults, type OfficerResultsView } from './officer-results';

/**
 * The officers' results for a page's query string: the filters parsed with their one schema,
 * then the disclosed results. Filters that don't parse give their problems and the form's
 * choices, and no results at all (a page must not show figures for filters it refused).
 */
export type ResultsPageData =
  | { ok: true; filters: ResultsFilters; values: ResultsQueryValues; view: OfficerResultsView }
  | { ok: false; problems: ResultsFilterProblem[]; values: ResultsQueryValues; options: FilterOptions; organisationNames: Record<string, string> };

export async function loadResultsPage(query: Record<string, string | string[] | undefined> | URLSearchParams): Promise<ResultsPageData> {
  const parsed = parseResultsQuery(query);
  const db = await getDatabase();
  if (!parsed.ok) {
    const sessions = await listResultsSessions(db);
    return {
      ok: false,
      problems: parsed.problems,
      values: parsed.values,
      options: filterOptions(sessions, env.TIME_ZONE),
      organisationNames: Object.fromEntries(sessions.map((s) => [s.organisationId, s.organisationName])),
    };
  }
  return { ok: true, filters: parsed.filters, values: parsed.values, view: await loadOfficerResults(db, parsed.filters) };
}
