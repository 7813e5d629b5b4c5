/**
 * Which sessions officers' results count, from the filters. Pure.
 *
 * The filters choose first visits (sessions that are not follow-ups) by organisation, area,
 * when they started (a whole school term or school year, in the app's time zone, never free
 * dates: decision note 010), module, content version and mode. A follow-up session comes with
 * the session it follows, whenever it ran, so a term's results include their own follow-up wave
 * weeks later.
 *
 * Only finished sessions count (closed by the teacher, or past their closing time): a session
 * still taking answers would change officers' figures one student at a time, and successive
 * views could be compared.
 */
import type { ResultsFilters } from '@/lib/api/results-schemas';
import type { ResultsSession } from './officer-results';
import { isTermId, localDate, schoolTerm, termOfDate, withinDates, type TermId } from './school-terms';

/** A school year's first and last day (`2025`: 1 September 2025 to 31 August 2026). */
function schoolYearDates(year: number): { from: string; to: string } {
  return { from: `${year}-09-01`, to: `${year + 1}-08-31` };
}

export interface ResultsSelection {
  sessions: ResultsSession[];
  followUps: ResultsSession[];
  /** First visits the filters chose that are still open, so not counted yet. */
  stillOpen: number;
}

export function selectSessions(all: readonly ResultsSession[], filters: ResultsFilters, timeZone: string): ResultsSelection {
  const term = filters.term !== undefined && isTermId(filters.term) ? schoolTerm(filters.term) : undefined;
  const year = filters.year === undefined ? undefined : schoolYearDates(Number(filters.year));
  const from = term?.from ?? year?.from;
  const to = term?.to ?? year?.to;
  const chosenFirstVisits = all.filter(
    (s) =>
      s.followUpOf === null &&
      (filters.organisation === undefined || s.organisationId === filters.organisation) &&
      (filters.area === undefined || s.area === filters.area) &&
      (filters.module === undefined || s.moduleId === filters.module) &&
      (filters.version === undefined || s.contentVersion === filters.version) &&
      (filters.mode === undefined || s.mode === filters.mode) &&
      withinDates(localDate(s.createdAt, timeZone), from, to),
  );
  const sessions = chosenFirstVisits.filter((s) => s.closed);
  const chosen = new Set(sessions.map((s) => s.id));
  const followUps = all.filter((s) => s.followUpOf !== null && s.closed && chosen.has(s.followUpOf));
  return { sessions, followUps, stillOpen: chosenFirstVisits.length - sessions.length };
}

export interface FilterOptions {
  organisations: { id: string; name: string; area: string; demo: boolean }[];
  areas: string[];
  /** Newest first. */
  terms: TermId[];
  /** School years by their first calendar year, newest first. */
  schoolYears: number[];
  modules: string[];
  /** Newest first (by their latest session). */
  versions: string[];
}

/** What the filters can choose from: the values that sessions have. */
export function filterOptions(all: readonly ResultsSession[], timeZone: string): FilterOptions {
  const organisations = new Map<string, FilterOptions['organisations'][number]>();
  const versions = new Map<string, number>();
  for (const s of all) {
    organisations.set(s.organisationId, { id: s.organisationId, name: s.organisationName, area: s.area, demo: s.demo });
    versions.set(s.contentVersion, Math.max(versions.get(s.contentVersion) ?? 0, s.createdAt.getTime()));
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'en-GB');
  return {
    organisations: [...organisations.values()].sort((a, b) => byName(a.name, b.name)),
    areas: [...new Set(all.map((s) => s.area))].sort(byName),
    terms: [...new Set(all.map((s) => termOfDate(localDate(s.createdAt, timeZone)).id))].sort().reverse(),
    schoolYears: [...new Set(all.map((s) => termOfDate(localDate(s.createdAt, timeZone)).schoolYear))].sort().reverse(),
    modules: [...new Set(all.map((s) => s.moduleId))].sort(byName),
    versions: [...versions].sort((a, b) => b[1] - a[1]).map(([version]) => version),
  };
}
