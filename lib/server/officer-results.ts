import 'server-only';
import { eq } from 'drizzle-orm';
import type { ResultsFilters } from '@/lib/api/results-schemas';
import type { ModuleStructure } from '@/lib/content/schema';
import type { Database } from '@/lib/db/client';
import { classSessions, organisations } from '@/lib/db/schema';
import type { DisclosurePolicy } from '@/lib/domain/disclosure';
import type { DisclosedOfficerResults } from '@/lib/domain/officer-disclosure';
import type { ResultsSession } from '@/lib/domain/officer-results';
import { releaseOfficerResults, type OfficerRelease, type ReleaseInput } from '@/lib/domain/officer-release';
import type { SessionSummary } from '@/lib/domain/session-summary';
import type { DisclosedPositionQuality } from '@/lib/domain/position-quality';
import type { DisclosedItemQuality } from '@/lib/domain/question-quality';
import { filterOptions, selectSessions, type FilterOptions } from '@/lib/domain/results-selection';
import { env } from '@/lib/env';
import { isClosed } from './class-sessions';
import { configuredDisclosurePolicies } from './disclosure-config';
import { readSessionSummaries, refreshSessionSummaries } from './session-summaries';
import type { LoadedModule } from '@/lib/content/load';
import { DEFAULT_MODULE_ID, UnknownModuleError } from '@/lib/content/modules';
import { currentModule } from './session-module';

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
  /** The one module the results are of: the filters' module, roads-kill by default. Modules are never mixed. */
  moduleId: string;
  /** That module's text, every locale, for the figures' names. */
  moduleText: LoadedModule['text'];
}

export interface LoadOptions {
  policy?: DisclosurePolicy;
  timeZone?: string;
  structure?: ModuleStructure;
}

/** The last few releases, by everything they were made from (releaseKey). */
const RELEASES_KEPT = 16;
// On globalThis, like the database: a dev server re-evaluating this module keeps one.
const memo = globalThis as typeof globalThis & {
  __roadsKillReleases?: Map<string, OfficerRelease>;
  __roadsKillStructureIds?: WeakMap<ModuleStructure, number>;
};

/**
 * Everything releaseOfficerResults reads, as a string: the structure (by identity), the filters,
 * policy and time zone, and every session as the selection sees it, with the identity of its
 * summary (session-summaries.ts hands out the same object until the stored row changes).
 */
function releaseKey(input: ReleaseInput): string {
  const structures = (memo.__roadsKillStructureIds ??= new WeakMap());
  let structureId = structures.get(input.structure);
  if (structureId === undefined) {
    structureId = Math.random();
    structures.set(input.structure, structureId);
  }
  const summaryIds = summaryIdentities(input.summaries);
  const sessions = input.sessions.map((s) =>
    [s.id, s.organisationId, s.organisationName, s.area, s.moduleId, s.contentVersion, s.mode, s.createdAt.getTime(), s.followUpOf, s.demo, s.closed, summaryIds.get(s.id)].join('|'),
  );
  return JSON.stringify([structureId, input.filters, input.policy, input.timeZone, sessions]);
}

const summaryObjectIds = new WeakMap<SessionSummary, number>();
let nextSummaryObjectId = 1;
function summaryIdentities(summaries: ReadonlyMap<string, SessionSummary>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [id, summary] of summaries) {
    let objectId = summaryObjectIds.get(summary);
    if (objectId === undefined) {
      objectId = nextSummaryObjectId++;
      summaryObjectIds.set(summary, objectId);
    }
    out.set(id, objectId);
  }
  return out;
}

/**
 * releaseOfficerResults, remembered: it is a pure function of its input, so the same input gets
 * the same release without adding up every summary again (an officer reloading a page over a
 * thousand sessions). Any change of summary, session, filter or policy is another key. Releases
 * are never changed after they are made.
 */
function rememberedRelease(input: ReleaseInput): OfficerRelease {
  const releases = (memo.__roadsKillReleases ??= new Map());
  const key = releaseKey(input);
  const known = releases.get(key);
  if (known !== undefined) {
    releases.delete(key);
    releases.set(key, known);
    return known;
  }
  const release = releaseOfficerResults(input);
  releases.set(key, release);
  for (const old of releases.keys()) {
    if (releases.size <= RELEASES_KEPT) break;
    releases.delete(old);
  }
  return release;
}

export async function loadOfficerResults(
  db: Database,
  filters: ResultsFilters,
  options: LoadOptions = {},
): Promise<OfficerResultsView> {
  const timeZone = options.timeZone ?? env.TIME_ZONE;
  const policy = options.policy ?? configuredDisclosurePolicies().export;
  // One module at a time: its figures are read against its own structure (decision note 017).
  const moduleId = filters.module ?? DEFAULT_MODULE_ID;
  filters = { ...filters, module: moduleId };
  const served = await currentModule(db, moduleId).catch((error: unknown) => {
    // A module never published has no sessions: its results are empty, read against roads-kill's structure.
    if (error instanceof UnknownModuleError) return currentModule(db);
    throw error;
  });
  const structure = options.structure ?? served.structure;
  const all = await listResultsSessions(db);
  const selection = selectSessions(all, filters, timeZone);
  const ids = [...selection.sessions, ...selection.followUps].map((s) => s.id);
  await refreshSessionSummaries(db, { sessionIds: ids, structure });
  const summaries = await readSessionSummaries(db, ids);
  const release = rememberedRelease({ structure, sessions: all, summaries, filters, policy, timeZone });
  return {
    ...release,
    options: filterOptions(all, timeZone),
    organisationNames: Object.fromEntries(all.map((s) => [s.organisationId, s.organisationName])),
    structure,
    moduleId,
    moduleText: served.text,
  };
}
