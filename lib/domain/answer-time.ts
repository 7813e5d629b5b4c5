/**
 * When an answer was given, and whether that time is believable. A device stamps each answer
 * with its own clock (`answeredAt`) and each batch with the time it was sent (`sentAt`), so
 * the server can correct a phone whose clock is wrong by the difference between the two. The
 * corrected time must then fall in a plausible window, and a closed session takes late answers
 * only for a stated grace period: otherwise a backdated answer could reach any closed session.
 * The figures are stated in SECURITY.md ("Answer times").
 */

/** How far a device's time may run ahead of the server's, after correction (network delay, drift). */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * How long after a class session closed it still takes answers given before the close: a phone
 * that went offline in the lesson and reconnects that evening or the next morning.
 */
export const LATE_GRACE_MS = 24 * 60 * 60_000;

/**
 * A student on their own has no session to bound the time: no answer is older than the
 * module's first release.
 */
export const EARLIEST_ANSWER_AT = new Date('2025-01-01T00:00:00Z');

export type AnswerTimeProblem = 'answered_before_open' | 'answered_in_future';

/**
 * The device's clock error, measured when the batch was sent: how far the server's clock is
 * ahead of the device's. Zero when the device sent no `sentAt` (an older client).
 */
export function clockOffsetMs(sentAt: string | undefined, receivedAt: Date): number {
  if (sentAt === undefined) return 0;
  const sent = Date.parse(sentAt);
  return Number.isFinite(sent) ? receivedAt.getTime() - sent : 0;
}

/** The answer's time on the server's clock; null when the stamp can't be read as a date. */
export function correctedAnswerTime(answeredAt: string, offsetMs: number): Date | null {
  const at = Date.parse(answeredAt) + offsetMs;
  // Postgres and PGlite keep years 4713 BC to 294276 AD; a JS Date keeps ±275,760 years.
  return Number.isFinite(at) && Math.abs(at) <= 8.64e15 ? new Date(at) : null;
}

export interface AnswerWindow {
  /** The earliest believable time: the session's opening (or creation), or the module's release. */
  from: Date;
  /** The latest: the moment of receipt plus the allowed skew. */
  to: Date;
}

/** The window an answer's corrected time must fall in. */
export function answerWindow(receivedAt: Date, session: { opensAt: Date | null; createdAt: Date } | null): AnswerWindow {
  const opened = session ? (session.opensAt ?? session.createdAt) : null;
  return {
    from: opened ? new Date(opened.getTime() - CLOCK_SKEW_MS) : EARLIEST_ANSWER_AT,
    to: new Date(receivedAt.getTime() + CLOCK_SKEW_MS),
  };
}

/** Null when the time is plausible, else why not. */
export function checkAnswerTime(at: Date | null, window: AnswerWindow): AnswerTimeProblem | null {
  if (at === null || at < window.from) return 'answered_before_open';
  if (at > window.to) return 'answered_in_future';
  return null;
}

/**
 * Whether a closed session still takes an answer given at `at`: only one given before the
 * close, and only while the grace period after the close lasts. An open session (no close)
 * takes every answer.
 */
export function takenBySession(at: Date, closedAt: Date | null, receivedAt: Date): boolean {
  if (closedAt === null) return true;
  return at <= closedAt && receivedAt.getTime() <= closedAt.getTime() + LATE_GRACE_MS;
}
