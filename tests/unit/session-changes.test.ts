/**
 * The per-session change count the database keeps itself (session_changes, migration 0006), on
 * both engines: one count per statement and session, whoever stores the rows; and the stored
 * summaries rebuilt from it, a follow-up's included when the session it follows changes.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getModule } from '@/lib/content/load';
import type { ModuleStructure } from '@/lib/content/schema';
import { answerReplays, answers, classSessions, organisations, participants, sessionChanges, sessionSummaries } from '@/lib/db/schema';
import { refreshSessionSummaries } from '@/lib/server/session-summaries';
import { setUpTestDatabase, testEngines } from './db-engines';

let structure: ModuleStructure;
beforeAll(async () => {
  structure = (await getModule()).structure;
});

describe.each(testEngines)('session change counts on $name', (engine) => {
  const db = setUpTestDatabase(engine);

  async function newSession(followUpOf: string | null = null) {
    const [school] = await db()
      .insert(organisations)
      .values({ name: `School ${randomUUID()}`, kind: 'school', area: 'North' })
      .returning({ id: organisations.id });
    const [session] = await db()
      .insert(classSessions)
      .values({
        joinCode: randomUUID().slice(0, 8).toUpperCase(),
        moduleId: 'roads-kill',
        contentVersion: 'abcdefabcdef',
        organisationId: school?.id as string,
        mode: 'live',
        beforeAfter: followUpOf === null,
        status: 'closed',
        followUpOf,
      })
      .returning({ id: classSessions.id });
    return session?.id as string;
  }

  async function changesOf(...ids: string[]): Promise<number[]> {
    const rows = await db().select().from(sessionChanges).where(inArray(sessionChanges.classSessionId, ids));
    const by = new Map(rows.map((row) => [row.classSessionId, row.changes]));
    return ids.map((id) => by.get(id) ?? 0);
  }

  async function join(sessionId: string | null, n: number): Promise<string[]> {
    const ids = Array.from({ length: n }, () => randomUUID());
    await db()
      .insert(participants)
      .values(ids.map((id) => ({ id, locale: 'en-GB' as const, classSessionId: sessionId, pairingHash: `hash-${id}` })));
    return ids;
  }

  const scale = (participantId: string, itemId: string, phase: 'before' | 'after' | 'followup' = 'before') => ({
    id: randomUUID(),
    participantId,
    itemId,
    phase,
    response: { kind: 'scale' as const, value: 3 },
    contentVersion: 'abcdefabcdef',
    answeredAt: new Date(),
  });

  const attitudes = () => structure.attitudeItems.filter((a) => a.phases.includes('before')).map((a) => a.id);

  it('counts one change per insert statement and session, however many rows it stores', async () => {
    const [a, b] = [await newSession(), await newSession()];
    expect(await changesOf(a, b)).toEqual([0, 0]);
    const inA = await join(a, 3);
    const inB = await join(b, 2);
    expect(await changesOf(a, b)).toEqual([1, 1]);

    // One statement with answers of both sessions: one change each.
    const items = attitudes();
    await db()
      .insert(answers)
      .values([...inA, ...inB].flatMap((p) => items.map((item) => scale(p, item))));
    expect(await changesOf(a, b)).toEqual([2, 2]);

    // A statement that stores nothing new (a batch sent again) is no change.
    const again = scale(inA[0] as string, items[0] as string);
    await db().insert(answers).values(again).onConflictDoNothing();
    expect(await changesOf(a, b)).toEqual([2, 2]);

    // Only a's answers: b is unchanged.
    await db()
      .insert(answers)
      .values(scale(inA[0] as string, 'int-own-seat', 'followup'));
    expect(await changesOf(a, b)).toEqual([3, 2]);
  });

  it('counts a deletion, leaves a story replay and a student on their own alone, and lets a session be deleted', async () => {
    const a = await newSession();
    const [student] = await join(a, 1);
    await db().insert(answers).values(scale(student as string, attitudes()[0] as string));
    expect(await changesOf(a)).toEqual([2]);

    // A replay is counted by no summary, so it changes nothing.
    await db()
      .insert(answerReplays)
      .values({
        id: randomUUID(),
        participantId: student as string,
        itemId: 'story/decision',
        response: { kind: 'choice', optionIds: ['x'] },
        contentVersion: 'abcdefabcdef',
        answeredAt: new Date(),
      });
    expect(await changesOf(a)).toEqual([2]);

    // No session, no count.
    const before = await db().select().from(sessionChanges);
    const [alone] = await join(null, 1);
    await db().insert(answers).values(scale(alone as string, attitudes()[0] as string));
    expect(await db().select().from(sessionChanges)).toEqual(before);

    // The retention job deleting answers is a change.
    await db().delete(answers).where(eq(answers.participantId, student as string));
    expect(await changesOf(a)).toEqual([3]);

    // Deleting a session takes its participants with it; the count's triggers don't stop it.
    await db().delete(classSessions).where(eq(classSessions.id, a));
    expect(await db().select().from(classSessions).where(eq(classSessions.id, a))).toEqual([]);
  });

  it('rebuilds a summary when a student joins or answers, and a follow-up’s when the session it follows changes', async () => {
    const first = await newSession();
    const students = await join(first, 4);
    const followUp = await newSession(first);
    await db()
      .insert(participants)
      .values(students.map((s) => ({ id: randomUUID(), locale: 'en-GB' as const, classSessionId: followUp, pairingHash: `hash-${s}` })));
    const ids = [first, followUp];
    expect(await refreshSessionSummaries(db(), { sessionIds: ids, structure })).toEqual({ refreshed: 2 });
    expect(await refreshSessionSummaries(db(), { sessionIds: ids, structure })).toEqual({ refreshed: 0 });

    // An answer in the first session: both summaries are behind (the follow-up pairs with its answers).
    await db().insert(answers).values(scale(students[0] as string, attitudes()[0] as string));
    expect(await refreshSessionSummaries(db(), { sessionIds: ids, structure })).toEqual({ refreshed: 2 });
    expect(await refreshSessionSummaries(db(), { sessionIds: ids, structure })).toEqual({ refreshed: 0 });

    // A late joiner to the follow-up: only its summary, which now counts them.
    await join(followUp, 1);
    expect(await refreshSessionSummaries(db(), { sessionIds: ids, structure })).toEqual({ refreshed: 1 });
    const [row] = await db().select().from(sessionSummaries).where(eq(sessionSummaries.classSessionId, followUp));
    expect(row?.participantCount).toBe(5);
    const [own, firsts] = [await changesOf(followUp), await changesOf(first)];
    expect(row?.changesSeen).toBe((own[0] ?? 0) + (firsts[0] ?? 0));
  });

  it('builds many sessions’ summaries in batches, each from its own answers', async () => {
    const sessions: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const id = await newSession();
      const joined = await join(id, 1 + (i % 3));
      await db()
        .insert(answers)
        .values(joined.map((p) => scale(p, attitudes()[0] as string)));
      sessions.push(id);
    }
    expect(await refreshSessionSummaries(db(), { sessionIds: sessions, structure })).toEqual({ refreshed: 40 });
    const rows = await db().select().from(sessionSummaries).where(inArray(sessionSummaries.classSessionId, sessions));
    const counts = new Map(rows.map((row) => [row.classSessionId, row.participantCount]));
    expect(sessions.map((id) => counts.get(id))).toEqual(sessions.map((_, i) => 1 + (i % 3)));
    expect(rows.every((row) => row.answersThrough !== null)).toBe(true);
  });
});
