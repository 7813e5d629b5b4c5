/**
 * When a class report shows its figures (docs/decisions/013-class-reports.md). Pure.
 *
 * A report that changed as each student finished would give away the last finisher's answers:
 * two reports a student apart differ by exactly that student. So a report shows nothing while
 * its session takes answers, and its figures once, when the session has closed: they are final,
 * and counted only from what had arrived by then, so a phone that sends its queue days later
 * changes nothing. When the retention job has deleted some of the session's answers, the report
 * is gone rather than smaller (a report that shrank would differ by the answers deleted).
 */
import type { ClassSessionStatus } from '@/lib/db/schema';

/**
 * How long after a session stops taking answers the report waits for answers still on their
 * way: a phone that lost the network retries at most every 30 seconds
 * (components/player/sync.ts), so a minute covers two tries.
 */
export const REPORT_SETTLE_MS = 60_000;

export interface ReleasableSession {
  status: ClassSessionStatus;
  closedAt: Date | null;
  closesAt: Date | null;
}

export type ReportRelease =
  /** Figures held back. `at`: when they appear; null while a live session has no end set. */
  | { kind: 'held'; at: Date | null }
  /** Figures shown, final: only participants who joined and answers received by `cutoff` count. */
  | { kind: 'final'; cutoff: Date | null }
  /** Raw answers deleted after the retention period: no class report any more. */
  | { kind: 'gone' };

/** When a session stopped (or will stop) taking answers: ended by the teacher, or its closing time. */
export function closingTime(session: Pick<ReleasableSession, 'closedAt' | 'closesAt'>): Date | null {
  const times = [session.closedAt, session.closesAt].filter((t): t is Date => t !== null);
  return times.length === 0 ? null : new Date(Math.min(...times.map((t) => t.getTime())));
}

/**
 * Where a session's report stands at `now`. `retentionStarted`: the retention job has deleted
 * some of its raw answers (its summary is frozen).
 */
export function reportRelease(session: ReleasableSession, now: Date, { retentionStarted }: { retentionStarted: boolean }): ReportRelease {
  if (retentionStarted) return { kind: 'gone' };
  const closing = closingTime(session);
  // Ended without a time can't happen through the app (ending sets closedAt); such a session
  // takes no answers, so all it has is final.
  if (closing === null) return session.status === 'closed' ? { kind: 'final', cutoff: null } : { kind: 'held', at: null };
  const release = new Date(closing.getTime() + REPORT_SETTLE_MS);
  return now.getTime() < release.getTime() ? { kind: 'held', at: release } : { kind: 'final', cutoff: release };
}
