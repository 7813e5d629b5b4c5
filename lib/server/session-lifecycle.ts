import 'server-only';
import { and, eq, isNotNull, lt, lte, max, or } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { answers, classSessions, participants, type ClassSessionRow } from '@/lib/db/schema';
import { dueClosing } from '@/lib/domain/session-lifecycle';
import { env } from '@/lib/env';
import { sessionNow } from './clock';

/**
 * Closing sessions that close by themselves (lib/domain/session-lifecycle.ts), with no scheduler:
 * the first read of a session after its moment writes the closing down, and the daily retention
 * job closes whatever nobody read. The closing is one conditional UPDATE (`status = 'open'`), so
 * however many reads race, a session closes once, with the moment as its closing time.
 */

/** The idle period of a live session, in milliseconds (LIVE_SESSION_IDLE_MINUTES). */
export function liveIdleMs(): number {
  return env.LIVE_SESSION_IDLE_MINUTES * 60_000;
}

/** The latest join or answer received in a session, if any: activity the row doesn't record by itself. */
async function latestClassActivity(db: Database, classSessionId: string): Promise<Date | null> {
  const [joined] = await db
    .select({ at: max(participants.createdAt) })
    .from(participants)
    .where(eq(participants.classSessionId, classSessionId));
  const [answered] = await db
    .select({ at: max(answers.receivedAt) })
    .from(answers)
    .innerJoin(participants, eq(participants.id, answers.participantId))
    .where(eq(participants.classSessionId, classSessionId));
  const times = [joined?.at, answered?.at].filter((t): t is Date => t instanceof Date);
  return times.length === 0 ? null : new Date(Math.max(...times.map((t) => t.getTime())));
}

/**
 * The session as it stands at `now`, with a closing that fell due written down first. A live
 * session whose row looks idle is checked against its joins and answers: if the class was still
 * active, the row learns the later time instead, so the next reads skip the check.
 */
export async function settleClosing(db: Database, session: ClassSessionRow, now: Date, idleMs: number = liveIdleMs()): Promise<ClassSessionRow> {
  return (await closeIfDue(db, session, now, idleMs)).session;
}

/** settleClosing, also saying whether this call was the one that closed the session. */
export async function closeIfDue(
  db: Database,
  session: ClassSessionRow,
  now: Date,
  idleMs: number = liveIdleMs(),
): Promise<{ session: ClassSessionRow; closedNow: boolean }> {
  // The session's own clock: the server's, except where an end-to-end test moved it on (clock.ts).
  now = sessionNow(session.id, now);
  const unchanged = { session, closedNow: false };
  if (dueClosing(session, now, idleMs) === null) return unchanged;
  const activity = session.mode === 'live' ? await latestClassActivity(db, session.id) : null;
  const due = dueClosing(session, now, idleMs, activity ?? session.lastActivityAt);
  if (due === null) {
    if (activity === null) return unchanged;
    const [touched] = await db
      .update(classSessions)
      .set({ lastActivityAt: activity })
      .where(and(eq(classSessions.id, session.id), lt(classSessions.lastActivityAt, activity)))
      .returning();
    return { session: touched ?? session, closedNow: false };
  }
  const [closed] = await db
    .update(classSessions)
    .set({ status: 'closed', closedAt: due.at, closedReason: due.reason })
    // A teacher's command since the row was read keeps the session open.
    .where(and(eq(classSessions.id, session.id), eq(classSessions.status, 'open'), lte(classSessions.lastActivityAt, session.lastActivityAt)))
    .returning();
  if (closed) return { session: closed, closedNow: true };
  // Someone else closed it (or the teacher acted) in the meantime: read what they wrote.
  const [current] = await db.select().from(classSessions).where(eq(classSessions.id, session.id)).limit(1);
  return { session: current ?? session, closedNow: false };
}

/**
 * Closes every session whose closing fell due and that no one has read since: for the daily
 * retention job, so a session list and the officers' results never wait on a read. Returns how
 * many it closed.
 */
export async function closeDueSessions(db: Database, now: Date, idleMs: number = liveIdleMs()): Promise<number> {
  const candidates = await db
    .select()
    .from(classSessions)
    .where(
      and(
        eq(classSessions.status, 'open'),
        or(
          and(eq(classSessions.mode, 'self_paced'), isNotNull(classSessions.closesAt), lte(classSessions.closesAt, now)),
          and(eq(classSessions.mode, 'live'), lte(classSessions.lastActivityAt, new Date(now.getTime() - idleMs))),
        ),
      ),
    );
  let closed = 0;
  for (const session of candidates) if ((await closeIfDue(db, session, now, idleMs)).closedNow) closed += 1;
  return closed;
}
