/**
 * The officers' results filters from a query string, for the results pages, the CSV and the
 * API alike: the raw parameters (a repeated one counts once, its first value), the form's
 * values to show again, and either the parsed filters or one error per field, each a key of
 * `Results.filterErrors` for the caller to translate.
 */
import { RESULTS_FILTER_FIELDS, resultsFiltersSchema, type FilterErrorKey, type ResultsFilters } from './results-schemas';

export type ResultsFilterField = (typeof RESULTS_FILTER_FIELDS)[number];

/** What the form fields held, as typed: shown again beside the errors. */
export type ResultsQueryValues = Partial<Record<ResultsFilterField, string>>;

export interface ResultsFilterProblem {
  field: ResultsFilterField;
  key: FilterErrorKey;
}

export type ParsedResultsQuery =
  | { ok: true; filters: ResultsFilters; values: ResultsQueryValues }
  | { ok: false; problems: ResultsFilterProblem[]; values: ResultsQueryValues };

type RawQuery = URLSearchParams | Record<string, string | string[] | undefined>;

/** The filter fields of a query, first value of each, others ignored. */
export function resultsQueryValues(query: RawQuery): ResultsQueryValues {
  const values: ResultsQueryValues = {};
  for (const field of RESULTS_FILTER_FIELDS) {
    const raw = query instanceof URLSearchParams ? query.get(field) : query[field];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value === 'string' && value.trim() !== '') values[field] = value;
  }
  return values;
}

const isField = (value: unknown): value is ResultsFilterField => (RESULTS_FILTER_FIELDS as readonly unknown[]).includes(value);

const FILTER_ERROR_KEYS: readonly string[] = [
  'organisationInvalid',
  'areaInvalid',
  'termInvalid',
  'yearInvalid',
  'termAndYear',
  'moduleInvalid',
  'versionInvalid',
  'modeInvalid',
] satisfies FilterErrorKey[];

export function parseResultsQuery(query: RawQuery): ParsedResultsQuery {
  const values = resultsQueryValues(query);
  const parsed = resultsFiltersSchema.safeParse(values);
  if (parsed.success) return { ok: true, filters: parsed.data, values };
  const problems: ResultsFilterProblem[] = [];
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (!isField(field) || problems.some((p) => p.field === field)) continue;
    // Every check in the schema carries a key; anything else (a type zod rejects first) reads as "not valid".
    const key = (FILTER_ERROR_KEYS.includes(issue.message) ? issue.message : 'invalid') as FilterErrorKey;
    problems.push({ field, key });
  }
  return { ok: false, problems, values };
}

/** The filters as a query string, empty ones left out: for links to the other results pages. */
export function resultsQueryString(values: ResultsQueryValues): string {
  const params = new URLSearchParams();
  for (const field of RESULTS_FILTER_FIELDS) {
    const value = values[field];
    if (value !== undefined) params.set(field, value);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
