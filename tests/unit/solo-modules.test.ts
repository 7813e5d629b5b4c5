/**
 * A student on their own takes any published module (decision note 017): the participant row
 * records the module and version the device registers with, its answers are judged against that
 * module, a module never published is refused with nothing stored, and rows made before modules
 * were chosen stay roads-kill's. The route handlers are called as Next would call them, against
 * roads-kill from content/ and the sample-short fixture published beside it.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { POST as postAnswers } from '@/app/api/v1/answers/route';
import { GET as getProgressRoute } from '@/app/api/v1/participants/[id]/progress/route';
import { POST as postParticipant } from '@/app/api/v1/participants/route';
import { apiErrorSchema, submitAnswersResponseSchema, type Answer } from '@/lib/api/schemas';
import { readModuleFolder } from '@/lib/content/check-files';
import { currentModuleVersion, publishModuleVersion } from '@/lib/content/modules';
import { useDatabaseForTests } from '@/lib/db/client';
import { answers as answersTable, participants } from '@/lib/db/schema';
import { countAnswers, countParticipants, setUpTestDatabase, testEngines } from './db-engines';

const SAMPLE = 'sample-short';

function post(url: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${url}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** A single-choice answer in the main phase: `q-full-car` is sample-short's, `m-world-killer` roads-kill's. */
function choice(itemId: string, optionId: string, contentVersion: string): Answer {
  return { id: randomUUID(), itemId, phase: 'main', response: { kind: 'choice', optionIds: [optionId] }, contentVersion, answeredAt: new Date().toISOString() };
}

