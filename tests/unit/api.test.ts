/**
 * The route handlers called directly with `Request`s, as Next would call them, against each
 * test database and the small test module.
 */
import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { POST as postAnswers } from '@/app/api/v1/answers/route';
import { GET as getProgressRoute } from '@/app/api/v1/participants/[id]/progress/route';
import { POST as postParticipant } from '@/app/api/v1/participants/route';
import { apiErrorSchema, type Answer, type SubmitAnswersResponse } from '@/lib/api/schemas';
import { useModuleForTests } from '@/lib/content/load';
import { useDatabaseForTests } from '@/lib/db/client';
import { answers as answersTable, participants as participantsTable } from '@/lib/db/schema';
import { countAnswers, countParticipants, setUpTestDatabase, testEngines } from './db-engines';
import { answerBatch, makeAnswer, TEST_CONTENT_VERSION, testModule } from './test-module';

const POLISH = { 'accept-language': 'pl-PL,pl;q=0.9,en;q=0.5' };

function post(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const progressOf = (id: string, headers: Record<string, string> = {}) =>
  getProgressRoute(new Request(`http://localhost/api/v1/participants/${id}/progress`, { headers }), {
    params: Promise.resolve({ id }),
  });

/** The error body, checked against the API's own error schema. */
async function errorOf(response: Response) {
  return apiErrorSchema.parse(await response.json()).error;
}

describe.each(testEngines)('JSON API on $name', (engine) => {
  const db = setUpTestDatabase(engine);
  let warn: MockInstance<typeof console.warn>;

  beforeAll(() => useModuleForTests(testModule));
  afterAll(() => {
    useModuleForTests(undefined);
    useDatabaseForTests(undefined);
  });
  beforeEach(() => {
    useDatabaseForTests(db());
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  async function registered(locale: 'en-GB' | 'pl' = 'en-GB'): Promise<string> {
    const id = randomUUID();
    const response = await postParticipant(post('/api/v1/participants', { id, locale }));
    expect(response.status).toBe(201);
    return id;
  }

  const sendAnswers = (participantId: string, answers: Answer[], headers: Record<string, string> = {}) =>
    postAnswers(post('/api/v1/answers', { participantId, answers }, headers));

  describe('POST /api/v1/participants', () => {
    it('answers 201 when it creates the participant and 200 when it already existed', async () => {
      const id = randomUUID();
      const first = await postParticipant(post('/api/v1/participants', { id, locale: 'pl' }));
      expect(first.status).toBe(201);
      expect(first.headers.get('cache-control')).toBe('no-store');
      expect(await first.json()).toEqual({ id, created: true });

      const again = await postParticipant(post('/api/v1/participants', { id, locale: 'pl' }));
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ id, created: false });
      expect(await countParticipants(db())).toBe(1);
      expect(warn).not.toHaveBeenCalled();
    });

    it('answers 400 naming the field, in English by default, and stores nothing', async () => {
      const response = await postParticipant(post('/api/v1/participants', { id: randomUUID(), locale: 'de' }));
      expect(response.status).toBe(400);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await errorOf(response)).toEqual({
        code: 'invalid_body',
        message: 'Some fields of the request are missing or not valid.',
        issues: [{ path: 'locale', message: 'Invalid option: expected one of "en-GB"|"pl"' }],
      });
      expect(await countParticipants(db())).toBe(0);
      expect(warn.mock.calls).toEqual([['[api] 400 invalid_body POST /api/v1/participants']]);
    });

    it('answers 400 in Polish when the request asks for Polish', async () => {
      const response = await postParticipant(post('/api/v1/participants', { id: 'abc', locale: 'pl' }, POLISH));
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toEqual({
        code: 'invalid_body',
        message: 'Brakuje niektórych pól żądania lub mają nieprawidłowe wartości.',
        issues: [{ path: 'id', message: 'Nieprawidłow(y/a/e) UUID' }],
      });
      expect(await countParticipants(db())).toBe(0);
    });

    it('stores only the SHA-256 of the pairing code, never returns it, and never replaces it', async () => {
      const id = randomUUID();
      const pairingCode = '0123456789abcdef0123456789abcdef';
      const first = await postParticipant(post('/api/v1/participants', { id, locale: 'en-GB', pairingCode }));
      expect(first.status).toBe(201);
      expect(await first.text()).not.toContain(pairingCode);
      const again = await postParticipant(post('/api/v1/participants', { id, locale: 'en-GB', pairingCode: 'f'.repeat(32) }));
      expect(again.status).toBe(200);
      const rows = await db().select().from(participantsTable).where(eq(participantsTable.id, id));
      expect(rows.map((r) => r.pairingHash)).toEqual([createHash('sha256').update(pairingCode).digest('hex')]);
      expect(JSON.stringify(rows)).not.toContain(pairingCode);
    });

    it('answers 400 to a pairing code that is not 32 lowercase hex characters, translated, without logging it', async () => {
      const pairingCode = 'ABCDEF0123456789ABCDEF0123456789';
      const english = await postParticipant(post('/api/v1/participants', { id: randomUUID(), locale: 'en-GB', pairingCode }));
      expect(english.status).toBe(400);
      expect((await errorOf(english)).issues).toEqual([{ path: 'pairingCode', message: 'The pairing code must be 32 characters, each 0–9 or a–f.' }]);
      const polish = await postParticipant(post('/api/v1/participants', { id: randomUUID(), locale: 'pl', pairingCode: 'abc' }, POLISH));
      expect((await errorOf(polish)).issues).toEqual([{ path: 'pairingCode', message: 'Kod parowania musi mieć 32 znaki, każdy z zakresu 0–9 lub a–f.' }]);
      expect(await countParticipants(db())).toBe(0);
      expect(JSON.stringify(warn.mock.calls)).not.toContain(pairingCode);
    });

    it('answers 400 invalid_json to a body that is not JSON', async () => {
      const response = await postParticipant(post('/api/v1/participants', '{"id": '));
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toEqual({ code: 'invalid_json', message: 'The request body is not valid JSON.' });
      expect(await countParticipants(db())).toBe(0);
      expect(warn.mock.calls).toEqual([['[api] 400 invalid_json POST /api/v1/participants']]);
    });
  });

  describe('POST /api/v1/answers', () => {
    it('stores a batch, then acknowledges the same batch as duplicates', async () => {
      const participantId = await registered();
      const batch = answerBatch();

      const first = await sendAnswers(participantId, batch);
      expect(first.status).toBe(200);
      expect(first.headers.get('cache-control')).toBe('no-store');
      expect(await first.json()).toEqual({ receipts: batch.map((a) => ({ id: a.id, status: 'stored' })) });
      expect(await countAnswers(db())).toBe(6);

      const again = await sendAnswers(participantId, batch);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ receipts: batch.map((a) => ({ id: a.id, status: 'duplicate' })) });
      expect(await countAnswers(db())).toBe(6);
    });

    it('answers 400 naming the field of the answer that is wrong, in English', async () => {
      const participantId = await registered();
      const bad = { ...makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['right'] } }) };
      const response = await postAnswers(
        post('/api/v1/answers', { participantId, answers: [{ ...bad, itemId: 'Not An Id!' }] }),
      );
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toEqual({
        code: 'invalid_body',
        message: 'Some fields of the request are missing or not valid.',
        issues: [{ path: 'answers.0.itemId', message: 'not an item id' }],
      });
      expect(await countAnswers(db())).toBe(0);
    });

    it('answers 400 naming the field in Polish, even where the schema wrote its own English message', async () => {
      const participantId = await registered();
      const answer = makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['right'] } });
      const response = await postAnswers(
        post(
          '/api/v1/answers',
          { participantId, answers: [{ ...answer, itemId: 'Not An Id!', confidence: 7 }] },
          POLISH,
        ),
      );
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe('invalid_body');
      expect(error.message).toBe('Brakuje niektórych pól żądania lub mają nieprawidłowe wartości.');
      expect(error.issues?.map((issue) => issue.path)).toEqual(['answers.0.itemId', 'answers.0.confidence']);
      expect(error.issues?.[0]?.message).toMatch(/^Nieprawidłowy ciąg znaków: musi odpowiadać wzorcowi \/\^\(F/);
      expect(error.issues?.[1]?.message).toBe('Zbyt duż(y/a/e): oczekiwano, że number będzie wynosić <=3');
      expect(await countAnswers(db())).toBe(0);
    });

    it('answers 404 to an unknown participant and stores nothing', async () => {
      const response = await sendAnswers(randomUUID(), answerBatch());
      expect(response.status).toBe(404);
      expect(await errorOf(response)).toEqual({
        code: 'unknown_participant',
        message: "This device isn't registered yet. Register it, then send the answers again.",
      });
      expect(await countAnswers(db())).toBe(0);
      expect(await countParticipants(db())).toBe(0);
      expect(warn.mock.calls).toEqual([['[api] 404 unknown_participant POST /api/v1/answers']]);
    });

    it('refuses each answer that does not fit the module, translated, and stores the rest of the batch', async () => {
      const participantId = await registered();
      const good = answerBatch();
      const twoChosen = makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['right', 'wrong'] } });
      const outOfRange = makeAnswer({ itemId: 'F1', response: { kind: 'number', value: 99 } });
      const batch = [...good, twoChosen, outOfRange];
      const response = await sendAnswers(participantId, batch);
      expect(response.status).toBe(200);
      const { receipts } = (await response.json()) as SubmitAnswersResponse;
      expect(receipts.slice(0, good.length).map((r) => r.status)).toEqual(good.map(() => 'stored'));
      expect(receipts.slice(good.length)).toEqual([
        { id: twoChosen.id, status: 'refused', issues: [{ path: 'answers.6.response', message: 'Choose exactly one option.' }] },
        { id: outOfRange.id, status: 'refused', issues: [{ path: 'answers.7.response', message: 'The number is outside the range the question allows.' }] },
      ]);
      expect(await countAnswers(db())).toBe(good.length);
    });

    it('refuses one unreadable answer with zod\'s words in Polish, and stores its neighbour', async () => {
      const participantId = await registered('pl');
      const good = makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['right'] } });
      const unreadable = { ...makeAnswer({ itemId: 'F1', response: { kind: 'number', value: 2 } }), phase: 'sometime' };
      const response = await sendAnswers(participantId, [good, unreadable as unknown as ReturnType<typeof makeAnswer>], POLISH);
      expect(response.status).toBe(200);
      const { receipts } = (await response.json()) as SubmitAnswersResponse;
      expect(receipts[0]).toEqual({ id: good.id, status: 'stored' });
      expect(receipts[1]).toMatchObject({ id: unreadable.id, status: 'refused', issues: [{ path: 'answers.1.phase' }] });
      expect(receipts[1]?.issues?.[0]?.message).toMatch(/Nieprawidłow/);
      expect(await countAnswers(db())).toBe(1);
    });

    it('refuses an answer stamped year 0 on its own, translated, never a 500, and stores its neighbour', async () => {
      const participantId = await registered();
      const good = makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['right'] }, answeredAt: new Date().toISOString() });
      const yearZero = makeAnswer({ itemId: 'F1', response: { kind: 'number', value: 2 }, answeredAt: '0000-01-01T00:00:00Z' });
      const response = await sendAnswers(participantId, [good, yearZero]);
      expect(response.status).toBe(200);
      expect(((await response.json()) as SubmitAnswersResponse).receipts).toEqual([
        { id: good.id, status: 'stored' },
        {
          id: yearZero.id,
          status: 'refused',
          issues: [{ path: 'answers.1.answeredAt', message: "This answer's time is before the session opened, even allowing for the device's clock." }],
        },
      ]);
      expect(await countAnswers(db())).toBe(1);
    });

    it('answers 422 when no answer in the batch fits the module, naming each, and stores nothing', async () => {
      const participantId = await registered();
      const batch = [
        makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['right', 'wrong'] } }),
        makeAnswer({ itemId: 'F1', response: { kind: 'number', value: 99 } }),
      ];
      const response = await sendAnswers(participantId, batch);
      expect(response.status).toBe(422);
      expect(await errorOf(response)).toEqual({
        code: 'invalid_answer',
        message: "None of these answers match the questions in this module. Nothing was saved.",
        issues: [
          { path: 'answers.0.response', message: 'Choose exactly one option.' },
          { path: 'answers.1.response', message: 'The number is outside the range the question allows.' },
        ],
      });
      expect(await countAnswers(db())).toBe(0);
    });

    it('answers 422 in Polish', async () => {
      const participantId = await registered('pl');
      const response = await sendAnswers(
        participantId,
        [makeAnswer({ itemId: 'q-gone', response: { kind: 'choice', optionIds: ['a'] } })],
        POLISH,
      );
      expect(response.status).toBe(422);
      expect(await errorOf(response)).toEqual({
        code: 'invalid_answer',
        message: 'Żadna z tych odpowiedzi nie pasuje do pytań w tym module. Nic nie zostało zapisane.',
        issues: [{ path: 'answers.0.itemId', message: 'W tym module nie ma takiego pytania.' }],
      });
      expect(await countAnswers(db())).toBe(0);
    });

    it('answers 422 to an order shown that is not the question\'s options, translated, and stores nothing', async () => {
      const participantId = await registered();
      const answer = makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['right'] }, shownOrder: ['right', 'wrong', 'a-b'] });
      const english = await sendAnswers(participantId, [answer]);
      expect(english.status).toBe(422);
      expect((await errorOf(english)).issues).toEqual([
        { path: 'answers.0.shownOrder', message: 'The order the options were shown in must list every option of this question, each once.' },
      ]);
      const polish = await sendAnswers(participantId, [answer], POLISH);
      expect((await errorOf(polish)).issues).toEqual([
        { path: 'answers.0.shownOrder', message: 'Kolejność, w jakiej pokazano odpowiedzi, musi zawierać każdą odpowiedź tego pytania dokładnie raz.' },
      ]);
      expect(await countAnswers(db())).toBe(0);
    });

    it('answers 400 to an order shown that repeats an option, translated, and stores nothing', async () => {
      const participantId = await registered('pl');
      const answer = makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['right'] }, shownOrder: ['right', 'right', 'wrong'] });
      const polish = await sendAnswers(participantId, [answer], POLISH);
      expect(polish.status).toBe(400);
      expect((await errorOf(polish)).issues).toEqual([{ path: 'answers.0.shownOrder', message: 'Pokazana kolejność musi podawać każdą odpowiedź raz, od 2 do 8 odpowiedzi.' }]);
      const english = await sendAnswers(participantId, [answer]);
      expect((await errorOf(english)).issues).toEqual([{ path: 'answers.0.shownOrder', message: 'The order shown must give each option once, 2 to 8 options.' }]);
      expect(await countAnswers(db())).toBe(0);
    });

    it('stores a story replay apart from the first choice, and lists it as a replay', async () => {
      const participantId = await registered();
      const first = makeAnswer({ itemId: 'party/offer', response: { kind: 'choice', optionIds: ['accept'] }, shownOrder: ['decline', 'accept'] });
      const replay = makeAnswer({ itemId: 'party/offer', response: { kind: 'choice', optionIds: ['decline'] }, replay: true });
      const response = await sendAnswers(participantId, [first, replay]);
      expect(await response.json()).toEqual({ receipts: [{ id: first.id, status: 'stored' }, { id: replay.id, status: 'stored' }] });
      expect(await countAnswers(db())).toBe(1);
      const progress = (await (await progressOf(participantId)).json()) as { answered: unknown[]; replayed: unknown[] };
      expect(progress.answered).toEqual([{ id: first.id, itemId: 'party/offer', phase: 'main' }]);
      expect(progress.replayed).toEqual([{ id: replay.id, itemId: 'party/offer' }]);
    });

    it('answers 413 to a body over 256 KB sent without a declared length, and stores nothing', async () => {
      const participantId = await registered();
      const padding = 'x'.repeat(300 * 1024);
      const response = await postAnswers(post('/api/v1/answers', { participantId, answers: answerBatch(), padding }));
      expect(response.status).toBe(413);
      expect(await errorOf(response)).toEqual({
        code: 'body_too_large',
        message: 'The request is too large. Send fewer answers at a time.',
      });
      expect(await countAnswers(db())).toBe(0);
      expect(warn.mock.calls).toEqual([['[api] 413 body_too_large POST /api/v1/answers']]);
    });

    it('answers 413 to a declared length over 256 KB before reading the body', async () => {
      const participantId = await registered();
      const request = post('/api/v1/answers', { participantId, answers: answerBatch() }, {
        'content-length': String(256 * 1024 + 1),
      });
      const response = await postAnswers(request);
      expect(response.status).toBe(413);
      expect(await countAnswers(db())).toBe(0);
    });

    it('accepts a body of just under 256 KB', async () => {
      const participantId = await registered();
      const body = JSON.stringify({ participantId, answers: answerBatch(), padding: '' });
      const padded = body.replace('"padding":""', `"padding":"${'x'.repeat(256 * 1024 - body.length)}"`);
      expect(Buffer.byteLength(padded)).toBe(256 * 1024);
      const response = await postAnswers(post('/api/v1/answers', padded));
      expect(response.status).toBe(200);
      expect(await countAnswers(db())).toBe(6);
    });

    it('stores no free text, even when a client sends some', async () => {
      const participantId = await registered();
      const answer = makeAnswer({ itemId: 'plan', response: { kind: 'plan', planIds: ['plan-call'], ownPlanCount: 1 } });
      const withText = { ...answer, note: 'Jo Bloggs', response: { ...answer.response, ownPlans: ['If Sam drives, I will ring Mum'] } };
      const response = await postAnswers(post('/api/v1/answers', { participantId, answers: [withText] }));
      expect(response.status).toBe(200);
      const rows = await db().select().from(answersTable);
      expect(rows.map((row) => row.response)).toEqual([{ kind: 'plan', planIds: ['plan-call'], ownPlanCount: 1 }]);
      expect(JSON.stringify(rows)).not.toMatch(/Jo Bloggs|ring Mum/);
    });

    it('never logs the answers or the participant id', async () => {
      const participantId = await registered();
      const answer = makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['nope'] } });
      await sendAnswers(participantId, [answer]);
      const logged = JSON.stringify(warn.mock.calls);
      expect(logged).toBe(JSON.stringify([['[api] 422 invalid_answer POST /api/v1/answers']]));
    });
  });

  describe('GET /api/v1/participants/{id}/progress', () => {
    it('lists what the participant answered with the current content version', async () => {
      const participantId = await registered();
      const batch = answerBatch();
      await sendAnswers(participantId, batch);
      const response = await progressOf(participantId);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body: unknown = await response.json();
      expect(body).toEqual({
        participantId,
        contentVersion: TEST_CONTENT_VERSION,
        answered: expect.arrayContaining(batch.map((a) => ({ id: a.id, itemId: a.itemId, phase: a.phase }))),
        replayed: [],
      });
      expect(body).toHaveProperty('answered.length', 6);
    });

    it('answers 400 to an id that is not a UUID', async () => {
      const response = await progressOf('not-a-uuid');
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toEqual({
        code: 'invalid_participant_id',
        message: 'That is not a valid participant id.',
        issues: [{ path: 'id', message: 'Invalid UUID' }],
      });
    });

    it('answers 400 in Polish', async () => {
      const response = await progressOf('not-a-uuid', POLISH);
      expect(await errorOf(response)).toEqual({
        code: 'invalid_participant_id',
        message: 'To nie jest prawidłowy identyfikator uczestnika.',
        issues: [{ path: 'id', message: 'Nieprawidłow(y/a/e) UUID' }],
      });
    });

    it('answers 404 to an unknown participant', async () => {
      const response = await progressOf(randomUUID());
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe('unknown_participant');
      expect(warn.mock.calls).toEqual([['[api] 404 unknown_participant GET /api/v1/participants/[id]/progress']]);
    });
  });
});
