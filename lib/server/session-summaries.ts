import 'server-only';
import { and, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ModuleStructure } from '@/lib/content/schema';
import type { Database } from '@/lib/db/client';
import { answers, classSessions, participants, sessionChanges, sessionSummaries, type ClassSessionRow } from '@/lib/db/schema';
import { summariseFollowUp } from '@/lib/domain/follow-up-summary';
import { sessionSummarySchema } from '@/lib/domain/session-summary-schema';
import { READABLE_SUMMARY_FORMATS, SESSION_SUMMARY_FORMAT, summariseSession, type SessionSummary } from '@/lib/domain/session-summary';
import { loadClassReportFor, pairingEntriesOfSessions, readAnswersOfSessions } from './class-reports';
import { describeError } from './error-log';
import { moduleOfSession } from './session-module';

/**
 * Stored session summaries (lib/domain/session-summary.ts): the exact, additive aggregates that
 * officers' results are built from and that outlive the raw answers (the retention job).
 *
 * A summary is rebuilt when it is stale: its session's participants or answers changed after it
 * was made (or, for a follow-up, those of the session it follows), or its format is old. What
 * changed is the database's own count (session_changes, kept by triggers: schema.ts), so finding
 * the stale summaries reads one small row per session, however many answers there are. Officer
 * pages refresh before they read, so what they show is never behind the answers; a frozen
 * summary (some of its raw answers deleted) is never rebuilt.
 */

interface Freshness {
  id: string;
  /** The session's change count, plus the first session's for a follow-up (its summary pairs with that one's answers). */
  changes: number;
  format: number | null;
  changesSeen: number | null;
  frozen: boolean;
}

const firstChanges = alias(sessionChanges, 'first_changes');

/** Each class session's change count beside its stored summary's: one row per session, no answers read. */
async function currentFreshness(db: Database, sessionIds?: readonly string[]): Promise<Freshness[]> {
  const rows = await db
    .select({
      id: classSessions.id,
      changes: sql<number>`coalesce(${sessionChanges.changes}, 0) + coalesce(${firstChanges.changes}, 0)`.mapWith(Number),
      format: sessionSummaries.format,
      changesSeen: sessionSummaries.changesSeen,
      frozenAt: sessionSummaries.frozenAt,
    })
    .from(classSessions)
    .leftJoin(sessionChanges, eq(sessionChanges.classSessionId, classSessions.id))
    .leftJoin(firstChanges, eq(firstChanges.classSessionId, classSessions.followUpOf))
    .leftJoin(sessionSummaries, eq(sessionSummaries.classSessionId, classSessions.id))
    .where(sessionIds === undefined ? undefined : inArray(classSessions.id, [...sessionIds]));
  return rows.map(({ frozenAt, ...row }) => ({ ...row, frozen: frozenAt !== null }));
}

const isStale = (session: Freshness): boolean =>
  session.format === null || (!session.frozen && (session.format !== SESSION_SUMMARY_FORMAT || session.changesSeen !== session.changes));

/** Builds one session's summary from its raw answers (and, for a follow-up, its first session's). */
export async function buildStoredSummary(
  db: Database,
  session: ClassSessionRow,
  structure: ModuleStructure,
): Promise<SessionSummary> {
  const [built] = await buildStoredSummaries(db, [session], structure);
  if (built === undefined) throw new Error('no summary built');
  return built.summary;
}

interface BuiltSummary {
  session: ClassSessionRow;
  summary: SessionSummary;
  participantCount: number;
  answersThrough: Date | null;
}

/**
 * The summaries of several sessions, built from their raw answers read in one query (and those
 * of the sessions they follow): a first load builds hundreds, and a query per session would
 * cost more than the building.
 */
