import { describe, expect, it } from 'vitest';
import { REPORT_SETTLE_MS, closingTime, reportRelease } from './class-report-release';

const at = (time: string) => new Date(`2026-03-02T${time}Z`);
const kept = { retentionStarted: false };

describe('reportRelease', () => {
  it('holds a live session’s figures back, with no time, until the teacher ends it', () => {
    expect(reportRelease({ status: 'open', closedAt: null, closesAt: null }, at('10:30:00'), kept)).toEqual({ kind: 'held', at: null });
  });

  it('shows them a minute after the end, final from then on, counting what had arrived by then', () => {
    const ended = { status: 'closed' as const, closedAt: at('10:50:00'), closesAt: null };
    expect(reportRelease(ended, at('10:50:30'), kept)).toEqual({ kind: 'held', at: at('10:51:00') });
    expect(reportRelease(ended, at('10:51:00'), kept)).toEqual({ kind: 'final', cutoff: at('10:51:00') });
    // Days later: the same cutoff, so an answer received since changes nothing.
    expect(reportRelease(ended, new Date('2026-05-01T09:00:00Z'), kept)).toEqual({ kind: 'final', cutoff: at('10:51:00') });
    expect(REPORT_SETTLE_MS).toBe(60_000);
  });

  it('holds a self-paced session back until its closing time has passed, or until it is ended early', () => {
    const selfPaced = { status: 'open' as const, closedAt: null, closesAt: at('17:00:00') };
    expect(reportRelease(selfPaced, at('16:59:00'), kept)).toEqual({ kind: 'held', at: at('17:01:00') });
    // The closing time passes without anyone ending it: it closes by itself.
    expect(reportRelease(selfPaced, at('17:01:00'), kept)).toEqual({ kind: 'final', cutoff: at('17:01:00') });
    const endedEarly = { status: 'closed' as const, closedAt: at('12:00:00'), closesAt: at('17:00:00') };
    expect(closingTime(endedEarly)).toEqual(at('12:00:00'));
    expect(reportRelease(endedEarly, at('12:05:00'), kept)).toEqual({ kind: 'final', cutoff: at('12:01:00') });
  });

  it('is gone once the retention job has deleted some of the session’s answers', () => {
    const ended = { status: 'closed' as const, closedAt: at('10:50:00'), closesAt: null };
    expect(reportRelease(ended, at('11:00:00'), { retentionStarted: true })).toEqual({ kind: 'gone' });
  });
});
