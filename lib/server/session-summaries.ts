import 'server-only';
import { and, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { ModuleStructure } from '@/lib/content/schema';
import { getModule } from '@/lib/content/load';
import type { Database } from '@/lib/db/client';
import { answers, classSessions, participants, sessionSummaries, type ClassSessionRow } from '@/lib/db/schema';
import { summariseFollowUp } from '@/lib/domain/follow-up-summary';
import { sessionSummarySchema } from '@/lib/domain/session-summary-schema';
import { READABLE_SUMMARY_FORMATS, SESSION_SUMMARY_FORMAT, summariseSession, type SessionSummary } from '@/lib/domain/session-summary';
import { loadClassReportFor, readSessionAnswers } from './class-reports';
import { pairingEntries } from './follow-ups';
import { describeError } from './error-log';

/**
 * Stored session summaries (lib/domain/session-summary.ts): the exact, additive aggregates that
 * officers' results are built from and that outlive the raw answers (the retention job).
 *
 * A summary is rebuilt when it is stale: a participant joined or an answer arrived after it was
 * made, or its format is old. Officer pages refresh before they read, so what they show is
 * never behind the answers; a frozen summary (some of its raw answers deleted) is never rebuilt.
 */

interface Freshness {
  id: string;
  participantCount: number;
  answersThrough: Date | null;
}

/** Each class session's participant count and latest answer, from the raw tables. */
async function currentFreshness(db: Database, sessionIds?: readonly string[]): Promise<Freshness[]> {
  const rows = await db
    .select({
      id: classSessions.id,
      participantCount: sql<number>`count(distinct ${participants.id})`.mapWith(Number),
      answersThrough: max(answers.receivedAt),
    })
    .from(classSessions)
    .leftJoin(participants, eq(participants.classSessionId, classSessions.id))
    .leftJoin(answers, eq(answers.participantId, participants.id))
    .where(sessionIds === undefined ? undefined : inArray(classSessions.id, [...sessionIds]))
    .groupBy(classSessions.id);
  return rows.map((row) => ({ ...row, answersThrough: row.answersThrough === null ? null : new Date(row.answersThrough) }));
}

/** Builds one session's summary from its raw answers (and, for a follow-up, its first session's). */
export async function buildStoredSummary(
  db: Database,
  session: ClassSessionRow,
  structure: ModuleStructure,
): Promise<SessionSummary> {
  const own = await readSessionAnswers(db, session.id);
  const report = await loadClassReportFor(db, session, structure, own);
  const followUp =
    session.followUpOf === null
      ? null
      : summariseFollowUp(structure, {
          first: { participants: await pairingEntries(db, session.followUpOf), answers: await readSessionAnswers(db, session.followUpOf) },
          followUp: { participants: await pairingEntries(db, session.id), answers: own },
        });
  return summariseSession(structure, report, own, followUp);
}

export interface RefreshOptions {
  /** Only these sessions (still only when stale); all sessions when left out. */
  sessionIds?: readonly string[];
  now?: Date;
  structure?: ModuleStructure;
}

/**
 * Rebuilds the summary of every session (or of the given ones) whose summary is missing,
 * stale or of an old format, unless it is frozen. Returns how many it rebuilt.
 */
export async function refreshSessionSummaries(db: Database, options: RefreshOptions = {}): Promise<{ refreshed: number }> {
  const fresh = await currentFreshness(db, options.sessionIds);
  if (fresh.length === 0) return { refreshed: 0 };
  const stored = await db
    .select({
      id: sessionSummaries.classSessionId,
      format: sessionSummaries.format,
      participantCount: sessionSummaries.participantCount,
      answersThrough: sessionSummaries.answersThrough,
      frozenAt: sessionSummaries.frozenAt,
    })
    .from(sessionSummaries)
    .where(options.sessionIds === undefined ? undefined : inArray(sessionSummaries.classSessionId, [...options.sessionIds]));
  const storedById = new Map(stored.map((row) => [row.id, row]));
  const stale = fresh.filter((session) => {
    const summary = storedById.get(session.id);
    if (summary === undefined) return true;
    if (summary.frozenAt !== null) return false;
    return (
      summary.format !== SESSION_SUMMARY_FORMAT ||
      summary.participantCount !== session.participantCount ||
      (session.answersThrough?.getTime() ?? 0) > (summary.answersThrough?.getTime() ?? 0)
    );
  });
  if (stale.length === 0) return { refreshed: 0 };

  const structure = options.structure ?? (await getModule()).structure;
  const now = options.now ?? new Date();
  const rows = await db
    .select()
    .from(classSessions)
    .where(inArray(classSessions.id, stale.map((s) => s.id)));
  const freshById = new Map(stale.map((s) => [s.id, s]));
  for (const session of rows) {
    const summary = await buildStoredSummary(db, session, structure);
    const freshness = freshById.get(session.id);
    const values = {
      format: SESSION_SUMMARY_FORMAT,
      summary,
      participantCount: freshness?.participantCount ?? 0,
      answersThrough: freshness?.answersThrough ?? null,
      computedAt: now,
    };
    await db
      .insert(sessionSummaries)
      .values({ classSessionId: session.id, ...values })
      .onConflictDoUpdate({
        target: sessionSummaries.classSessionId,
        set: values,
        // Never overwrite a summary the retention job froze meanwhile.
        setWhere: isNull(sessionSummaries.frozenAt),
      });
  }
  return { refreshed: rows.length };
}

/**
 * Stored summaries of the given sessions, by session id. One in a format that can't be read
 * (format 1, from before the cell key method) is left out; one in format 2 is read without
 * position counts (only a frozen one stays in format 2: the rest are rebuilt first).
 */
export async function readSessionSummaries(
  db: Database,
  sessionIds: readonly string[],
): Promise<Map<string, SessionSummary>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db
    .select({ id: sessionSummaries.classSessionId, summary: sessionSummaries.summary })
    .from(sessionSummaries)
    .where(and(inArray(sessionSummaries.classSessionId, [...sessionIds]), inArray(sessionSummaries.format, [...READABLE_SUMMARY_FORMATS])));
  const out = new Map<string, SessionSummary>();
  for (const row of rows) {
    const parsed = sessionSummarySchema.safeParse(row.summary);
    if (parsed.success) out.set(row.id, parsed.data);
    else console.warn('[summaries] a stored session summary did not parse and was left out');
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
