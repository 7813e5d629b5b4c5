import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { AnswerResponse } from '@/lib/api/schemas';
import type { Phase } from '@/lib/content/schema';
import { answers, classSessions, organisations, participants, sessionSummaries, staffUsers } from '@/lib/db/schema';
import { findReportableSession, loadClassReport, loadReleasedClassReport } from '@/lib/server/class-reports';
import { findClassSession } from '@/lib/server/class-sessions';
import { setUpTestDatabase, testEngines } from './db-engines';
import { TEST_CONTENT_VERSION, testStructure } from './test-module';

describe.each(testEngines)('class reports on $name', (engine) => {
  const db = setUpTestDatabase(engine);

  /** A school with one session; names and codes are fresh, since only participants are emptied between tests. */
  async function newSession(beforeAfter = true): Promise<string> {
    const [organisation] = await db()
      .insert(organisations)
      .values({ name: `School ${randomUUID()}`, kind: 'school', area: 'North Somerset' })
      .returning({ id: organisations.id });
    if (!organisation) throw new Error('no organisation');
    const [session] = await db()
      .insert(classSessions)
      .values({
        joinCode: randomUUID().slice(0, 8).toUpperCase(),
        moduleId: testStructure.id,
        contentVersion: TEST_CONTENT_VERSION,
        organisationId: organisation.id,
        mode: 'live',
        beforeAfter,
        createdAt: new Date('2025-03-14T10:00:00Z'),
      })
      .returning({ id: classSessions.id });
    if (!session) throw new Error('no session');
    return session.id;
  }

  async function join(classSessionId: string | null, createdAt?: Date): Promise<string> {
    const id = randomUUID();
    await db().insert(participants).values({ id, locale: 'en-GB', classSessionId, ...(createdAt && { createdAt }) });
    return id;
  }

  async function answer(
    participantId: string,
    itemId: string,
    response: AnswerResponse,
    {
      phase = 'main',
      correct = null,
      confidence = null,
      receivedAt,
    }: { phase?: Phase; correct?: boolean | null; confidence?: number | null; receivedAt?: Date } = {},
  ): Promise<void> {
    await db()
      .insert(answers)
      .values({
        id: randomUUID(),
        participantId,
        itemId,
        phase,
        response,
        correct,
        confidence,
        contentVersion: TEST_CONTENT_VERSION,
        answeredAt: new Date('2025-03-14T10:15:00Z'),
        ...(receivedAt && { receivedAt }),
      });
  }

  it('finds a session by id, and nothing for an unknown one', async () => {
    const id = await newSession();
    const found = await findClassSession(db(), id);
    expect(found).toMatchObject({ id, mode: 'live', beforeAfter: true, status: 'open', closedAt: null });
    expect(found?.createdAt.toISOString()).toBe('2025-03-14T10:00:00.000Z');
    expect(await findClassSession(db(), randomUUID())).toBeNull();
    expect(await loadClassReport(db(), randomUUID(), testStructure)).toBeNull();
  });

  it('finds a report for its organisation’s teachers only: never for an officer, even one who ran the session', async () => {
    const sessionId = await newSession();
    const session = await findClassSession(db(), sessionId);
    if (!session) throw new Error('no session');
    const [officer] = await db()
      .insert(staffUsers)
      .values({ email: `${randomUUID()}@council.example`, displayName: 'O', role: 'officer', passwordHash: 'x' })
      .returning({ id: staffUsers.id });
    if (!officer) throw new Error('no officer');
    const officerId = officer.id;
    // The officer ran it, at the school's event.
    await db().update(classSessions).set({ hostId: officerId }).where(eq(classSessions.id, sessionId));
    const teacher = { id: randomUUID(), role: 'teacher' as const, organisationId: session.organisationId };
    expect((await findReportableSession(db(), teacher, sessionId))?.id).toBe(sessionId);
    expect(await findReportableSession(db(), { ...teacher, organisationId: randomUUID() }, sessionId)).toBeNull();
    expect(await findReportableSession(db(), { id: officerId, role: 'officer', organisationId: null }, sessionId)).toBeNull();
    expect(await findReportableSession(db(), { id: randomUUID(), role: 'administrator', organisationId: null }, sessionId)).toBeNull();
    expect(await findReportableSession(db(), teacher, 'not-a-uuid')).toBeNull();
  });

  it("tallies only the session's own students", async () => {
    const sessionId = await newSession(false);
    const otherSession = await newSession(false);
    // Six students: five decline the lift, one accepts; four pick a plan; the sixth never answers.
    const students = await Promise.all(Array.from({ length: 6 }, () => join(sessionId)));
    const [s1, s2, s3, s4, s5, s6] = students;
    if (!s1 || !s2 || !s3 || !s4 || !s5 || !s6) throw new Error('students missing');
    for (const s of [s1, s2, s3, s4]) await answer(s, 'party/offer', { kind: 'choice', optionIds: ['decline'] });
    await answer(s5, 'party/offer', { kind: 'choice', optionIds: ['accept'] });
    await answer(s1, 'q-single', { kind: 'choice', optionIds: ['right'] }, { correct: true, confidence: 2 });
    await answer(s2, 'q-single', { kind: 'choice', optionIds: ['wrong'] }, { correct: false, confidence: 3 });
    await answer(s3, 'q-single', { kind: 'choice', optionIds: ['also-wrong'] }, { correct: false, confidence: 1 });
    for (const s of [s1, s2, s3]) await answer(s, 'plan', { kind: 'plan', planIds: ['plan-call'], ownPlanCount: 0 });
    await answer(s4, 'plan', { kind: 'plan', planIds: ['plan-call', 'plan-speak'], ownPlanCount: 2 });
    // A student of another session, and one on their own, answering the same questions.
    for (const outsider of [await join(otherSession), await join(null)]) {
      await answer(outsider, 'party/offer', { kind: 'choice', optionIds: ['accept'] });
      await answer(outsider, 'plan', { kind: 'plan', planIds: ['plan-speak'], ownPlanCount: 1 });
    }

    const report = await loadClassReport(db(), sessionId, testStructure);
    if (report === null) throw new Error('no report');
    // Without before/after, finishing means giving the plan: s1–s4.
    expect(report.headline).toEqual({ joined: 6, started: 5, finished: 4 });
    expect(report.session).toMatchObject({ id: sessionId, beforeAfter: false, mode: 'live' });
    expect(report.scenarios).toEqual([
      {
        scenarioId: 'party',
        decisions: [
          {
            nodeId: 'offer',
            answered: 5,
            choices: [
              { choiceId: 'accept', risky: true, count: 1 },
              { choiceId: 'decline', risky: false, count: 4 },
            ],
          },
        ],
        endings: [
          { nodeId: 'end-risky', outcome: 'risky', count: 1 },
          { nodeId: 'end-safe', outcome: 'safe', count: 4 },
        ],
        reachedEnding: 5,
      },
    ]);
    expect(report.knowledge.find((k) => k.itemId === 'q-single' && k.phase === 'main')).toEqual({
      itemId: 'q-single',
      phase: 'main',
      kind: 'single',
      answered: 3,
      correct: 1,
      // Both wrong options carry the same misconception.
      misconceptions: [{ misconceptionId: 'm-wrong', count: 2 }],
      misconceptionsAdditive: true,
      confidenceAsked: true,
      confidentErrors: 1,
    });
    expect(report.plans).toEqual({
      answered: 4,
      plans: [
        { planId: 'plan-call', count: 4 },
        { planId: 'plan-speak', count: 1 },
      ],
      ownPlanWriters: 1,
    });
  });

  it('pairs before and after answers of the same student', async () => {
    const sessionId = await newSession(true);
    const students = await Promise.all(Array.from({ length: 5 }, () => join(sessionId)));
    // a-speed is reversed: 6 − point. Before 4 (→2), after 2 (→4) for each of five students.
    for (const s of students) {
      await answer(s, 'a-speed', { kind: 'scale', value: 4 }, { phase: 'before' });
      await answer(s, 'a-speed', { kind: 'scale', value: 2 }, { phase: 'after' });
      await answer(s, 'q-single', { kind: 'choice', optionIds: ['wrong'] }, { phase: 'before', correct: false });
      await answer(s, 'q-single', { kind: 'choice', optionIds: ['right'] }, { phase: 'after', correct: true });
    }
    const report = await loadClassReport(db(), sessionId, testStructure);
    expect(report?.change.attitudeItems).toEqual([
      // Five changes of +2: Σ(change)² = 20.
      { itemId: 'a-speed', construct: 'attitude', reverse: true, nBefore: 5, nAfter: 5, nMatched: 5, meanBefore: 2, meanAfter: 4, sumSquaredChange: 20 },
    ]);
    expect(report?.change.knowledge).toEqual({ nBefore: 5, nAfter: 5, nMatched: 5, meanBefore: 0, meanAfter: 1, sumSquaredChange: 5 });
    expect(report?.headline).toEqual({ joined: 5, started: 5, finished: 5 });
  });

  it('holds a report back while its session takes answers, then shows it final: later arrivals change nothing', async () => {
    const sessionId = await newSession(false);
    const decline: AnswerResponse = { kind: 'choice', optionIds: ['decline'] };
    const inClass = new Date('2025-03-14T10:20:00Z');
    const students = await Promise.all(Array.from({ length: 6 }, () => join(sessionId, inClass)));
    for (const s of students) await answer(s, 'party/offer', decline, { receivedAt: inClass });
    // A phone that joined in class, then lost the network with its answer still queued.
    const offline = await join(sessionId, inClass);
    const session = await findClassSession(db(), sessionId);
    if (!session) throw new Error('no session');

    // Open: nothing, whenever it is asked.
    const open = await loadReleasedClassReport(db(), session, testStructure, new Date('2025-03-14T10:30:00Z'));
    expect(open).toMatchObject({ release: { kind: 'held', at: null }, report: null, session: { id: sessionId, joinCode: session.joinCode } });

    // The teacher ends it at 10:50; a phone's queued answer arrives 20 seconds later and counts.
    const ended = { ...session, status: 'closed' as const, closedAt: new Date('2025-03-14T10:50:00Z') };
    const straggler = await join(sessionId, inClass);
    await answer(straggler, 'party/offer', { kind: 'choice', optionIds: ['accept'] }, { receivedAt: new Date('2025-03-14T10:50:20Z') });
    expect(await loadReleasedClassReport(db(), ended, testStructure, new Date('2025-03-14T10:50:30Z'))).toMatchObject({
      release: { kind: 'held', at: new Date('2025-03-14T10:51:00Z') },
      report: null,
    });
    const final = await loadReleasedClassReport(db(), ended, testStructure, new Date('2025-03-14T10:52:00Z'));
    expect(final.release).toEqual({ kind: 'final', cutoff: new Date('2025-03-14T10:51:00Z') });
    expect(final.report?.headline).toEqual({ joined: 8, started: 7, finished: 0 });
    expect(final.report?.scenarios[0]?.decisions[0]?.answered).toBe(7);

    // A week later the offline phone sends its answer (given in class, so it is stored), and a
    // participant row dated after the end is there too: the report is the same, figure for figure.
    await answer(offline, 'party/offer', { kind: 'choice', optionIds: ['accept'] }, { receivedAt: new Date('2025-03-21T09:00:00Z') });
    const lateJoiner = await join(sessionId, new Date('2025-03-21T09:00:00Z'));
    await answer(lateJoiner, 'party/offer', decline, { receivedAt: new Date('2025-03-21T09:00:00Z') });
    const later = await loadReleasedClassReport(db(), ended, testStructure, new Date('2025-03-21T10:00:00Z'));
    expect(later).toEqual(final);

    // Once the retention job has begun on it (its summary frozen), there is no class report at all.
    await db().insert(sessionSummaries).values({ classSessionId: sessionId, format: 1, summary: {}, participantCount: 0, frozenAt: new Date('2027-03-14T00:00:00Z') });
    expect(await loadReleasedClassReport(db(), ended, testStructure, new Date('2027-03-15T00:00:00Z'))).toMatchObject({ release: { kind: 'gone' }, report: null });
  });
});
