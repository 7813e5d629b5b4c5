import { describe, expect, it } from 'vitest';
import {
  CLOCK_SKEW_MS,
  EARLIEST_ANSWER_AT,
  LATE_GRACE_MS,
  answerWindow,
  checkAnswerTime,
  clockOffsetMs,
  correctedAnswerTime,
  takenBySession,
} from './answer-time';

const RECEIVED = new Date('2026-11-27T10:00:00Z');
const minutes = (m: number) => new Date(RECEIVED.getTime() + m * 60_000);

describe('answer times', () => {
  it("corrects a device clock by the difference between its send time and the server's", () => {
    // The phone's clock is 3 hours fast: it says it sent at 13:00 when the server got it at 10:00.
    const offset = clockOffsetMs('2026-11-27T13:00:00Z', RECEIVED);
    expect(offset).toBe(-3 * 3_600_000);
    expect(correctedAnswerTime('2026-11-27T12:58:00Z', offset)?.toISOString()).toBe('2026-11-27T09:58:00.000Z');
  });

  it('leaves the time alone when the device sent no send time', () => {
    expect(clockOffsetMs(undefined, RECEIVED)).toBe(0);
    expect(correctedAnswerTime('2026-11-27T09:58:00Z', 0)?.toISOString()).toBe('2026-11-27T09:58:00.000Z');
  });

  it('bounds a class answer by the session opening and the receipt, each with the skew allowed', () => {
    const window = answerWindow(RECEIVED, { opensAt: null, createdAt: minutes(-60) });
    expect(window.from.getTime()).toBe(minutes(-60).getTime() - CLOCK_SKEW_MS);
    expect(window.to.getTime()).toBe(RECEIVED.getTime() + CLOCK_SKEW_MS);
    expect(checkAnswerTime(minutes(-64), window)).toBeNull();
    expect(checkAnswerTime(minutes(-66), window)).toBe('answered_before_open');
    expect(checkAnswerTime(minutes(4), window)).toBeNull();
    expect(checkAnswerTime(minutes(6), window)).toBe('answered_in_future');
  });

  it('uses the scheduled opening of a follow-up rather than when it was planned', () => {
    const window = answerWindow(RECEIVED, { opensAt: minutes(-10), createdAt: minutes(-60 * 24 * 30) });
    expect(checkAnswerTime(minutes(-20), window)).toBe('answered_before_open');
  });

  it('refuses year 0, 1970 and 9999 for a student on their own', () => {
    const window = answerWindow(RECEIVED, null);
    expect(window.from).toEqual(EARLIEST_ANSWER_AT);
    for (const stamp of ['0000-01-01T00:00:00Z', '1970-01-01T00:00:00Z']) {
      expect(checkAnswerTime(correctedAnswerTime(stamp, 0), window)).toBe('answered_before_open');
    }
    expect(checkAnswerTime(correctedAnswerTime('9999-12-31T23:59:59Z', 0), window)).toBe('answered_in_future');
    expect(checkAnswerTime(correctedAnswerTime('2025-06-01T00:00:00Z', 0), window)).toBeNull();
  });

  it('lets a closed session take an answer given before its close only during the grace period', () => {
    const closed = minutes(-60);
    expect(takenBySession(minutes(-61), closed, RECEIVED)).toBe(true);
    expect(takenBySession(minutes(-59), closed, RECEIVED)).toBe(false);
    expect(takenBySession(minutes(-61), closed, new Date(closed.getTime() + LATE_GRACE_MS))).toBe(true);
    expect(takenBySession(minutes(-61), closed, new Date(closed.getTime() + LATE_GRACE_MS + 1))).toBe(false);
    expect(takenBySession(minutes(-61), null, RECEIVED)).toBe(true);
  });
});
