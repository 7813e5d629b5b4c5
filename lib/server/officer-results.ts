import 'server-only';
import { eq } from 'drizzle-orm';
import type { ResultsFilters } from '@/lib/api/results-schemas';
import { getModule } from '@/lib/content/load';
import type { ModuleStructure } from '@/lib/content/schema';
import type { Database } from '@/lib/db/client';
import { classSessions, organisations } from '@/lib/db/schema';
import type { DisclosurePolicy } from '@/lib/domain/disclosure';
import type { DisclosedOfficerResults } from '@/lib/domain/officer-disclosure';
import type { ResultsSession } from '@/lib/domain/officer-results';
import { releaseOfficerResults } from '@/lib/domain/officer-release';
import type { DisclosedPositionQuality } from '@/lib/domain/position-quality';
import type { DisclosedItemQuality } from '@/lib/domain/question-quality';
import { filterOptions, selectSessions, type FilterOptions } from '@/lib/domain/results-selection';
import { env } from '@/lib/env';
import { isClosed } from './class-sessions';
import { configuredDisclosurePolicies } from './disclosure-config';
import { readSessionSummaries, refreshSessionSummaries } from './session-summaries';

/**
 * Officers' results: the sessions the filters choose, their stored summaries (refreshed first,
 * so nothing is behind the answers), and the figures built from them, disclosed under the
 * export policy. Everything an officer's page, CSV or API response shows comes from here, and
 * only in disclosed form. Access (officers and administrators) is the caller's.
 */

/** Every class session, with what the filters and breakdowns need of its organisation. */
export async function listResultsSessions(db: Database): Promise<ResultsSession[]> {
  const now = new Date();
  const rows = await db
    .select({
      id: classSessions.id,
      organisationId: classSessions.organisationId,
      organisationName: organisations.name,
      area: organisations.area,
      moduleId: classSessions.moduleId,
      contentVersion: classSessions.contentVersion,
      mode: classSessions.mode,
      createdAt: classSessions.createdAt,
      followUpOf: classSessions.followUpOf,
      demo: organisations.demo,
      status: classSessions.status,
      closesAt: classSessions.closesAt,
    })
    .from(classSessions)
    .innerJoin(organisations, eq(organisations.id, classSessions.organisationId));
  return rows.map(({ status, closesAt, ...session }) => ({ ...session, closed: isClosed({ status, closesAt }, now) }));
}

export interface OfficerResultsView {
  results: DisclosedOfficerResults;
  quality: DisclosedItemQuality[];
  positions: DisclosedPositionQuality[];
  /** Sessions the filters chose that are still open, so not counted yet. */
  stillOpen: number;
  options: FilterOptions;
  /** Organisation names by id, for the breakdowns' rows. */
  organisationNames: Record<string, string>;
  /** The module structure the results were read against (its order, its ids). */
  structure: ModuleStructure;
}

export interface LoadOptions {
  policy?: DisclosurePolicy;
  timeZone?: string;
  structure?: ModuleStructure;
}

export async function loadOfficerResults(
  db: Database,
  filters: ResultsFilters,
  options: LoadOptions = {},
): Promise<OfficerResultsView> {
  const timeZone = options.timeZone ?? env.TIME_ZONE;
  const policy = options.policy ?? configuredDisclosurePolicies().export;
  const structure = options.structure ?? (await getModule()).structure;
  const all = await listResultsSessions(db);
  const selection = selectSessions(all, filters, timeZone);
  const ids = [...selection.sessions, ...selection.followUps].map((s) => s.id);
  await refreshSessionSummaries(db, { sessionIds: ids, structure });
  const summaries = await readSessionSummaries(db, ids);
  const release = releaseOfficerResults({ structure, sessions: all, summaries, filters, policy, timeZone });
  return {
    ...release,
    options: filterOptions(all, timeZone),
    organisationNames: Object.fromEntries(all.map((s) => [s.organisationId, s.organisationName])),
    structure,
  };
}
