import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { answers, classSessions, organisations, participants, staffUsers } from '@/lib/db/schema';
import { submitAnswers } from '@/lib/server/answers';
import {
  applyLiveCommand,
  classCounts,
  classResponses,
  createClassSession,
  findClassSessionByCode,
  joinClassSession,
  listClassSessions,
  sessionState,
  type NewClassSession,
} from '@/lib/server/class-sessions';
import { useDatabaseForTests } from '@/lib/db/client';
import { lookUpJoinCode } from '@/lib/server/class-session-access';
import { createMemoryRateLimitStore, createRateLimits } from '@/lib/server/rate-limit';
import { setUpTestDatabase, testEngines } from './db-engines';
import { makeAnswer, TEST_CONTENT_VERSION, testStructure } from './test-module';

const NOW = new Date('2026-11-27T10:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe.each(testEngines)('class sessions on $name', (engine) => {
  const db = setUpTestDatabase(engine);

  async function organisationWithTeacher(): Promise<{ organisationId: string; teacherId: string }> {
    const [organisation] = await db()
      .insert(organisations)
      .values({ name: `College ${randomUUID()}`, kind: 'college', area: 'North Somerset' })
      .returning();
    const [teacher] = await db()
      .insert(staffUsers)
      .values({ email: `${randomUUID()}@school.example`, displayName: 'T', role: 'teacher', organisationId: organisation?.id, passwordHash: 'x' })
      .returning();
    if (!organisation || !teacher) throw new Error('seed failed');
    return { organisationId: organisation.id, teacherId: teacher.id };
  }

  /** A session made at a given time: answers are judged against when their session opened. */
  async function sessionMadeAt(at: Date) {
    const session = await newSession();
    await db().update(classSessions).set({ createdAt: at }).where(eq(classSessions.id, session.id));
    return session;
  }

  async function newSession(overrides: Partial<NewClassSession> = {}) {
    const { organisationId, teacherId } = await organisationWithTeacher();
    return createClassSession(db(), {
      moduleId: 'test-module',
      contentVersion: TEST_CONTENT_VERSION,
      organisationId,
      hostId: teacherId,
      mode: 'live',
      beforeAfter: true,
      closesAt: null,
      ...overrides,
    });
  }

  it('gives each session a join code, and tries again when a code is taken', async () => {
    const first = await newSession();
    expect(first.joinCode).toMatch(/^[A-Z2-9]{6}$/);
    // Randomness that repeats the first code once, then moves on: the clash is retried, not stored twice.
    const { organisationId, teacherId } = await organisationWithTeacher();
    const taken = Uint8Array.from([...first.joinCode].map((c) => 'ABCDEFGHJKMNPQRSTUWXYZ23456789'.indexOf(c)));
    const fresh = Uint8Array.from([0, 0, 0, 0, 0, 1]);
    const draws = [taken, fresh];
    const second = await createClassSession(
      db(),
      { moduleId: 'm', contentVersion: TEST_CONTENT_VERSION, organisationId, hostId: teacherId, mode: 'live', beforeAfter: false, closesAt: null },
      () => draws.shift() ?? fresh,
    );
    expect(second.joinCode).toBe('AAAAAB');
    expect((await findClassSessionByCode(db(), 'AAAAAB'))?.id).toBe(second.id);
  });

  it('lets a device join once, whatever it retries, and keeps it to one session', async () => {
    const session = await newSession();
    const other = await newSession();
    const participantId = randomUUID();
    const join = (joinCode: string) => joinClassSession(db(), { joinCode, participantId, locale: 'pl' }, NOW);
    expect(await join(session.joinCode)).toMatchObject({ ok: true, created: true });
    expect(await join(session.joinCode)).toMatchObject({ ok: true, created: false });
    expect(await join(other.joinCode)).toEqual({ ok: false, error: 'participant_conflict' });
    expect(await join('ZZZZZZ')).toEqual({ ok: false, error: 'unknown_session' });
    const rows = await db().select().from(participants).where(eq(participants.id, participantId));
    expect(rows.map((r) => [r.classSessionId, r.locale])).toEqual([[session.id, 'pl']]);
  });

  it('applies the teacher’s commands and refuses a step past the end or a closed session', async () => {
    const session = await newSession();
    const go = await applyLiveCommand(db(), session.id, { command: 'go-to-step', step: 3 }, 10, NOW);
    expect(go.ok && sessionState(go.session, NOW)).toMatchObject({ status: 'open', liveStep: 3, revealedStep: null });
    const reveal = await applyLiveCommand(db(), session.id, { command: 'reveal', step: 3 }, 10, NOW);
    expect(reveal.ok && reveal.session.revealedStep).toBe(3);
    // Moving on hides the reveal.
    const next = await applyLiveCommand(db(), session.id, { command: 'go-to-step', step: 4 }, 10, NOW);
    expect(next.ok && [next.session.liveStep, next.session.revealedStep]).toEqual([4, null]);
    expect(await applyLiveCommand(db(), session.id, { command: 'go-to-step', step: 11 }, 10, NOW)).toEqual({ ok: false, error: 'invalid_step' });
    expect(await applyLiveCommand(db(), randomUUID(), { command: 'end' }, 10, NOW)).toEqual({ ok: false, error: 'not_found' });
    const end = await applyLiveCommand(db(), session.id, { command: 'end' }, 10, NOW);
    expect(end.ok && sessionState(end.session, NOW).status).toBe('closed');
    expect(await applyLiveCommand(db(), session.id, { command: 'go-to-step', step: 5 }, 10, NOW)).toEqual({ ok: false, error: 'session_closed' });
  });

  it('takes no one new into a closed session, but answers a device already in it', async () => {
    const session = await newSession({ mode: 'self_paced', closesAt: later(30) });
    const inside = randomUUID();
    await joinClassSession(db(), { joinCode: session.joinCode, participantId: inside, locale: 'en-GB' }, NOW);
    expect(await joinClassSession(db(), { joinCode: session.joinCode, participantId: randomUUID(), locale: 'en-GB' }, later(31))).toEqual({
      ok: false,
      error: 'session_closed',
    });
    expect(await joinClassSession(db(), { joinCode: session.joinCode, participantId: inside, locale: 'en-GB' }, later(31))).toMatchObject({
      ok: true,
      created: false,
    });
  });

  it('stores answers given before a session closed and refuses, without storing, those given after', async () => {
    const session = await sessionMadeAt(NOW);
    const participantId = randomUUID();
    await joinClassSession(db(), { joinCode: session.joinCode, participantId, locale: 'en-GB' }, NOW);
    await applyLiveCommand(db(), session.id, { command: 'end' }, 10, later(10));
    const inTime = makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['right'] }, answeredAt: later(9).toISOString() });
    const late = makeAnswer({ itemId: 'q-tf', response: { kind: 'choice', optionIds: ['true'] }, answeredAt: later(11).toISOString() });
    const result = await submitAnswers(db(), testStructure, TEST_CONTENT_VERSION, { participantId, answers: [inTime, late] }, later(12));
    expect(result).toEqual({
      ok: true,
      receipts: [
        { id: inTime.id, status: 'stored' },
        { id: late.id, status: 'session_closed' },
      ],
      classSessionId: session.id,
      stored: 1,
    });
    const [stored] = await db().select({ n: count() }).from(answers);
    expect(stored?.n).toBe(1);
  });

  it('judges each answer time on the server clock: a fast phone is corrected, a backdated or impossible time refused alone', async () => {
    const session = await sessionMadeAt(NOW);
    const participantId = randomUUID();
    await joinClassSession(db(), { joinCode: session.joinCode, participantId, locale: 'en-GB' }, NOW);
    // The phone's clock runs 3 hours fast: its answer at "13:09" was given at 10:09.
    const fast = makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['right'] }, answeredAt: new Date(later(9).getTime() + 3 * 3_600_000).toISOString() });
    const yearZero = makeAnswer({ itemId: 'q-tf', response: { kind: 'choice', optionIds: ['true'] }, answeredAt: '0000-01-01T00:00:00Z' });
    const future = makeAnswer({ itemId: 'F1', response: { kind: 'number', value: 2 }, answeredAt: '9999-12-31T23:59:59Z' });
    const sentAt = new Date(later(10).getTime() + 3 * 3_600_000).toISOString();
    const result = await submitAnswers(db(), testStructure, TEST_CONTENT_VERSION, { participantId, sentAt, answers: [fast, yearZero, future] }, later(10));
    expect(result.ok && result.receipts).toEqual([
      { id: fast.id, status: 'stored' },
      { id: yearZero.id, status: 'refused', problems: [{ path: 'answers.1.answeredAt', problem: 'answered_before_open' }] },
      { id: future.id, status: 'refused', problems: [{ path: 'answers.2.answeredAt', problem: 'answered_in_future' }] },
    ]);
    const [row] = await db().select({ answeredAt: answers.answeredAt }).from(answers).where(eq(answers.id, fast.id));
    expect(row?.answeredAt.toISOString()).toBe(later(9).toISOString());
  });

  it('takes an answer given before the close for 24 hours after it, and refuses a backdated one after that', async () => {
    const session = await sessionMadeAt(NOW);
    const participantId = randomUUID();
    await joinClassSession(db(), { joinCode: session.joinCode, participantId, locale: 'en-GB' }, NOW);
    await applyLiveCommand(db(), session.id, { command: 'end' }, 10, later(10));
    const queued = makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['right'] }, answeredAt: later(9).toISOString() });
    const nextMorning = await submitAnswers(db(), testStructure, TEST_CONTENT_VERSION, { participantId, answers: [queued] }, later(60 * 20));
    expect(nextMorning.ok && nextMorning.receipts).toEqual([{ id: queued.id, status: 'stored' }]);
    // Two days on, an answer stamped "before the close" is what backdating looks like: not stored.
    const backdated = makeAnswer({ itemId: 'q-tf', response: { kind: 'choice', optionIds: ['true'] }, answeredAt: later(9).toISOString() });
    const twoDaysOn = await submitAnswers(db(), testStructure, TEST_CONTENT_VERSION, { participantId, answers: [backdated] }, later(60 * 48));
    expect(twoDaysOn.ok && twoDaysOn.receipts).toEqual([{ id: backdated.id, status: 'session_closed' }]);
    const [stored] = await db().select({ n: count() }).from(answers);
    expect(stored?.n).toBe(1);
  });

  it('counts joined, in progress and finished, and who answered the current step', async () => {
    const session = await newSession();
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const participantId of ids) await joinClassSession(db(), { joinCode: session.joinCode, participantId, locale: 'en-GB' }, NOW);
    const [a, b] = ids as [string, string, string];
    const send = (participantId: string, ...batch: ReturnType<typeof makeAnswer>[]) =>
      submitAnswers(db(), testStructure, TEST_CONTENT_VERSION, { participantId, answers: batch });
    // Answered now: the session was made now, and an answer from before it opened is refused.
    const answeredAt = new Date().toISOString();
    await send(a, makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['right'] }, answeredAt }));
    await send(
      b,
      makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['wrong'] }, answeredAt }),
      makeAnswer({ itemId: 'plan', response: { kind: 'plan', planIds: [], ownPlanCount: 1 }, answeredAt }),
    );
    const counts = await classCounts(db(), session.id, { phase: 'main', itemId: 'plan' }, [{ phase: 'main', itemId: 'q-single' }]);
    expect(counts).toEqual({ joined: 3, inProgress: 1, finished: 1, answeredStep: 2 });
    const responses = await classResponses(db(), session.id, [{ phase: 'main', itemId: 'q-single' }]);
    expect(responses.map((r) => r.response).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)))).toEqual([
      { kind: 'choice', optionIds: ['right'] },
      { kind: 'choice', optionIds: ['wrong'] },
    ]);
  });

  it('slows down wrong codes from one address, but never a phone already in the session', async () => {
    useDatabaseForTests(db());
    try {
      const limits = createRateLimits(createMemoryRateLimitStore());
      const session = await newSession();
      const member = randomUUID();
      await joinClassSession(db(), { joinCode: session.joinCode, participantId: member, locale: 'en-GB' }, NOW);
      const address = '198.51.100.7';
      // Right codes cost nothing: a whole class joins from one school address.
      for (let i = 0; i < 100; i += 1) expect(await lookUpJoinCode(session.joinCode, address, { limits })).toMatchObject({ ok: true });
      expect(await lookUpJoinCode('ZZZZZZ', address, { limits })).toEqual({ ok: false, error: 'unknown' });
      // Codes that can't be codes count too, and cost no query: quick to send 59 of.
      for (let i = 1; i < 60; i += 1) expect(await lookUpJoinCode('0OIL1', address, { limits })).toEqual({ ok: false, error: 'invalid' });
      // The school's address is now held back, even with the right code…
      expect(await lookUpJoinCode(session.joinCode, address, { limits })).toMatchObject({ ok: false, error: 'too_many' });
      // …but a phone that is already in the session carries on, and another address is unaffected.
      expect(await lookUpJoinCode(session.joinCode, address, { member, limits })).toMatchObject({ ok: true, session: { id: session.id } });
      expect(await lookUpJoinCode(session.joinCode, '203.0.113.9', { limits })).toMatchObject({ ok: true });
      // A made-up participant id doesn't get past it.
      expect(await lookUpJoinCode(session.joinCode, address, { member: randomUUID(), limits })).toMatchObject({ ok: false, error: 'too_many' });
    } finally {
      useDatabaseForTests(undefined);
    }
  });

  it('counts a burst of guesses sent at once one by one: 60 looked up, the rest refused', async () => {
    useDatabaseForTests(db());
    try {
      const limits = createRateLimits(createMemoryRateLimitStore());
      const found = await Promise.all(Array.from({ length: 200 }, () => lookUpJoinCode('ZZZ ZZZ', '198.51.100.8', { limits })));
      expect(found.filter((result) => !result.ok && result.error === 'unknown')).toHaveLength(60);
      expect(found.filter((result) => !result.ok && result.error === 'too_many')).toHaveLength(140);
    } finally {
      useDatabaseForTests(undefined);
    }
  });

  it('lists a teacher their own organisation’s sessions, and an officer only the sessions they started', async () => {
    const mine = await newSession();
    const theirs = await newSession();
    const [officerRow] = await db()
      .insert(staffUsers)
      .values({ email: `${randomUUID()}@council.example`, displayName: 'O', role: 'officer', passwordHash: 'x' })
      .returning();
    if (!officerRow) throw new Error('seed failed');
    // An officer runs a session at one school's event; that school's teachers see it too.
    const event = await newSession({ organisationId: mine.organisationId, hostId: officerRow.id });
    const teacher = { id: randomUUID(), role: 'teacher' as const, organisationId: mine.organisationId };
    const listed = await listClassSessions(db(), teacher);
    expect(listed.map((l) => l.session.id).sort()).toEqual([mine.id, event.id].sort());
    const officer = await listClassSessions(db(), { id: officerRow.id, role: 'officer', organisationId: null });
    expect(officer.map((l) => l.session.id)).toEqual([event.id]);
    const otherOfficer = await listClassSessions(db(), { id: randomUUID(), role: 'officer', organisationId: null });
    expect(otherOfficer.map((l) => l.session.id)).not.toContain(theirs.id);
    expect(otherOfficer).toEqual([]);
    await db().delete(classSessions);
  });
});
