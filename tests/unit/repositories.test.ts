import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { AnswerResponse } from '@/lib/api/schemas';
import { answerReplays, answers, participants } from '@/lib/db/schema';
import { getProgress, submitAnswers } from '@/lib/server/answers';
import { createParticipant } from '@/lib/server/participants';
import { countAnswers, countParticipants, setUpTestDatabase, testEngines } from './db-engines';
import { answerBatch, makeAnswer, OLD_CONTENT_VERSION, TEST_CONTENT_VERSION, testStructure } from './test-module';

describe.each(testEngines)('repositories on $name', (engine) => {
  const db = setUpTestDatabase(engine);

  async function newParticipant(): Promise<string> {
    const id = randomUUID();
    await createParticipant(db(), { id, locale: 'en-GB' });
    return id;
  }

  const submit = (participantId: string, batch: ReturnType<typeof answerBatch>) =>
    submitAnswers(db(), testStructure, TEST_CONTENT_VERSION, { participantId, answers: batch });

  describe('createParticipant', () => {
    it('creates a participant once, however often the device retries', async () => {
      const id = randomUUID();
      expect(await createParticipant(db(), { id, locale: 'pl' })).toEqual({ ok: true, created: true });
      expect(await createParticipant(db(), { id, locale: 'pl' })).toEqual({ ok: true, created: false });
      expect(await createParticipant(db(), { id, locale: 'en-GB' })).toEqual({ ok: true, created: false });
      expect(await countParticipants(db())).toBe(1);
      const rows = await db().select({ id: participants.id, locale: participants.locale }).from(participants);
      expect(rows).toEqual([{ id, locale: 'pl' }]);
    });
  });

  describe('submitAnswers', () => {
    it('stores a batch and scores what has a right answer', async () => {
      const participantId = await newParticipant();
      const batch = answerBatch();
      const result = await submit(participantId, batch);
      expect(result).toEqual({ ok: true, receipts: batch.map((a) => ({ id: a.id, status: 'stored' })), classSessionId: null, stored: batch.length });
      expect(await countAnswers(db())).toBe(6);

      const rows = await db()
        .select({ itemId: answers.itemId, correct: answers.correct, confidence: answers.confidence })
        .from(answers)
        .orderBy(asc(answers.itemId));
      expect(rows).toEqual([
        { itemId: 'F1', correct: true, confidence: null },
        { itemId: 'F2', correct: false, confidence: null },
        { itemId: 'party/offer', correct: null, confidence: null },
        { itemId: 'plan', correct: null, confidence: null },
        { itemId: 'q-order', correct: false, confidence: null },
        { itemId: 'q-single', correct: true, confidence: 3 },
      ]);
    });

    it('keeps the response and times as sent', async () => {
      const participantId = await newParticipant();
      const answer = makeAnswer({
        itemId: 'q-multi',
        response: { kind: 'choice', optionIds: ['b', 'a'] },
        answeredAt: '2025-01-02T03:04:05.678Z',
      });
      await submit(participantId, [answer]);
      const [row] = await db().select().from(answers);
      expect(row?.response).toEqual({ kind: 'choice', optionIds: ['b', 'a'] });
      expect(row?.answeredAt.toISOString()).toBe('2025-01-02T03:04:05.678Z');
      expect(row?.phase).toBe('main');
      expect(row?.contentVersion).toBe(TEST_CONTENT_VERSION);
      expect(row?.correct).toBe(true);
      expect(row?.receivedAt).toBeInstanceOf(Date);
    });

    it('acknowledges a batch sent again as duplicates and stores nothing more', async () => {
      const participantId = await newParticipant();
      const batch = answerBatch();
      await submit(participantId, batch);
      const again = await submit(participantId, batch);
      expect(again).toEqual({ ok: true, receipts: batch.map((a) => ({ id: a.id, status: 'duplicate' })), classSessionId: null, stored: 0 });
      expect(await countAnswers(db())).toBe(6);
    });

    it('treats the same item and phase under a new id as a duplicate, keeping the first answer', async () => {
      const participantId = await newParticipant();
      const first = makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['right'] } });
      const second = makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['wrong'] } });
      await submit(participantId, [first]);
      expect(await submit(participantId, [second])).toEqual({
        ok: true,
        receipts: [{ id: second.id, status: 'duplicate' }],
        classSessionId: null,
        stored: 0,
      });
      expect(await countAnswers(db())).toBe(1);
      const rows = await db().select({ id: answers.id, response: answers.response }).from(answers);
      expect(rows).toEqual([{ id: first.id, response: { kind: 'choice', optionIds: ['right'] } }]);
    });

    it('stores the same item once per phase', async () => {
      const participantId = await newParticipant();
      const response: AnswerResponse = { kind: 'choice', optionIds: ['wrong'] };
      const result = await submit(participantId, [
        makeAnswer({ itemId: 'q-single', phase: 'before', response }),
        makeAnswer({ itemId: 'q-single', phase: 'after', response }),
      ]);
      expect(result.ok && result.receipts.map((r) => r.status)).toEqual(['stored', 'stored']);
      expect(await countAnswers(db())).toBe(2);
    });

    it('stores an id sent twice in one batch once', async () => {
      const participantId = await newParticipant();
      const answer = makeAnswer({ itemId: 'q-tf', response: { kind: 'choice', optionIds: ['false'] } });
      const result = await submit(participantId, [answer, answer]);
      expect(result).toEqual({
        ok: true,
        receipts: [
          { id: answer.id, status: 'stored' },
          { id: answer.id, status: 'duplicate' },
        ],
        classSessionId: null,
        stored: 1,
      });
      expect(await countAnswers(db())).toBe(1);
    });

    it('stores the first of two answers to the same item and phase in one batch', async () => {
      const participantId = await newParticipant();
      const first = makeAnswer({ itemId: 'party/offer', response: { kind: 'choice', optionIds: ['accept'] } });
      const second = makeAnswer({ itemId: 'party/offer', response: { kind: 'choice', optionIds: ['decline'] } });
      const result = await submit(participantId, [first, second]);
      expect(result).toEqual({
        ok: true,
        receipts: [
          { id: first.id, status: 'stored' },
          { id: second.id, status: 'duplicate' },
        ],
        classSessionId: null,
        stored: 1,
      });
      const rows = await db().select({ id: answers.id }).from(answers);
      expect(rows).toEqual([{ id: first.id }]);
    });

    it('stores the new answers of a batch that repeats some old ones', async () => {
      const participantId = await newParticipant();
      const [a, b, c] = answerBatch();
      if (!a || !b || !c) throw new Error('answerBatch is too short');
      await submit(participantId, [a]);
      const result = await submit(participantId, [a, b, c]);
      expect(result.ok && result.receipts.map((r) => r.status)).toEqual(['duplicate', 'stored', 'stored']);
      expect(await countAnswers(db())).toBe(3);
    });

    it("does not let another participant's answer id through", async () => {
      const first = await newParticipant();
      const second = await newParticipant();
      const answer = makeAnswer({ itemId: 'q-tf', response: { kind: 'choice', optionIds: ['true'] } });
      await submit(first, [answer]);
      const result = await submit(second, [answer]);
      expect(result.ok && result.receipts).toEqual([{ id: answer.id, status: 'duplicate' }]);
      expect(await countAnswers(db())).toBe(1);
    });

    it('refuses each answer that does not fit the content and stores the rest of the batch', async () => {
      const participantId = await newParticipant();
      const good = answerBatch();
      const bad = [
        makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['zzz'] } }),
        makeAnswer({ itemId: 'q-gone', response: { kind: 'choice', optionIds: ['a'] } }),
        makeAnswer({ itemId: 'a-speed', phase: 'main', response: { kind: 'scale', value: 2 } }),
      ];
      const result = await submit(participantId, [...good, ...bad]);
      expect(result.ok && result.receipts.slice(good.length)).toEqual([
        { id: bad[0]?.id, status: 'refused', problems: [{ path: 'answers.6.response', problem: 'unknown_option' }] },
        { id: bad[1]?.id, status: 'refused', problems: [{ path: 'answers.7.itemId', problem: 'unknown_item' }] },
        { id: bad[2]?.id, status: 'refused', problems: [{ path: 'answers.8.phase', problem: 'wrong_phase' }] },
      ]);
      expect(await countAnswers(db())).toBe(good.length);
    });

    it('refuses the whole batch, storing nothing, when no answer in it fits the content', async () => {
      const participantId = await newParticipant();
      const batch = [
        makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['zzz'] } }),
        makeAnswer({ itemId: 'q-gone', response: { kind: 'choice', optionIds: ['a'] } }),
      ];
      expect(await submit(participantId, batch)).toEqual({
        ok: false,
        error: 'invalid_answer',
        problems: [
          { path: 'answers.0.response', problem: 'unknown_option' },
          { path: 'answers.1.itemId', problem: 'unknown_item' },
        ],
      });
      expect(await countAnswers(db())).toBe(0);
    });

    it('refuses answers from an unknown participant and stores nothing', async () => {
      const result = await submit(randomUUID(), answerBatch());
      expect(result).toEqual({ ok: false, error: 'unknown_participant' });
      expect(await countAnswers(db())).toBe(0);
      expect(await countParticipants(db())).toBe(0);
    });

    it('stores an answer given under another content version, unscored', async () => {
      const participantId = await newParticipant();
      const answer = makeAnswer({
        itemId: 'q-single',
        response: { kind: 'choice', optionIds: ['right'] },
        contentVersion: OLD_CONTENT_VERSION,
      });
      const result = await submit(participantId, [answer]);
      expect(result).toEqual({ ok: true, receipts: [{ id: answer.id, status: 'stored' }], classSessionId: null, stored: 1 });
      const rows = await db().select({ correct: answers.correct, version: answers.contentVersion }).from(answers);
      expect(rows).toEqual([{ correct: null, version: OLD_CONTENT_VERSION }]);
    });

    it("deletes a participant's answers with the participant", async () => {
      const participantId = await newParticipant();
      await submit(participantId, answerBatch());
      await db().delete(participants).where(eq(participants.id, participantId));
      expect(await countAnswers(db())).toBe(0);
    });
  });

  describe('the order shown (options shuffled per device)', () => {
    it('keeps the order each answer was shown in, and none where nothing was shuffled', async () => {
      const participantId = await newParticipant();
      const single = makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['right'] }, shownOrder: ['wrong', 'right', 'also-wrong'] });
      const guess = makeAnswer({ itemId: 'F2', response: { kind: 'choice', optionIds: ['one-in-five'] }, shownOrder: ['one-in-fifty', 'one-in-five'] });
      const decision = makeAnswer({ itemId: 'party/offer', response: { kind: 'choice', optionIds: ['accept'] }, shownOrder: ['decline', 'accept'] });
      const trueFalse = makeAnswer({ itemId: 'q-tf', response: { kind: 'choice', optionIds: ['false'] } });
      await submit(participantId, [single, guess, decision, trueFalse]);
      const rows = await db().select({ itemId: answers.itemId, shownOrder: answers.shownOrder }).from(answers).orderBy(asc(answers.itemId));
      expect(rows).toEqual([
        { itemId: 'F2', shownOrder: ['one-in-fifty', 'one-in-five'] },
        { itemId: 'party/offer', shownOrder: ['decline', 'accept'] },
        { itemId: 'q-single', shownOrder: ['wrong', 'right', 'also-wrong'] },
        { itemId: 'q-tf', shownOrder: null },
      ]);
    });

    it('refuses an order shown that is not exactly the question\'s options, and stores the rest of the batch', async () => {
      const participantId = await newParticipant();
      const missing = makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['right'] }, shownOrder: ['wrong', 'right'] });
      const foreign = makeAnswer({ itemId: 'party/offer', response: { kind: 'choice', optionIds: ['accept'] }, shownOrder: ['accept', 'right'] });
      const onANumber = makeAnswer({ itemId: 'F1', response: { kind: 'number', value: 2 }, shownOrder: ['a', 'b'] });
      const result = await submit(participantId, [...answerBatch(), missing, foreign, onANumber]);
      expect(result.ok && result.receipts.slice(6)).toEqual([
        { id: missing.id, status: 'refused', problems: [{ path: 'answers.6.shownOrder', problem: 'bad_shown_order' }] },
        { id: foreign.id, status: 'refused', problems: [{ path: 'answers.7.shownOrder', problem: 'bad_shown_order' }] },
        { id: onANumber.id, status: 'refused', problems: [{ path: 'answers.8.shownOrder', problem: 'bad_shown_order' }] },
      ]);
      expect(await countAnswers(db())).toBe(6);
    });
  });

  describe('story replays', () => {
    const firstChoice = () => makeAnswer({ itemId: 'party/offer', response: { kind: 'choice', optionIds: ['accept'] }, shownOrder: ['accept', 'decline'] });
    const replay = () => makeAnswer({ itemId: 'party/offer', response: { kind: 'choice', optionIds: ['decline'] }, replay: true, answeredAt: '2025-03-14T10:20:00.000Z' });

    it('stores a replay apart: the first choice stays the one in answers, unchanged', async () => {
      const participantId = await newParticipant();
      const first = firstChoice();
      const again = replay();
      const result = await submit(participantId, [first, again]);
      expect(result).toMatchObject({ ok: true, receipts: [{ id: first.id, status: 'stored' }, { id: again.id, status: 'stored' }], stored: 1 });
      expect(await db().select({ id: answers.id, response: answers.response }).from(answers)).toEqual([{ id: first.id, response: first.response }]);
      expect(await db().select({ id: answerReplays.id, itemId: answerReplays.itemId, response: answerReplays.response }).from(answerReplays)).toEqual([
        { id: again.id, itemId: 'party/offer', response: { kind: 'choice', optionIds: ['decline'] } },
      ]);
      expect(await getProgress(db(), participantId)).toEqual({
        answered: [{ id: first.id, itemId: 'party/offer', phase: 'main' }],
        replayed: [{ id: again.id, itemId: 'party/offer' }],
      });
    });

    it('stores a replay once: the same id again, or a second replay of the decision, is a duplicate', async () => {
      const participantId = await newParticipant();
      const again = replay();
      await submit(participantId, [firstChoice(), again]);
      const another = replay();
      const result = await submit(participantId, [again, another]);
      expect(result).toMatchObject({ ok: true, receipts: [{ id: again.id, status: 'duplicate' }, { id: another.id, status: 'duplicate' }], stored: 0 });
      expect(await db().select({ id: answerReplays.id }).from(answerReplays)).toEqual([{ id: again.id }]);
      expect(await countAnswers(db())).toBe(1);
    });

    it('never lets a replay take the place of a first choice not yet received', async () => {
      const participantId = await newParticipant();
      await submit(participantId, [replay()]);
      expect(await countAnswers(db())).toBe(0);
      const first = firstChoice();
      await submit(participantId, [first]);
      expect(await db().select({ id: answers.id }).from(answers)).toEqual([{ id: first.id }]);
    });

    it('refuses a replay of anything but a story decision', async () => {
      const participantId = await newParticipant();
      const result = await submit(participantId, [makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['right'] }, replay: true })]);
      expect(result).toEqual({ ok: false, error: 'invalid_answer', problems: [{ path: 'answers.0.replay', problem: 'not_replayable' }] });
    });

    it('deletes replays with the participant', async () => {
      const participantId = await newParticipant();
      await submit(participantId, [firstChoice(), replay()]);
      await db().delete(participants).where(eq(participants.id, participantId));
      expect(await db().select({ id: answerReplays.id }).from(answerReplays)).toEqual([]);
    });
  });

  describe('getProgress', () => {
    it('is null for an unknown participant', async () => {
      expect(await getProgress(db(), randomUUID())).toBeNull();
    });

    it('is empty for a participant with no answers', async () => {
      expect(await getProgress(db(), await newParticipant())).toEqual({ answered: [], replayed: [] });
    });

    it("lists the participant's own answers in the order given, without the answers themselves", async () => {
      const participantId = await newParticipant();
      const later = makeAnswer({
        itemId: 'q-single',
        phase: 'after',
        response: { kind: 'choice', optionIds: ['right'] },
        answeredAt: '2025-03-14T11:00:00.000Z',
      });
      const earlier = makeAnswer({
        itemId: 'a-speed',
        phase: 'before',
        response: { kind: 'scale', value: null },
        answeredAt: '2025-03-14T09:00:00.000Z',
      });
      await submit(participantId, [later, earlier]);
      await submit(await newParticipant(), answerBatch());

      expect(await getProgress(db(), participantId)).toEqual({
        answered: [
          { id: earlier.id, itemId: 'a-speed', phase: 'before' },
          { id: later.id, itemId: 'q-single', phase: 'after' },
        ],
        replayed: [],
      });
    });
  });
});
