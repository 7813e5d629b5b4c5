import { describe, expect, it } from 'vitest';
import { checkOpening, closedReasonOf, dueClosing, notOpenYet, type SessionTimes } from './session-lifecycle';

const at = (time: string) => new Date(`2026-11-27T${time}Z`);
const IDLE = 90 * 60_000;
const live: SessionTimes = { mode: 'live', status: 'open', closesAt: null, lastActivityAt: at('10:00:00') };

describe('dueClosing', () => {
  it('closes a live session at the end of its idle period, counted from its latest activity', () => {
    expect(dueClosing(live, at('11:29:59'), IDLE)).toBeNull();
    expect(dueClosing(live, at('11:30:00'), IDLE)).toEqual({ reason: 'inactive', at: at('11:30:00') });
    // An answer at 11:00 the row did not know of moves the end to 12:30.
    expect(dueClosing(live, at('12:00:00'), IDLE, at('11:00:00'))).toBeNull();
    expect(dueClosing(live, at('13:00:00'), IDLE, at('11:00:00'))).toEqual({ reason: 'inactive', at: at('12:30:00') });
  });

  it('closes a self-paced session at its closing time, never for being idle, and a closed one never again', () => {
    const selfPaced: SessionTimes = { mode: 'self_paced', status: 'open', closesAt: at('15:30:00'), lastActivityAt: at('08:00:00') };
    expect(dueClosing(selfPaced, at('15:00:00'), IDLE)).toBeNull();
    expect(dueClosing(selfPaced, at('18:00:00'), IDLE)).toEqual({ reason: 'time', at: at('15:30:00') });
    expect(dueClosing({ ...live, status: 'closed' }, at('23:00:00'), IDLE)).toBeNull();
  });
});

describe('closedReasonOf and notOpenYet', () => {
  it('reads a reason, and for rows without one: ended means the teacher, a passed closing time the time', () => {
    expect(closedReasonOf({ status: 'closed', closesAt: null, closedReason: 'inactive' }, at('12:00:00'))).toBe('inactive');
    expect(closedReasonOf({ status: 'closed', closesAt: null, closedReason: null }, at('12:00:00'))).toBe('teacher');
    expect(closedReasonOf({ status: 'open', closesAt: at('11:00:00'), closedReason: null }, at('12:00:00'))).toBe('time');
    expect(closedReasonOf({ status: 'open', closesAt: at('13:00:00'), closedReason: null }, at('12:00:00'))).toBeNull();
  });

  it('keeps a follow-up shut until its opening moment', () => {
    expect(notOpenYet({ opensAt: at('12:00:00') }, at('11:59:59'))).toBe(true);
    expect(notOpenYet({ opensAt: at('12:00:00') }, at('12:00:00'))).toBe(false);
    expect(notOpenYet({ opensAt: null }, at('12:00:00'))).toBe(false);
  });
});

describe('checkOpening', () => {
  // 27 November, 00:30 in London is 26 November in a browser at UTC−5 (offset +300).
  const now = at('00:30:00');
  it('takes today in the teacher’s time zone and later days, and refuses yesterday', () => {
    expect(checkOpening({ opensAt: at('00:00:00'), closesAt: null }, now, 0)).toBeNull();
    expect(checkOpening({ opensAt: new Date('2026-11-26T00:00:00Z'), closesAt: null }, now, 0)).toBe('opensOnPast');
    // At UTC−5 it is still the 26th: the 26th (05:00 UTC) is today there.
    expect(checkOpening({ opensAt: new Date('2026-11-26T05:00:00Z'), closesAt: null }, now, 300)).toBeNull();
    expect(checkOpening({ opensAt: new Date('2026-11-25T05:00:00Z'), closesAt: null }, now, 300)).toBe('opensOnPast');
  });

  it('refuses a day more than 26 weeks ahead, and a closing time not after the opening', () => {
    expect(checkOpening({ opensAt: new Date('2027-06-01T00:00:00Z'), closesAt: null }, now, 0)).toBe('opensOnTooFar');
    const opensAt = new Date('2026-12-15T00:00:00Z');
    expect(checkOpening({ opensAt, closesAt: new Date('2026-12-14T17:00:00Z') }, now, 0)).toBe('closesAtBeforeOpens');
    expect(checkOpening({ opensAt, closesAt: new Date('2026-12-22T17:00:00Z') }, now, 0)).toBeNull();
  });
});
