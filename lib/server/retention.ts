import 'server-only';
import { and, count, eq, exists, gte, inArray, isNotNull, isNull, lt, not, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { ModuleStructure } from '@/lib/content/schema';
import type { Database } from '@/lib/db/client';
import { answerReplays, answers, classSessions, participants, sessionSummaries, staffSessions } from '@/lib/db/schema';
import { refreshSessionSummaries } from './session-summaries';
import { describeError } from './error-log';
import { closeDueSessions } from './session-lifecycle';

/**
 * The retention job (DESIGN.md, "Privacy by design"): raw answers are deleted once they are
 * older than the retention period (RETENTION_DAYS), and the aggregates survive. Before a class
 * session loses any raw answer its stored summary is brought up to date and frozen, so it is
 * never rebuilt from what is left. Then participants with no answers left go, pairing hash and
 * all. Runs at start-up and daily (`scheduleRetention`, from instrumentation.ts).
 */

export const DAY_MS = 86_400_000;
/** Names "the retention job" among PostgreSQL advisory locks (lib/db/client.ts and auth/setup.ts use …416 and …417). */
export const RETENTION_LOCK_KEY = 7_311_200_419;

export interface RetentionOptions {
  now: Date;
  periodDays: number;
  /** The module summaries are built with; the app's own when left out. */
  structure?: ModuleStructure;
  /** A live session's idle period (LIVE_SESSION_IDLE_MINUTES when left out). */
  liveIdleMs?: number;
}

export type RetentionResult =
  /** Another app instance holds the lock and is running the job now. */
  | { ran: false }
  | {
      ran: true;
      cutoff: Date;
      answersDeleted: number;
      participantsDeleted: number;
      summariesFrozen: number;
      /** Sessions that had closed by themselves (idle, or their closing time) and no one had read since. */
      sessionsClosed: number;
      /** Housekeeping while we are here: expired staff sign-ins, which nothing reads any more. */
      staffSessionsDeleted: number;
    };

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

const lockResultSchema = z.object({ rows: z.array(z.object({ locked: z.boolean() })).length(1) });

/** Received before the cutoff, by the server's clock: a device's clock can be years out. */
const oldAnswer = (cutoff: Date) => lt(answers.receivedAt, cutoff);

/** Participants the job deletes: joined before the cutoff, with no answer received since. */
function expiredParticipant(tx: Transaction, cutoff: Date): SQL | undefined {
  const recentAnswer = tx
    .select({ one: sql`1` })
    .from(answers)
    .where(and(eq(answers.participantId, participants.id), gte(answers.receivedAt, cutoff)));
  return and(lt(participants.createdAt, cutoff), not(exists(recentAnswer)));
}

/**
 * The class sessions whose raw data the job is about to change: those with an old answer or
 * a participant about to go, and their follow-ups (a follow-up's summary reads its first
 * session's answers to pair devices).
 */
async function sessionsLosingData(tx: Transaction, cutoff: Date): Promise<string[]> {
  const withOldAnswer = tx
    .select({ one: sql`1` })
    .from(answers)
    .where(and(eq(answers.participantId, participants.id), oldAnswer(cutoff)));
  const rows = await tx
    .selectDistinct({ id: participants.classSessionId })
    .from(participants)
    .where(and(isNotNull(participants.classSessionId), or(exists(withOldAnswer), expiredParticipant(tx, cutoff))));
  const ids = rows.flatMap((row) => (row.id === null ? [] : [row.id]));
  if (ids.length === 0) return [];
  const followUps = await tx.select({ id: classSessions.id }).from(classSessions).where(inArray(classSessions.followUpOf, ids));
  return [...new Set([...ids, ...followUps.map((row) => row.id)])];
}

async function countWhere(tx: Transaction, table: typeof answers | typeof participants, where: SQL | undefined): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(table).where(where);
  return row?.n ?? 0;
}