describe.each(testEngines)('students on their own choose a module, on $name', (engine) => {
  const db = setUpTestDatabase(engine);
  let sampleVersion: string;
  let roadsKillVersion: string;
  let warn: MockInstance<typeof console.warn>;

  beforeAll(async () => {
    useDatabaseForTests(db());
    const published = await publishModuleVersion(db(), {
      moduleId: SAMPLE,
      files: await readModuleFolder(path.join(process.cwd(), 'tests/fixtures/modules', SAMPLE)),
      publishedBy: null,
    });
    if (!published.ok) throw new Error(JSON.stringify(published.problems));
    sampleVersion = published.version;
    const current = await currentModuleVersion(db(), 'roads-kill');
    if (current === undefined) throw new Error('roads-kill was not registered from content/');
    roadsKillVersion = current;
  });
  afterAll(() => useDatabaseForTests(undefined));
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  const register = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    postParticipant(post('/api/v1/participants', { id: randomUUID(), locale: 'en-GB', ...body }, headers));

  async function rowOf(id: string) {
    const [row] = await db().select({ moduleId: participants.moduleId, contentVersion: participants.contentVersion, classSessionId: participants.classSessionId }).from(participants).where(eq(participants.id, id));
    return row;
  }

  async function registered(body: Record<string, unknown>): Promise<string> {
    const id = randomUUID();
    const response = await postParticipant(post('/api/v1/participants', { id, locale: 'en-GB', ...body }));
    expect(response.status).toBe(201);
    return id;
  }

  const send = (participantId: string, answers: Answer[]) => postAnswers(post('/api/v1/answers', { participantId, answers }));

  it('records the module and the version the device names, with no class session', async () => {
    const id = await registered({ moduleId: SAMPLE, contentVersion: sampleVersion });
    expect(await rowOf(id)).toEqual({ moduleId: SAMPLE, contentVersion: sampleVersion, classSessionId: null });
  });

  it('records roads-kill at its current version for a device that names no module, as older clients send', async () => {
    const id = await registered({});
    expect(await rowOf(id)).toEqual({ moduleId: 'roads-kill', contentVersion: roadsKillVersion, classSessionId: null });
  });

  it("records the module's current version when the device's version was never stored here", async () => {
    const id = await registered({ moduleId: SAMPLE, contentVersion: '0123456789ab' });
    expect(await rowOf(id)).toEqual({ moduleId: SAMPLE, contentVersion: sampleVersion, classSessionId: null });
    // Another module's version is not this module's either.
    const other = await registered({ moduleId: SAMPLE, contentVersion: roadsKillVersion });
    expect((await rowOf(other))?.contentVersion).toBe(sampleVersion);
  });

  it('refuses a module that was never published with a translated 422, and stores nothing', async () => {
    const before = await countParticipants(db());
    const english = await register({ moduleId: 'no-such-module' });
    expect(english.status).toBe(422);
    const error = apiErrorSchema.parse(await english.json()).error;
    expect(error.code).toBe('unknown_module');
    expect(error.message).toMatch(/no published module/);
    const polish = await register({ moduleId: 'no-such-module', locale: 'pl' }, { 'accept-language': 'pl' });
    expect(polish.status).toBe(422);
    expect(apiErrorSchema.parse(await polish.json()).error.message).toMatch(/Nie ma opublikowanego modułu/);
    expect(await countParticipants(db())).toBe(before);
  });

  it('refuses a module id that is not an id with a 400, and stores nothing', async () => {
    const before = await countParticipants(db());
    const response = await register({ moduleId: '../Roads Kill' });
    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(await response.json()).error.issues?.map((issue) => issue.path)).toEqual(['moduleId']);
    expect(await countParticipants(db())).toBe(before);
  });

  it('keeps the first registration: the same id again for another module changes nothing', async () => {
    const id = await registered({ moduleId: SAMPLE });
    const again = await postParticipant(post('/api/v1/participants', { id, locale: 'en-GB', moduleId: 'roads-kill' }));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id, created: false });
    expect((await rowOf(id))?.moduleId).toBe(SAMPLE);
  });

  it("judges a participant's answers against its own module: its items are stored and scored, another module's are refused", async () => {
    const id = await registered({ moduleId: SAMPLE, contentVersion: sampleVersion });
    const own = choice('q-full-car', 'two-trips', sampleVersion);
    const stored = await send(id, [own]);
    expect(stored.status).toBe(200);
    expect(submitAnswersResponseSchema.parse(await stored.json()).receipts).toEqual([{ id: own.id, status: 'stored' }]);
    const [row] = await db().select({ correct: answersTable.correct, contentVersion: answersTable.contentVersion }).from(answersTable).where(eq(answersTable.id, own.id));
    expect(row).toEqual({ correct: true, contentVersion: sampleVersion });

    const roadsKillItem = await send(id, [choice('m-world-killer', 'road-injuries', sampleVersion)]);
    expect(roadsKillItem.status).toBe(422);
    const error = apiErrorSchema.parse(await roadsKillItem.json()).error;
    expect(error.code).toBe('invalid_answer');
    expect(error.issues?.[0]?.path).toBe('answers.0.itemId');
    expect(await countAnswers(db())).toBe(1);

    const progress = await getProgressRoute(new Request(`http://localhost/api/v1/participants/${id}/progress`), { params: Promise.resolve({ id }) });
    expect(((await progress.json()) as { contentVersion: string }).contentVersion).toBe(sampleVersion);
  });

  it("refuses sample-short's items from a roads-kill participant", async () => {
    const id = await registered({ moduleId: 'roads-kill' });
    const response = await send(id, [choice('q-full-car', 'two-trips', roadsKillVersion)]);
    expect(response.status).toBe(422);
    expect(apiErrorSchema.parse(await response.json()).error.code).toBe('invalid_answer');
    const ok = await send(id, [choice('m-world-killer', 'road-injuries', roadsKillVersion)]);
    expect(ok.status).toBe(200);
    expect(await countAnswers(db())).toBe(1);
  });

  it('judges a row made before modules were chosen (no module recorded) as roads-kill at its current version', async () => {
    const id = randomUUID();
    await db().insert(participants).values({ id, locale: 'en-GB' });
    expect(await rowOf(id)).toEqual({ moduleId: null, contentVersion: null, classSessionId: null });
    const roadsKill = choice('m-world-killer', 'road-injuries', roadsKillVersion);
    const response = await send(id, [roadsKill, choice('q-full-car', 'two-trips', roadsKillVersion)]);
    expect(response.status).toBe(200);
    const receipts = submitAnswersResponseSchema.parse(await response.json()).receipts;
    expect(receipts.map((r) => r.status)).toEqual(['stored', 'refused']);
    const [row] = await db().select({ correct: answersTable.correct }).from(answersTable).where(eq(answersTable.id, roadsKill.id));
    expect(row?.correct).toBe(true);
  });
  // Last in the file: it publishes a second version of sample-short.
  it("judges a device that carries on after a republication against the version it was shown, never another module's", async () => {
    const id = await registered({ moduleId: SAMPLE, contentVersion: sampleVersion });
    const files = await readModuleFolder(path.join(process.cwd(), 'tests/fixtures/modules', SAMPLE));
    const english = files['en-GB.json'];
    if (english === undefined) throw new Error('sample-short has no en-GB.json');
    const edited = { ...files, 'en-GB.json': english.replace("A tiny module for the content check's tests.", 'A tiny module, edited.') };
    const republished = await publishModuleVersion(db(), { moduleId: SAMPLE, files: edited, publishedBy: null });
    if (!republished.ok) throw new Error(JSON.stringify(republished.problems));
    expect(republished.version).not.toBe(sampleVersion);

    // Shown the new version: judged against it, so scored.
    const underNew = choice('q-full-car', 'two-trips', republished.version);
    expect((await send(id, [underNew])).status).toBe(200);
    // Naming another module's version changes nothing: judged against the registered one, so
    // stored unscored (its version is not the one judged). Another device: one answer per item.
    const other = await registered({ moduleId: SAMPLE, contentVersion: sampleVersion });
    const underOther = choice('q-full-car', 'two-trips', roadsKillVersion);
    expect(submitAnswersResponseSchema.parse(await (await send(other, [underOther])).json()).receipts).toEqual([{ id: underOther.id, status: 'stored' }]);
    const rows = await db()
      .select({ id: answersTable.id, correct: answersTable.correct, contentVersion: answersTable.contentVersion })
      .from(answersTable)
      .where(inArray(answersTable.id, [underNew.id, underOther.id]));
    expect(rows.find((row) => row.id === underNew.id)).toEqual({ id: underNew.id, correct: true, contentVersion: republished.version });
    expect(rows.find((row) => row.id === underOther.id)).toEqual({ id: underOther.id, correct: null, contentVersion: roadsKillVersion });
  });
});
