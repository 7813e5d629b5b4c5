/**
 * When a class session is open, and why it closed (docs/decisions/016-session-lifecycle.md). Pure.
 *
 * A session closes in one of three ways: its teacher ends it; a live session sits with no
 * teacher command, no join and no answer for the idle period (a teacher who walked away from the
 * projector must not leave it open for days); a self-paced session reaches the closing time its
 * teacher set. The two automatic ones are written down lazily, by whoever reads the session
 * first after the moment (lib/server/session-lifecycle.ts), with the moment itself as the
 * closing time, so it does not matter when that read happens.
 */
import type { ClassSessionClosedReason, ClassSessionMode, ClassSessionStatus } from '@/lib/db/schema';

export interface SessionTimes {
  mode: ClassSessionMode;
  status: ClassSessionStatus;
  closesAt: Date | null;
  lastActivityAt: Date;
}

/** What a page needs to say whether a session is open, opening later, or closed and why. */
export interface SessionLifecycle {
  status: ClassSessionStatus;
  closesAt: Date | null;
  closedAt: Date | null;
  closedReason: ClassSessionClosedReason | null;
  opensAt: Date | null;
}

/** The default idle period of a live session: longer than a double lesson with a break. */
export const DEFAULT_LIVE_IDLE_MINUTES = 90;

/** A closing the session is due, found from its row alone; a live one still has to look at its answers. */
export type DueClosing = { reason: Exclude<ClassSessionClosedReason, 'teacher'>; at: Date };

/**
 * The automatic closing that is due at `now`, judged from the row: the closing time of a
 * self-paced session, or the end of a live session's idle period counted from `lastActivity`
 * (the row's, or a later join or answer the caller found). Null while the session stays open.
 */
export function dueClosing(session: SessionTimes, now: Date, idleMs: number, lastActivity: Date = session.lastActivityAt): DueClosing | null {
  if (session.status === 'closed') return null;
  if (session.mode === 'self_paced') {
    return session.closesAt !== null && session.closesAt.getTime() <= now.getTime() ? { reason: 'time', at: session.closesAt } : null;
  }
  const idleUntil = new Date(Math.max(lastActivity.getTime(), session.lastActivityAt.getTime()) + idleMs);
  return idleUntil.getTime() <= now.getTime() ? { reason: 'inactive', at: idleUntil } : null;
}

/**
 * A session is closed once its teacher ends it or its closing time has passed. An idle live
 * session counts as closed only once a read has written it down: until then an answer or a
 * join it has not yet seen may have kept it open.
 */
export function isClosed(session: { status: ClassSessionStatus; closesAt: Date | null }, now: Date): boolean {
  return session.status === 'closed' || (session.closesAt !== null && session.closesAt.getTime() <= now.getTime());
}

/** Why a closed session closed, for rows from before reasons were kept and a closing time just passed. */
export function closedReasonOf(
  session: { status: ClassSessionStatus; closesAt: Date | null; closedReason: ClassSessionClosedReason | null },
  now: Date,
): ClassSessionClosedReason | null {
  if (session.closedReason !== null) return session.closedReason;
  if (session.status === 'closed') return 'teacher';
  return isClosed(session, now) ? 'time' : null;
}

/** A scheduled follow-up that phones cannot join yet. */
export function notOpenYet(session: { opensAt: Date | null }, now: Date): boolean {
  return session.opensAt !== null && session.opensAt.getTime() > now.getTime();
}

/** The furthest ahead a follow-up may be planned: a school year's worth of weeks. */
export const MAX_FOLLOW_UP_DAYS = 182;

export type OpeningProblem = 'opensOnPast' | 'opensOnTooFar' | 'closesAtBeforeOpens';

/**
 * A planned follow-up's opening day against the clock and its closing time. `opensAt` is the
 * start of the day the teacher chose, in their time zone (`timezoneOffset`, as the browser's
 * Date.getTimezoneOffset()); today is allowed and means at once.
 */
export function checkOpening(
  { opensAt, closesAt }: { opensAt: Date; closesAt: Date | null },
  now: Date,
  timezoneOffset: number,
): OpeningProblem | null {
  const offsetMs = timezoneOffset * 60_000;
  const startOfToday = Math.floor((now.getTime() - offsetMs) / 86_400_000) * 86_400_000 + offsetMs;
  if (opensAt.getTime() < startOfToday) return 'opensOnPast';
  if (opensAt.getTime() > now.getTime() + MAX_FOLLOW_UP_DAYS * 86_400_000) return 'opensOnTooFar';
  if (closesAt !== null && closesAt.getTime() <= opensAt.getTime()) return 'closesAtBeforeOpens';
  return null;
}