async function buildStoredSummaries(db: Database, sessions: readonly ClassSessionRow[], structure: ModuleStructure): Promise<BuiltSummary[]> {
  const ids = [...new Set(sessions.flatMap((s) => (s.followUpOf === null ? [s.id] : [s.id, s.followUpOf])))];
  const [answersBy, entriesBy, latest] = await Promise.all([
    readAnswersOfSessions(db, ids),
    pairingEntriesOfSessions(db, ids),
    latestAnswers(db, sessions.map((s) => s.id)),
  ]);
  const built: BuiltSummary[] = [];
  for (const session of sessions) {
    const own = answersBy.get(session.id) ?? [];
    const joined = entriesBy.get(session.id) ?? [];
    const first = session.followUpOf === null ? null : (entriesBy.get(session.followUpOf) ?? []);
    const report = await loadClassReportFor(db, session, structure, own, { joined, first });
    const followUp =
      session.followUpOf === null || first === null
        ? null
        : summariseFollowUp(structure, {
            first: { participants: first, answers: answersBy.get(session.followUpOf) ?? [] },
            followUp: { participants: joined, answers: own },
          });
    built.push({
      session,
      summary: summariseSession(structure, report, own, followUp),
      participantCount: joined.length,
      answersThrough: latest.get(session.id) ?? null,
    });
  }
  return built;
}

/** The latest received_at of each session's answers, for the stored summaries' record. */
async function latestAnswers(db: Database, sessionIds: readonly string[]): Promise<Map<string, Date>> {
  const rows = await db
    .select({ id: participants.classSessionId, latest: max(answers.receivedAt) })
    .from(answers)
    .innerJoin(participants, eq(participants.id, answers.participantId))
    .where(inArray(participants.classSessionId, [...sessionIds]))
    .groupBy(participants.classSessionId);
  return new Map(rows.flatMap((row) => (row.id === null || row.latest === null ? [] : [[row.id, new Date(row.latest)] as const])));
}

export interface RefreshOptions {
  /** Only these sessions (still only when stale); all sessions when left out. */
  sessionIds?: readonly string[];
  now?: Date;
  structure?: ModuleStructure;
}

