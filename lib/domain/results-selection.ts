/**
 * Which sessions officers' results count, from the filters. Pure.
 *
 * The filters choose first visits (sessions that are not follow-ups) by organisation, area,
 * when they started (a term, or dates, in the app's time zone), module, content version and
 * mode. A follow-up session comes with the session it follows, whenever it ran, so a term's
 * results include their own follow-up wave weeks later.
 */
import type { ResultsFilters } from '@/lib/api/results-schemas';
import type { ResultsSession } from './officer-results';
import { isTermId, localDate, schoolTerm, termOfDate, withinDates, type TermId } from './school-terms';

export interface ResultsSelection {
  sessions: ResultsSession[];
  followUps: ResultsSession[];
}

export function selectSessions(all: readonly ResultsSession[], filters: ResultsFilters, timeZone: string): ResultsSelection {
  const term = filters.term !== undefined && isTermId(filters.term) ? schoolTerm(filters.term) : undefined;
  const from = term?.from ?? filters.from;
  const to = term?.to ?? filters.to;
  const sessions = all.filter(
    (s) =>
      s.followUpOf === null &&
      (filters.organisation === undefined || s.organisationId === filters.organisation) &&
      (filters.area === undefined || s.area === filters.area) &&
      (filters.module === undefined || s.moduleId === filters.module) &&
      (filters.version === undefined || s.contentVersion === filters.version) &&
      (filters.mode === undefined || s.mode === filters.mode) &&
      withinDates(localDate(s.createdAt, timeZone), from, to),
  );
  const chosen = new Set(sessions.map((s) => s.id));
  const followUps = all.filter((s) => s.followUpOf !== null && chosen.has(s.followUpOf));
  return { sessions, followUps };
}

export interface FilterOptions {
  organisations: { id: string; name: string; area: string; demo: boolean }[];
  areas: string[];
  /** Newest first. */
  terms: TermId[];
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
    modules: [...new Set(all.map((s) => s.moduleId))].sort(byName),
    versions: [...versions].sort((a, b) => b[1] - a[1]).map(([version]) => version),
  };
}
