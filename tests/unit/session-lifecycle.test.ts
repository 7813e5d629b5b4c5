import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { answers, classSessions, organisations, participants, staffUsers } from '@/lib/db/schema';
import { submitAnswers } from '@/lib/server/answers';
import {
  applyLiveCommand,
  createClassSession,
  findClassSession,
  joinClassSession,
  listClassSessions,
  sessionState,
  type NewClassSession,
} from '@/lib/server/class-sessions';
import { closeDueSessions, closeIfDue } from '@/lib/server/session-lifecycle';
import { runRetention } from '@/lib/server/retention';
import { setUpTestDatabase, testEngines } from './db-engines';
import { makeAnswer, TEST_CONTENT_VERSION, testStructure } from './test-module';

const NOW = new Date('2026-11-27T10:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const IDLE_MS = 90 * 60_000;

describe.each(testEngines)('sessions closing by themselves on $name', (engine) => {
  const db = setUpTestDatabase(engine);

  async function newSession(overrides: Partial<NewClassSession> = {}) {
    const [organisation] = await db()
      .insert(organisations)
      .values({ name: `College ${randomUUID()}`, kind: 'college', area: 'North Somerset' })
      .returning();
    const [teacher] = await db()
      .insert(staffUsers)
      .values({ email: `${randomUUID()}@school.example`, displayName: 'T', role: 'teacher', organisationId: organisation?.id, passwordHash: 'x' })
      .returning();
    if (!organisation || !teacher) throw new Error('seed failed');
    const session = await createClassSession(db(), {
      moduleId: 'test-module',
      contentVersion: TEST_CONTENT_VERSION,
      organisationId: organisation.id,
      hostId: teacher.id,
      mode: 'live',
      beforeAfter: false,
      closesAt: null,
      ...overrides,
    });
    // The session started at NOW, whatever the clock of the machine running the tests.
    const [row] = await db().update(classSessions).set({ createdAt: NOW, lastActivityAt: NOW }).where(eq(classSessions.id, session.id)).returning();
    if (!row) throw new Error('seed failed');
    return { session: row, teacher: { id: teacher.id, role: 'teacher' as const, organisationId: organisation.id } };
  }

  async function joinAt(joinCode: string, at: Date): Promise<string> {
    const participantId = randomUUID();
    const joined = await joinClassSession(db(), { joinCode, participantId, locale: 'en-GB' }, at);
    expect(joined).toMatchObject({ ok: true, created: true });
    await db().update(participants).set({ createdAt: at }).where(eq(participants.id, participantId));
    return participantId;
  }

  it('closes a live session once 90 minutes pass with no command, join or answer, at the end of those 90 minutes', async () => {
    const { session } = await newSession();
    await applyLiveCommand(db(), session.id, { command: 'go-to-step', step: 2 }, 10, later(5));
    // 89 minutes after the teacher's last command: still open, and nothing written.
    expect((await findClassSession(db(), session.id, later(94)))?.status).toBe('open');
    const closed = await findClassSession(db(), session.id, later(200));
    expect(closed).toMatchObject({ status: 'closed', closedReason: 'inactive', closedAt: later(95) });
    expect(closed && sessionState(closed, later(200))).toMatchObject({ status: 'closed', closedReason: 'inactive', closedAt: later(95).toISOString() });
    // The teacher who comes back is told the session has closed, and the row keeps the first closing.
    expect(await applyLiveCommand(db(), session.id, { command: 'go-to-step', step: 3 }, 10, later(201))).toEqual({ ok: false, error: 'session_closed' });
    expect(await findClassSession(db(), session.id, later(300))).toMatchObject({ closedAt: later(95), closedReason: 'inactive' });
  });

  it('counts joins and answers as activity, and learns of them so the next reads skip the check', async () => {
    const { session } = await newSession();
    const participantId = await joinAt(session.joinCode, later(60));
    const stored = await submitAnswers(db(), testStructure, TEST_CONTENT_VERSION, {
      participantId,
      answers: [makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['right'] }, answeredAt: later(120).toISOString() })],
    }, later(120));
    expect(stored).toMatchObject({ ok: true, stored: 1 });
    await db().update(answers).set({ receivedAt: later(120) }).where(eq(answers.participantId, participantId));
    // 90 minutes after the teacher's start but 30 after the answer: open, and the row now says 120.
    const open = await findClassSession(db(), session.id, later(150));
    expect(open).toMatchObject({ status: 'open', lastActivityAt: later(120) });
    expect(await findClassSession(db(), session.id, later(211))).toMatchObject({ status: 'closed', closedReason: 'inactive', closedAt: later(210) });
  });

  it('closes exactly once however many reads race, and only the first says it closed it', async () => {
    const { session } = await newSession();
    const results = await Promise.all(Array.from({ length: 8 }, () => closeIfDue(db(), session, later(100), IDLE_MS)));
    expect(results.filter((r) => r.closedNow)).toHaveLength(1);
    expect(results.every((r) => r.session.status === 'closed' && r.session.closedAt?.getTime() === later(90).getTime())).toBe(true);
    expect((await closeIfDue(db(), session, later(500), IDLE_MS)).closedNow).toBe(false);
  });

  it('refuses answers given after the idle closing, and keeps those given before', async () => {
    const { session } = await newSession();
    const participantId = await joinAt(session.joinCode, later(1));
    // The phone went offline at minute 30 and sends its queue two hours later.
    const inTime = makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['right'] }, answeredAt: later(30).toISOString() });
    const late = makeAnswer({ itemId: 'q-tf', response: { kind: 'choice', optionIds: ['true'] }, answeredAt: later(100).toISOString() });
    const result = await submitAnswers(db(), testStructure, TEST_CONTENT_VERSION, { participantId, answers: [inTime, late] }, later(150));
    expect(result).toMatchObject({ ok: true, stored: 1, receipts: [{ id: inTime.id, status: 'stored' }, { id: late.id, status: 'session_closed' }] });
  });

  it('records a self-paced session reaching its time as closed at that time, for the time', async () => {
    const { session } = await newSession({ mode: 'self_paced', closesAt: later(45) });
    // Never idle-closed: a self-paced class works at its own speed.
    expect((await findClassSession(db(), session.id, later(44)))?.status).toBe('open');
    const closed = await findClassSession(db(), session.id, later(46));
    expect(closed).toMatchObject({ status: 'closed', closedReason: 'time', closedAt: later(45) });
    expect(closed && sessionState(closed, later(46))).toMatchObject({ closedReason: 'time', closedAt: later(45).toISOString() });
  });

  it('says the teacher closed a session the teacher ended, before its time', async () => {
    const { session } = await newSession({ mode: 'self_paced', closesAt: later(45) });
    const ended = await applyLiveCommand(db(), session.id, { command: 'end' }, 10, later(20));
    expect(ended.ok && ended.session).toMatchObject({ status: 'closed', closedReason: 'teacher', closedAt: later(20) });
    expect(await findClassSession(db(), session.id, later(60))).toMatchObject({ closedReason: 'teacher', closedAt: later(20) });
  });

  it('closes what no one read from the retention job, and lists closed sessions with their reason', async () => {
    const idle = await newSession();
    const timed = await newSession({ mode: 'self_paced', closesAt: later(30) });
    const busy = await newSession();
    await applyLiveCommand(db(), busy.session.id, { command: 'go-to-step', step: 1 }, 10, later(80));
    expect(await closeDueSessions(db(), later(120), IDLE_MS)).toBe(2);
    const rows = await db().select().from(classSessions);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(idle.session.id)).toMatchObject({ status: 'closed', closedReason: 'inactive', closedAt: later(90) });
    expect(byId.get(timed.session.id)).toMatchObject({ status: 'closed', closedReason: 'time', closedAt: later(30) });
    expect(byId.get(busy.session.id)?.status).toBe('open');
    // The retention job's run a day later closes the busy one too, once.
    const run = await runRetention(db(), { now: later(24 * 60), periodDays: 730, structure: testStructure, liveIdleMs: IDLE_MS });
    expect(run).toMatchObject({ ran: true, sessionsClosed: 1 });
    expect(await runRetention(db(), { now: later(24 * 60 + 5), periodDays: 730, structure: testStructure, liveIdleMs: IDLE_MS })).toMatchObject({ sessionsClosed: 0 });
    const [listed] = await listClassSessions(db(), busy.teacher, 50, later(24 * 60));
    expect(listed?.session).toMatchObject({ status: 'closed', closedReason: 'inactive', closedAt: later(170) });
  });

  it('keeps a scheduled follow-up shut to phones until it opens', async () => {
    const { session } = await newSession({ mode: 'self_paced', closesAt: later(3 * 24 * 60), opensAt: later(24 * 60) });
    expect(await joinClassSession(db(), { joinCode: session.joinCode, participantId: randomUUID(), locale: 'en-GB' }, later(60))).toEqual({
      ok: false,
      error: 'not_open_yet',
      opensAt: later(24 * 60),
    });
    expect(sessionState(session, later(60)).opensAt).toBe(later(24 * 60).toISOString());
    expect(await joinClassSession(db(), { joinCode: session.joinCode, participantId: randomUUID(), locale: 'en-GB' }, later(24 * 60))).toMatchObject({
      ok: true,
      created: true,
    });
    expect(sessionState(session, later(24 * 60)).opensAt).toBeNull();
    expect(await db().select().from(participants).where(eq(participants.classSessionId, session.id))).toHaveLength(1);
  });
});
