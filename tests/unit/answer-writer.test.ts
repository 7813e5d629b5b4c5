import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { answerReplays, answers } from '@/lib/db/schema';
import { answerWriterFor, POSTGRES_WRITES_IN_FLIGHT } from '@/lib/server/answer-writer';
import { submitAnswers, type SubmitAnswersResult } from '@/lib/server/answers';
import { createParticipant } from '@/lib/server/participants';
import { countAnswers, setUpTestDatabase, testEngines } from './db-engines';
import { answerBatch, makeAnswer, TEST_CONTENT_VERSION, testStructure } from './test-module';

/**
 * Group commit (lib/server/answer-writer.ts): requests that arrive while a write is in flight
 * are written together, and each must get exactly the receipts it would have got alone.
 */
describe.each(testEngines)('the answer writer on $name', (engine) => {
  const db = setUpTestDatabase(engine);

  async function newParticipant(): Promise<string> {
    const id = randomUUID();
    await createParticipant(db(), { id, locale: 'en-GB' });
    return id;
  }

  const submit = (participantId: string, batch: ReturnType<typeof answerBatch>) =>
    submitAnswers(db(), testStructure, TEST_CONTENT_VERSION, { participantId, answers: batch });

  const statuses = (result: SubmitAnswersResult) => (result.ok ? result.receipts.map((receipt) => receipt.status) : result.error);

  /**
   * Requests that occupy every write slot (one on PGlite, four on PostgreSQL), so that the
   * requests started right after them wait and are written together, in the order they came.
   */
  async function fillers(): Promise<Promise<SubmitAnswersResult>[]> {
    const ids = await Promise.all(Array.from({ length: POSTGRES_WRITES_IN_FLIGHT }, () => newParticipant()));
    return ids.map((id) => submit(id, answerBatch()));
  }

  it('writes requests that arrive together in fewer writes, each answer stored once, every receipt its own', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, () => newParticipant()));
    const batches = ids.map(() => answerBatch());
    const before = answerWriterFor(db()).stats();
    const results = await Promise.all(ids.map((id, index) => submit(id, batches[index] ?? [])));
    const after = answerWriterFor(db()).stats();

    expect(after.submissions - before.submissions).toBe(20);
    // All 20 came in one tick: the first ones take the free write slots, the rest wait and go together.
    expect(after.writes - before.writes).toBeLessThanOrEqual(POSTGRES_WRITES_IN_FLIGHT + 1);
    results.forEach((result, index) =>
      expect(result).toEqual({
        ok: true,
        receipts: (batches[index] ?? []).map((answer) => ({ id: answer.id, status: 'stored' })),
        classSessionId: null,
        stored: 6,
      }),
    );
    expect(await countAnswers(db())).toBe(120);
    // Each row belongs to the participant that sent it.
    const rows = await db().select({ id: answers.id, participantId: answers.participantId }).from(answers);
    const owner = new Map(rows.map((row) => [row.id, row.participantId]));
    ids.forEach((id, index) => (batches[index] ?? []).forEach((answer) => expect(owner.get(answer.id)).toBe(id)));
  });

  it('gives overlapping ids in one write to the first request only: the rest are duplicates, nothing is stored twice', async () => {
    const first = await newParticipant();
    const second = await newParticipant();
    const batch = answerBatch();
    const secondBatch = [batch[0] ?? makeAnswer({ itemId: 'F1', response: { kind: 'number', value: 1 } }), makeAnswer({ itemId: 'q-tf', response: { kind: 'choice', optionIds: ['true'] } })];
    const waiting = await fillers();
    // The same batch twice at once (a double tap), and another device reusing one of its ids.
    const [once, twice, other] = await Promise.all([submit(first, batch), submit(first, batch), submit(second, secondBatch)]);
    await Promise.all(waiting);

    expect(once).toEqual({ ok: true, receipts: batch.map((answer) => ({ id: answer.id, status: 'stored' })), classSessionId: null, stored: 6 });
    expect(twice).toEqual({ ok: true, receipts: batch.map((answer) => ({ id: answer.id, status: 'duplicate' })), classSessionId: null, stored: 0 });
    expect(other && statuses(other)).toEqual(['duplicate', 'stored']);
    expect(await countAnswers(db())).toBe(POSTGRES_WRITES_IN_FLIGHT * 6 + 6 + 1);
  });

  it("keeps one request's refusals and unknown participant to itself", async () => {
    const good = await newParticipant();
    const mixed = await newParticipant();
    const goodBatch = answerBatch();
    const refused = makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['zzz'] } });
    const kept = makeAnswer({ itemId: 'q-tf', response: { kind: 'choice', optionIds: ['true'] } });
    const waiting = await fillers();
    const [unknown, goodResult, mixedResult] = await Promise.all([submit(randomUUID(), answerBatch()), submit(good, goodBatch), submit(mixed, [refused, kept])]);
    await Promise.all(waiting);

    expect(unknown).toEqual({ ok: false, error: 'unknown_participant' });
    expect(goodResult && statuses(goodResult)).toEqual(goodBatch.map(() => 'stored'));
    expect(mixedResult).toEqual({
      ok: true,
      receipts: [
        { id: refused.id, status: 'refused', problems: [{ path: 'answers.0.response', problem: 'unknown_option' }] },
        { id: kept.id, status: 'stored' },
      ],
      classSessionId: null,
      stored: 1,
    });
  });

  it('writes each request on its own when the combined write fails, so only the bad one fails', async () => {
    const good = await newParticipant();
    const bad = await newParticipant();
    const alsoGood = await newParticipant();
    const goodBatch = answerBatch();
    const alsoGoodBatch = answerBatch();
    // The database refuses any answer row of `bad` (a real failure of the insert statement).
    await db().execute(sql.raw(`CREATE FUNCTION rk_test_refuse_answer() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`));
    await db().execute(
      sql.raw(`CREATE TRIGGER rk_test_refuse_answer BEFORE INSERT ON answers FOR EACH ROW WHEN (NEW.participant_id = '${bad}') EXECUTE FUNCTION rk_test_refuse_answer()`),
    );
    try {
      const before = answerWriterFor(db()).stats();
      const waiting = await fillers();
      const outcomes = await Promise.allSettled([submit(good, goodBatch), submit(bad, answerBatch()), submit(alsoGood, alsoGoodBatch)]);
      await Promise.all(waiting);
      const after = answerWriterFor(db()).stats();

      expect(after.fallbacks - before.fallbacks).toBe(1);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(outcomes[0]).toEqual({ status: 'fulfilled', value: { ok: true, receipts: goodBatch.map((a) => ({ id: a.id, status: 'stored' })), classSessionId: null, stored: 6 } });
      expect(outcomes[2]).toEqual({ status: 'fulfilled', value: { ok: true, receipts: alsoGoodBatch.map((a) => ({ id: a.id, status: 'stored' })), classSessionId: null, stored: 6 } });
      // drizzle's "Failed query" error, caused by the database's refusal.
      expect(outcomes[1]?.status === 'rejected' && String((outcomes[1].reason as Error).cause)).toMatch(/refused by the test/);
      // The failed combined write left nothing behind: the good ones stored once, the bad one not at all.
      expect(await countAnswers(db())).toBe(POSTGRES_WRITES_IN_FLIGHT * 6 + 12);
      const badRows = await db().execute(sql.raw(`SELECT count(*)::int AS n FROM answers WHERE participant_id = '${bad}'`));
      expect((badRows as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
    } finally {
      await db().execute(sql.raw('DROP TRIGGER rk_test_refuse_answer ON answers'));
      await db().execute(sql.raw('DROP FUNCTION rk_test_refuse_answer()'));
    }
  });

  it('stores answers and replays of several requests together, both or neither', async () => {
    const first = await newParticipant();
    const second = await newParticipant();
    const choice = () => makeAnswer({ itemId: 'party/offer', response: { kind: 'choice', optionIds: ['accept'] } });
    const replay = () => makeAnswer({ itemId: 'party/offer', response: { kind: 'choice', optionIds: ['decline'] }, replay: true, answeredAt: '2025-03-14T10:20:00.000Z' });
    const [firstChoice, firstReplay, secondChoice, secondReplay, secondReplayAgain] = [choice(), replay(), choice(), replay(), replay()];
    const waiting = await fillers();
    const [a, b] = await Promise.all([submit(first, [firstChoice, firstReplay]), submit(second, [secondChoice, secondReplay, secondReplayAgain])]);
    await Promise.all(waiting);

    expect(a).toMatchObject({ ok: true, receipts: [{ status: 'stored' }, { status: 'stored' }], stored: 1 });
    // A second replay of the same decision is skipped, as it is alone.
    expect(b).toMatchObject({ ok: true, receipts: [{ status: 'stored' }, { status: 'stored' }, { status: 'duplicate' }], stored: 1 });
    const replays = await db().select({ id: answerReplays.id }).from(answerReplays);
    expect(replays.map((row) => row.id).sort()).toEqual([firstReplay.id, secondReplay.id].sort());
  });

  it('acknowledges ids a device sends in capitals as stored (the database gives uuids back in lower case)', async () => {
    const participantId = (await newParticipant()).toUpperCase();
    const answer = makeAnswer({ itemId: 'q-tf', response: { kind: 'choice', optionIds: ['true'] } });
    const shouted = { ...answer, id: answer.id.toUpperCase() };
    expect(await submit(participantId, [shouted])).toEqual({ ok: true, receipts: [{ id: shouted.id, status: 'stored' }], classSessionId: null, stored: 1 });
    expect(await submit(participantId, [shouted])).toEqual({ ok: true, receipts: [{ id: shouted.id, status: 'duplicate' }], classSessionId: null, stored: 0 });
    expect(await countAnswers(db())).toBe(1);
  });
});