export async function runRetention(db: Database, options: RetentionOptions): Promise<RetentionResult> {
  const { now, periodDays } = options;
  const cutoff = new Date(now.getTime() - periodDays * DAY_MS);
  // Outside the job's transaction: each closing is its own conditional update, exactly once
  // whoever else closes the same session (session-lifecycle.ts).
  const sessionsClosed = await closeDueSessions(db, now, options.liveIdleMs);
  return db.transaction(async (tx) => {
    // Two instances starting together: one runs the job, the other skips it (the lock ends with the transaction).
    const lock = lockResultSchema.parse(await tx.execute(sql`select pg_try_advisory_xact_lock(${RETENTION_LOCK_KEY}) as locked`));
    if (!lock.rows[0]?.locked) return { ran: false };

    const sessionIds = await sessionsLosingData(tx, cutoff);
    let summariesFrozen = 0;
    if (sessionIds.length > 0) {
      await refreshSessionSummaries(tx, { sessionIds, now, structure: options.structure });
      const frozen = await tx
        .update(sessionSummaries)
        .set({ frozenAt: now })
        .where(and(inArray(sessionSummaries.classSessionId, sessionIds), isNull(sessionSummaries.frozenAt)))
        .returning({ id: sessionSummaries.classSessionId });
      summariesFrozen = frozen.length;
    }

    // Counted, then deleted in one statement each: a first run on years of data may remove
    // millions of rows, too many to list back.
    const answersDeleted = await countWhere(tx, answers, oldAnswer(cutoff));
    await tx.delete(answers).where(oldAnswer(cutoff));
    // Story replays (never in a summary) go by the same rule; the rest go with their participant.
    await tx.delete(answerReplays).where(lt(answerReplays.receivedAt, cutoff));
    const participantsDeleted = await countWhere(tx, participants, expiredParticipant(tx, cutoff));
    await tx.delete(participants).where(expiredParticipant(tx, cutoff));
    const staff = await tx.delete(staffSessions).where(lt(staffSessions.expiresAt, now)).returning({ userId: staffSessions.userId });

    return { ran: true, cutoff, answersDeleted, participantsDeleted, summariesFrozen, sessionsClosed, staffSessionsDeleted: staff.length };
  });
}

/** The job's one log line: counts and dates, never an id. */
export function describeRetention(result: RetentionResult, periodDays: number): string {
  if (!result.ran) return '[retention] skipped: another app instance is running it';
  return (
    `[retention] deleted ${result.answersDeleted} answers received before ${result.cutoff.toISOString().slice(0, 10)} ` +
    `(${periodDays}-day period) and ${result.participantsDeleted} participants left with none; ` +
    `froze ${result.summariesFrozen} session summaries; closed ${result.sessionsClosed} idle or past-time sessions; removed ${result.staffSessionsDeleted} expired staff sign-ins`
  );
}

/** One run, logged; a failure is logged too and waits for the next run, never ending the app. */
export async function runRetentionAndLog(db: Database, periodDays: number, now = new Date()): Promise<void> {
  try {
    console.info(describeRetention(await runRetention(db, { now, periodDays }), periodDays));
  } catch (error) {
    console.error(`[retention] failed; the next run is in 24 hours: ${describeError(error)}`);
  }
}

// Kept on globalThis, like the database: a dev server re-evaluating this module must not start a second timer.
const globalStore = globalThis as typeof globalThis & { __roadsKillRetentionTimer?: NodeJS.Timeout };

/** Runs the job now and then every 24 hours while the process lives (the timer never keeps it alive). */
export function scheduleRetention(db: Database, periodDays: number): void {
  if (globalStore.__roadsKillRetentionTimer !== undefined) return;
  void runRetentionAndLog(db, periodDays);
  globalStore.__roadsKillRetentionTimer = setInterval(() => void runRetentionAndLog(db, periodDays), DAY_MS).unref();
}