function groupByModuleVersion(rows: ClassSessionRow[]): ClassSessionRow[][] {
  const groups = new Map<string, ClassSessionRow[]>();
  for (const row of rows) {
    const key = `${row.moduleId}@${row.contentVersion}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()];
}

/** Sessions built per batch: about 30,000 answers read at once (a session has about a thousand). */
const BUILD_BATCH = 32;

/**
 * Rebuilds the summary of every session (or of the given ones) whose summary is missing,
 * stale or of an old format, unless it is frozen. Returns how many it rebuilt.
 */
export async function refreshSessionSummaries(db: Database, options: RefreshOptions = {}): Promise<{ refreshed: number }> {
  const stale = (await currentFreshness(db, options.sessionIds)).filter(isStale);
  if (stale.length === 0) return { refreshed: 0 };

  const now = options.now ?? new Date();
  // The change counts were read before the answers: a change made meanwhile leaves the summary stale, never wrongly fresh.
  const changesById = new Map(stale.map((s) => [s.id, s.changes]));
  let refreshed = 0;
  for (let i = 0; i < stale.length; i += BUILD_BATCH) {
    const batch = stale.slice(i, i + BUILD_BATCH).map((s) => s.id);
    const rows = await db.select().from(classSessions).where(inArray(classSessions.id, batch));
    // Each session is summed up by its own module and version (decision note 017).
    const built = [];
    for (const group of groupByModuleVersion(rows)) {
      const structure = options.structure ?? (await moduleOfSession(db, group[0] as ClassSessionRow)).structure;
      built.push(...(await buildStoredSummaries(db, group, structure)));
    }
    if (built.length === 0) continue;
    await db
      .insert(sessionSummaries)
      .values(
        built.map(({ session, summary, participantCount, answersThrough }) => ({
          classSessionId: session.id,
          format: SESSION_SUMMARY_FORMAT,
          summary,
          participantCount,
          answersThrough,
          changesSeen: changesById.get(session.id) ?? 0,
          computedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: sessionSummaries.classSessionId,
        set: {
          format: sql`excluded.format`,
          summary: sql`excluded.summary`,
          participantCount: sql`excluded.participant_count`,
          answersThrough: sql`excluded.answers_through`,
          changesSeen: sql`excluded.changes_seen`,
          computedAt: sql`excluded.computed_at`,
        },
        // Never overwrite a summary the retention job froze meanwhile.
        setWhere: isNull(sessionSummaries.frozenAt),
      });
    refreshed += built.length;
  }
  return { refreshed };
}

interface CachedSummary {
  /** The stored row's version: its transaction id (xmin, new at every write of the row) and what it records. */
  version: string;
  summary: SessionSummary;
}

/** At most this many parsed summaries are kept (about 58 KB each parsed, so at most about 290 MB; bench/README.md). */
const SUMMARY_CACHE_SIZE = 5_000;
// On globalThis, like the database: a dev server re-evaluating this module keeps one cache.
const caches = globalThis as typeof globalThis & { __roadsKillSummaryCache?: Map<string, CachedSummary> };

/**
 * Stored summaries of the given sessions, by session id. One in a format that can't be read
 * (format 1, from before the cell key method) is left out; one in format 2 is read without
 * position counts (only a frozen one stays in format 2: the rest are rebuilt first).
 *
 * Parsed summaries are kept in memory by their row's version, so an up-to-date load reads a
 * small row per session and the JSON only of summaries rebuilt since (about 11 KB each; parsing
 * a thousand cost more than everything else in the load). The same summary object is handed out
 * again: summaries are never changed after parsing (lib/domain works on copies).
 */
export async function readSessionSummaries(
  db: Database,
  sessionIds: readonly string[],
): Promise<Map<string, SessionSummary>> {
  if (sessionIds.length === 0) return new Map();
  const cache = (caches.__roadsKillSummaryCache ??= new Map());
  const readable = and(inArray(sessionSummaries.classSessionId, [...sessionIds]), inArray(sessionSummaries.format, [...READABLE_SUMMARY_FORMATS]));
  const version = sql<string>`${sessionSummaries}.xmin::text || '/' || ${sessionSummaries.format} || '/' || ${sessionSummaries.changesSeen} || '/' || extract(epoch from ${sessionSummaries.computedAt})::text`;
  const versions = await db.select({ id: sessionSummaries.classSessionId, version }).from(sessionSummaries).where(readable);
  const out = new Map<string, SessionSummary>();
  const missing: string[] = [];
  for (const row of versions) {
    const cached = cache.get(row.id);
    if (cached !== undefined && cached.version === row.version) out.set(row.id, cached.summary);
    else missing.push(row.id);
  }
  if (missing.length === 0) return out;
  const rows = await db
    .select({ id: sessionSummaries.classSessionId, version, summary: sessionSummaries.summary })
    .from(sessionSummaries)
    .where(and(readable, inArray(sessionSummaries.classSessionId, missing)));
  for (const row of rows) {
    const parsed = sessionSummarySchema.safeParse(row.summary);
    if (!parsed.success) {
      console.warn('[summaries] a stored session summary did not parse and was left out');
      continue;
    }
    out.set(row.id, parsed.data);
    cache.delete(row.id);
    cache.set(row.id, { version: row.version, summary: parsed.data });
  }
  // The least recently stored go first.
  for (const id of cache.keys()) {
    if (cache.size <= SUMMARY_CACHE_SIZE) break;
    cache.delete(id);
  }
  return out;
}

const HOUR_MS = 60 * 60 * 1000;
// On globalThis, like the database: a dev server re-evaluating this module must not start a second timer.
const timers = globalThis as typeof globalThis & { __roadsKillSummaryTimer?: NodeJS.Timeout };

/**
 * Keeps summaries fresh in the background, at start and every hour, so that an officer's first
 * visit after a busy term rebuilds an hour's sessions rather than all of them (a summary takes
 * tens of milliseconds to build; `npm run bench:officer`). Failures are logged; pages still
 * refresh what they read.
 */
export function scheduleSummaryRefresh(db: Database): void {
  if (timers.__roadsKillSummaryTimer !== undefined) return;
  const run = async () => {
    try {
      const { refreshed } = await refreshSessionSummaries(db);
      if (refreshed > 0) console.info(`[summaries] brought ${refreshed} session summaries up to date`);
    } catch (error) {
      console.error(`[summaries] the background refresh failed; officer pages still refresh what they read: ${describeError(error)}`);
    }
  };
  void run();
  timers.__roadsKillSummaryTimer = setInterval(() => void run(), HOUR_MS).unref();
}
