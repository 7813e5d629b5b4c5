/**
 * The self-paced session the class report's attacker tests report on
 * (tests/unit/report-refresh-attack.test.ts and report-final-attack*.test.ts): open from 09:00 to
 * its closing time at 17:00 on one day.
 */
import type { ReportSession } from '@/lib/domain/class-report';

export const OPENED = new Date('2026-03-02T09:00:00Z');
export const CLOSES = new Date('2026-03-02T17:00:00Z');

/** The session as it stands at `now`: open before its closing time, closed from then on. */
export const reportSession = (now: Date): ReportSession => ({
  id: 'session',
  joinCode: 'KXT4PM',
  mode: 'self_paced',
  beforeAfter: true,
  followUp: false,
  status: now.getTime() >= CLOSES.getTime() ? 'closed' : 'open',
  createdAt: OPENED,
  closedAt: null,
  closesAt: CLOSES,
});
