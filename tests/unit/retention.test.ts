import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { AnswerResponse } from '@/lib/api/schemas';
import {
  answerReplays,
  answers,
  classSessions,
  organisations,
  participants,
  sessionSummaries,
  staffSessions,
  staffUsers,
} from '@/lib/db/schema';
import { DAY_MS, describeRetention, RETENTION_LOCK_KEY, runRetention } from '@/lib/server/retention';
import { readSessionSummaries, refreshSessionSummaries } from '@/lib/server/session-summaries';
import { countAnswers, countParticipants, setUpTestDatabase, testEngines } from './db-engines';
import { TEST_CONTENT_VERSION, testStructure } from './test-module';

const NOW = new Date('2026-11-27T03:00:00Z');
const PERIOD_DAYS = 730;
const CUTOFF = new Date(NOW.getTime() - PERIOD_DAYS * DAY_MS);
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const retention = { now: NOW, periodDays: PERIOD_DAYS, structure: testStructure };

describe.each(testEngines)('retention on $name', (engine) => {
  const db = setUpTestDatabase(engine);

  async function newSession(createdAt: Date): Promise<string> {
    const [organisation] = await db()
      .insert(organisations)
      .values({ name: `School ${randomUUID()}`, kind: 'school', area: 'North Vale' })
      .returning();
    if (!organisation) throw new Error('seed failed');
    const [session] = await db()
      .insert(classSessions)
      .values({
        joinCode: randomUUID().slice(0, 6).toUpperCase(),
        moduleId: testStructure.id,
        contentVersion: TEST_CONTENT_VERSION,
        organisationId: organisation.id,
        mode: 'live',
        beforeAfter: false,
        status: 'closed',
        createdAt,
        closedAt: at(createdAt, 3_600_000),
      })
      .returning();
    if (!session) throw new Error('seed failed');
    return session.id;
  }

  async function newParticipant(classSessionId: string | null, createdAt: Date): Promise<string> {
    const id = randomUUID();
    await db().insert(participants).values({ id, locale: 'en-GB', classSessionId, pairingHash: randomUUID(), createdAt });
    return id;
  }

  const RESPONSES: Record<string, { right: AnswerResponse; wrong: AnswerResponse }> = {
    'q-single': { right: { kind: 'choice', optionIds: ['right'] }, wrong: { kind: 'choice', optionIds: ['wrong'] } },
    'q-tf': { right: { kind: 'choice', optionIds: ['false'] }, wrong: { kind: 'choice', optionIds: ['true'] } },
    'q-order': {
      right: { kind: 'order', optionIds: ['first', 'second', 'third'] },
      wrong: { kind: 'order', optionIds: ['second', 'first', 'third'] },
    },
  };

  /** An answer, right or wrong, as the server stores one, received at `receivedAt`. */
  async function answer(participantId: string, receivedAt: Date, itemId = 'q-single', right = true): Promise<string> {
    const id = randomUUID();
    const response = RESPONSES[itemId]?.[right ? 'right' : 'wrong'];
    if (!response) throw new Error(`no test response for ${itemId}`);
    await db().insert(answers).values({
      id,
      participantId,
      itemId,
      phase: 'main',
      response,
      correct: right,
      confidence: 2,
      contentVersion: TEST_CONTENT_VERSION,
      // The device's clock said much later: only the server's clock decides.
      answeredAt: at(receivedAt, 400 * DAY_MS),
      receivedAt,
    });
    return id;
  }

  async function answerIds(): Promise<string[]> {
    return (await db().select({ id: answers.id }).from(answers)).map((row) => row.id).sort();
  }

  it('deletes exactly what is past the period, keeping and freezing the summaries first', async () => {
    const oldSession = await newSession(at(CUTOFF, -10 * DAY_MS));
    const recentSession = await newSession(at(CUTOFF, 30 * DAY_MS));
    // Keeps one answer received a second after the cutoff, so stays.
    const straddling = await newParticipant(oldSession, at(CUTOFF, -10 * DAY_MS));
    await answer(straddling, at(CUTOFF, -1000));
    const justAfter = await answer(straddling, at(CUTOFF, 1000), 'q-tf');
    // Every answer old: goes, answers and all.
    const allOld = await newParticipant(oldSession, at(CUTOFF, -10 * DAY_MS));
    await answer(allOld, at(CUTOFF, -5 * DAY_MS), 'q-single', false);
    // Joined before the cutoff and never answered: goes.
    await newParticipant(oldSession, at(CUTOFF, -10 * DAY_MS));
    // Joined after the cutoff, no answer yet: stays.
    const newcomer = await newParticipant(recentSession, at(CUTOFF, 31 * DAY_MS));
    const recent = await newParticipant(recentSession, at(CUTOFF, 30 * DAY_MS));
    const recentAnswer = await answer(recent, at(CUTOFF, 30 * DAY_MS));
    // A student on their own (no class session), all answers old: goes.
    const solo = await newParticipant(null, at(CUTOFF, -3 * DAY_MS));
    await answer(solo, at(CUTOFF, -2 * DAY_MS));

    // The old session's summary exists but is stale by one participant when the job runs.
    await refreshSessionSummaries(db(), { structure: testStructure, now: at(NOW, -DAY_MS) });
    const lateJoiner = await newParticipant(oldSession, at(CUTOFF, -9 * DAY_MS));
    await answer(lateJoiner, at(CUTOFF, -4 * DAY_MS), 'q-tf', false);

    const [user] = await db()
      .insert(staffUsers)
      .values({ email: `${randomUUID()}@council.example`, displayName: 'O', role: 'officer', passwordHash: 'x' })
      .returning();
    if (!user) throw new Error('seed failed');
    await db().insert(staffSessions).values([
      { tokenHash: `expired-${randomUUID()}`, userId: user.id, expiresAt: at(NOW, -1000) },
      { tokenHash: `current-${randomUUID()}`, userId: user.id, expiresAt: at(NOW, 3_600_000) },
    ]);

    const result = await runRetention(db(), retention);
    expect(result).toEqual({
      ran: true,
      cutoff: CUTOFF,
      answersDeleted: 4,
      participantsDeleted: 4,
      summariesFrozen: 1,
      sessionsClosed: 0,
      staffSessionsDeleted: 1,
    });
    expect(describeRetention(result, PERIOD_DAYS)).toBe(
      '[retention] deleted 4 answers received before 2024-11-27 (730-day period) and 4 participants left with none; ' +
        'froze 1 session summaries; closed 0 idle or past-time sessions; removed 1 expired staff sign-ins',
    );

    expect(await answerIds()).toEqual([justAfter, recentAnswer].sort());
    const left = (await db().select({ id: participants.id }).from(participants)).map((row) => row.id).sort();
    expect(left).toEqual([straddling, newcomer, recent].sort());
    expect(await db().select({ userId: staffSessions.userId }).from(staffSessions)).toHaveLength(1);

    // The old session's summary counts everything it had, the late joiner too, and is frozen.
    const [oldRow] = await db().select().from(sessionSummaries).where(eq(sessionSummaries.classSessionId, oldSession));
    expect(oldRow?.frozenAt).toEqual(NOW);
    expect(oldRow?.participantCount).toBe(4);
    const [recentRow] = await db().select().from(sessionSummaries).where(eq(sessionSummaries.classSessionId, recentSession));
    expect(recentRow?.frozenAt).toBeNull();
    const summaries = await readSessionSummaries(db(), [oldSession]);
    expect(summaries.get(oldSession)?.headline.joined).toBe(4);
    expect(summaries.get(oldSession)?.items['main:q-single']).toMatchObject({ answered: 2, correct: 1 });
    expect(summaries.get(oldSession)?.items['main:q-tf']).toMatchObject({ answered: 2, correct: 1 });

    // A frozen summary is never rebuilt from what is left.
    await refreshSessionSummaries(db(), { structure: testStructure, now: at(NOW, DAY_MS) });
    const [stillFrozen] = await db().select().from(sessionSummaries).where(eq(sessionSummaries.classSessionId, oldSession));
    expect(stillFrozen?.participantCount).toBe(4);
    expect((await readSessionSummaries(db(), [oldSession])).get(oldSession)?.headline.joined).toBe(4);

    // A second run finds nothing more to do.
    expect(await runRetention(db(), retention)).toEqual({
      ran: true,
      cutoff: CUTOFF,
      answersDeleted: 0,
      participantsDeleted: 0,
      summariesFrozen: 0,
      sessionsClosed: 0,
      staffSessionsDeleted: 0,
    });
    expect(await countAnswers(db())).toBe(2);
    expect(await countParticipants(db())).toBe(3);
    await db().delete(staffUsers);
  });

  it('deletes story replays received before the cutoff, like answers, and keeps the recent ones', async () => {
    const session = await newSession(at(CUTOFF, -10 * DAY_MS));
    const participantId = await newParticipant(session, at(CUTOFF, -10 * DAY_MS));
    await answer(participantId, at(CUTOFF, 1000));
    const replay = (itemId: string, receivedAt: Date) => ({
      id: randomUUID(),
      participantId,
      itemId,
      response: { kind: 'choice' as const, optionIds: ['decline'] },
      contentVersion: TEST_CONTENT_VERSION,
      answeredAt: receivedAt,
      receivedAt,
    });
    const old = replay('party/offer', at(CUTOFF, -1000));
    const recent = replay('party/other', at(CUTOFF, 1000));
    await db().insert(answerReplays).values([old, recent]);
    await runRetention(db(), retention);
    expect(await db().select({ id: answerReplays.id }).from(answerReplays)).toEqual([{ id: recent.id }]);
  });

  it('also freezes the summary of a follow-up whose first session loses answers', async () => {
    const first = await newSession(at(CUTOFF, -60 * DAY_MS));
    const [followUp] = await db()
      .insert(classSessions)
      .values({
        joinCode: randomUUID().slice(0, 6).toUpperCase(),
        moduleId: testStructure.id,
        contentVersion: TEST_CONTENT_VERSION,
        organisationId: (await db().select().from(classSessions).where(eq(classSessions.id, first)))[0]?.organisationId ?? '',
        mode: 'self_paced',
        beforeAfter: false,
        status: 'closed',
        followUpOf: first,
        createdAt: at(CUTOFF, 10 * DAY_MS),
      })
      .returning();
    if (!followUp) throw new Error('seed failed');
    await answer(await newParticipant(first, at(CUTOFF, -60 * DAY_MS)), at(CUTOFF, -60 * DAY_MS));
    await answer(await newParticipant(followUp.id, at(CUTOFF, 10 * DAY_MS)), at(CUTOFF, 10 * DAY_MS), 'q-order');

    expect(await runRetention(db(), retention)).toMatchObject({ answersDeleted: 1, participantsDeleted: 1, summariesFrozen: 2 });
    const frozen = await db()
      .select({ id: sessionSummaries.classSessionId, frozenAt: sessionSummaries.frozenAt })
      .from(sessionSummaries)
      .where(inArray(sessionSummaries.classSessionId, [first, followUp.id]));
    expect(frozen.map((row) => row.frozenAt)).toEqual([NOW, NOW]);
  });

  // PGlite has one connection, so there is no second instance to hold the lock: the test is
  // only defined for PostgreSQL (not skipped on PGlite).
  if (engine.name === 'postgres') {
    it('skips the run while another instance holds the lock', async () => {
      const solo = await newParticipant(null, at(CUTOFF, -3 * DAY_MS));
      await answer(solo, at(CUTOFF, -2 * DAY_MS));
      await db().transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${RETENTION_LOCK_KEY})`);
        expect(await runRetention(db(), retention)).toEqual({ ran: false });
      });
      expect(await countAnswers(db())).toBe(1);
      expect(await runRetention(db(), retention)).toMatchObject({ ran: true, answersDeleted: 1, participantsDeleted: 1 });
    });
  }
});
