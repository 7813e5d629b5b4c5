import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useModuleForTests } from '@/lib/content/load';
import { eq } from 'drizzle-orm';
import { classSessions, liveReleases, organisations, staffUsers, type ClassSessionRow } from '@/lib/db/schema';
import { buildJourney } from '@/lib/domain/journey';
import { submitAnswers } from '@/lib/server/answers';
import { classChoicesAt } from '@/lib/server/class-choices';
import { applyLiveCommand, createClassSession, findClassSession, joinClassSession } from '@/lib/server/class-sessions';
import { readRelease } from '@/lib/server/live/releases';
import { readTeacherLiveView } from '@/lib/server/live/snapshots';
import { setUpTestDatabase, testEngines } from './db-engines';
import { makeAnswer, TEST_CONTENT_VERSION, testModule, testStructure } from './test-module';

const NOW = new Date('2026-11-27T10:00:00Z');
const story = { kind: 'story', key: 'story:party', scenarioId: 'party' } as const;

describe.each(testEngines)('live releases on $name', (engine) => {
  const db = setUpTestDatabase(engine);
  beforeAll(() => useModuleForTests(testModule));
  afterAll(() => useModuleForTests(undefined));

  async function newSession(mode: 'live' | 'self_paced'): Promise<ClassSessionRow> {
    const [organisation] = await db().insert(organisations).values({ name: `College ${randomUUID()}`, kind: 'college', area: 'Area' }).returning();
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
      mode,
      beforeAfter: false,
      closesAt: mode === 'live' ? null : new Date(NOW.getTime() + 86_400_000),
    });
    // Made just before NOW: an answer is judged against when its session opened.
    const [made] = await db().update(classSessions).set({ createdAt: new Date(NOW.getTime() - 3_600_000) }).where(eq(classSessions.id, session.id)).returning();
    if (!made) throw new Error('seed failed');
    return made;
  }

  /** A student joins and makes one choice at the party's only decision. */
  async function decide(session: ClassSessionRow, choiceId: 'accept' | 'decline'): Promise<void> {
    const participantId = randomUUID();
    await joinClassSession(db(), { joinCode: session.joinCode, participantId, locale: 'en-GB' }, NOW);
    await submitAnswers(db(), testStructure, TEST_CONTENT_VERSION, {
      participantId,
      answers: [makeAnswer({ itemId: 'party/offer', response: { kind: 'choice', optionIds: [choiceId] }, answeredAt: NOW.toISOString() })],
    }, NOW);
  }

  const storyStep = buildJourney(testStructure, { beforeAfter: false }).findIndex((s) => s.kind === 'scenario');

  it('releases a live class\'s story only on a reveal, and shows the same figures until a whole group joins', async () => {
    const session = await newSession('live');
    for (let i = 0; i < 6; i += 1) await decide(session, 'decline');
    for (let i = 0; i < 5; i += 1) await decide(session, 'accept');
    expect((await readRelease(db(), session, story, testStructure, false)).release).toBeNull();
    // Phones wait for the teacher.
    expect(await classChoicesAt(db(), session, 'party/offer')).toMatchObject({ shown: false, waiting: 'reveal' });

    await applyLiveCommand(db(), session.id, { command: 'go-to-step', step: storyStep }, 100, NOW);
    await applyLiveCommand(db(), session.id, { command: 'reveal', step: storyStep }, 100, NOW);
    const revealed = (await findClassSession(db(), session.id)) as ClassSessionRow;
    const view = await readTeacherLiveView(db(), session.id, NOW);
    expect(view?.reveal?.tallies).toEqual([
      {
        kind: 'options',
        itemId: 'party/offer',
        reached: { kind: 'range', from: 10, to: 14 },
        additive: true,
        options: [
          { id: 'accept', count: { kind: 'count', value: 5 }, correct: null },
          { id: 'decline', count: { kind: 'count', value: 6 }, correct: null },
        ],
      },
    ]);
    // The phones see the same figures.
    const choices = await classChoicesAt(db(), revealed, 'party/offer');
    expect(choices?.options).toEqual([
      { id: 'accept', count: { kind: 'count', value: 5 } },
      { id: 'decline', count: { kind: 'count', value: 6 } },
    ]);

    // One more answer, then a hide and a reveal again: nothing moves, and the teacher is told why.
    await decide(session, 'accept');
    await applyLiveCommand(db(), session.id, { command: 'hide-reveal' }, 100, NOW);
    await applyLiveCommand(db(), session.id, { command: 'reveal', step: storyStep }, 100, NOW);
    const again = await readTeacherLiveView(db(), session.id, NOW);
    expect(again?.reveal?.tallies).toEqual(view?.reveal?.tallies);
    expect(again?.reveal?.later).toBe(true);
    // How many answered is shown in steps of 5, never above the 12 who joined.
    expect(again?.counts.answeredStep).toEqual({ kind: 'range', from: 10, to: 12 });
  });

  it('stores one release when two servers read at once', async () => {
    const session = await newSession('live');
    for (let i = 0; i < 10; i += 1) await decide(session, i % 2 === 0 ? 'accept' : 'decline');
    const reads = await Promise.all([1, 2, 3].map(() => readRelease(db(), session, story, testStructure, true)));
    expect(new Set(reads.map((r) => JSON.stringify(r.release))).size).toBe(1);
    const rows = await db().select().from(liveReleases);
    expect(rows.filter((r) => r.classSessionId === session.id)).toHaveLength(1);
  });

  it('releases a self-paced class\'s choices once 10 have finished the story', async () => {
    const session = await newSession('self_paced');
    for (let i = 0; i < 9; i += 1) await decide(session, i < 5 ? 'decline' : 'accept');
    expect(await classChoicesAt(db(), session, 'party/offer')).toMatchObject({ shown: false, waiting: 'few' });
    await decide(session, 'accept');
    expect(await classChoicesAt(db(), session, 'party/offer')).toMatchObject({
      shown: true,
      options: [
        { id: 'accept', count: { kind: 'count', value: 5 } },
        { id: 'decline', count: { kind: 'count', value: 5 } },
      ],
    });
  });
});
