import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { structure } from './support/content';
import { expectRowsInDatabase } from './support/database';
import { expect, test } from './support/fixtures';
import { completeStep, currentStep, deviceState, messages, storedAnswers } from './support/journey';

test('a reload mid-journey resumes on the same screen and asks nothing again', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/en-GB/learn');
  for (let i = 0; i < 8; i += 1) await completeStep({ page, locale: 'en-GB', mode: 'pointer' });
  const before = await currentStep(page);
  const heading = await page.getByRole('heading', { level: 1 }).textContent();
  const device = await deviceState(page);
  await expect.poll(async () => (await storedAnswers(page, device.participantId)).length).toBe(Object.keys(device.answers).length);
  const storedBefore = (await storedAnswers(page, device.participantId)).length;
  expect(storedBefore).toBeGreaterThan(0);

  await page.reload();
  expect(await currentStep(page)).toEqual(before);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading ?? '');

  // A closed tab and a new one: still the same place.
  const second = await page.context().newPage();
  await second.goto('/en-GB/learn');
  expect(await currentStep(second)).toEqual(before);
  await second.close();

  // On from there: every screen after the last, none asked again, each new answer stored once.
  // (The walks in journey.spec.ts go on to the end and count the whole module.)
  let last = before.index - 1;
  for (let i = 0; i < 8; i += 1) {
    const { index } = await currentStep(page);
    expect(index, 'a screen shown again after the reload').toBeGreaterThan(last);
    last = index;
    await completeStep({ page, locale: 'en-GB', mode: 'pointer' });
  }
  const after = await deviceState(page);
  expect(Object.keys(after.answers).length).toBeGreaterThan(Object.keys(device.answers).length);
  await expect.poll(async () => (await storedAnswers(page, device.participantId)).length).toBe(Object.keys(after.answers).length);
  const stored = await storedAnswers(page, device.participantId);
  expect(new Set(stored.map((a) => `${a.phase}:${a.itemId}`))).toEqual(new Set(Object.keys(after.answers)));
  await expectRowsInDatabase(device.participantId, Object.keys(after.answers).length);
});

test('offline mid-journey: answers wait on the phone, then are stored exactly once', async ({ page, context }) => {
  const m = messages('en-GB');
  await page.goto('/en-GB/learn');
  for (let i = 0; i < 4; i += 1) await completeStep({ page, locale: 'en-GB', mode: 'pointer' });
  const { participantId } = await deviceState(page);
  await expect.poll(async () => (await deviceState(page)).outbox.length).toBe(0);
  const storedOnline = (await storedAnswers(page, participantId)).length;

  await context.setOffline(true);
  for (let i = 0; i < 6; i += 1) await completeStep({ page, locale: 'en-GB', mode: 'pointer' });
  const waiting = (await deviceState(page)).outbox.length;
  expect(waiting).toBeGreaterThan(0);
  await expect(page.locator('[data-sync-status="offline"]')).toBeVisible();
  // The server has none of them yet (asked from outside the offline page).
  const outside = await page.context().request.get(`/api/v1/participants/${participantId}/progress`).catch(() => null);
  if (outside) expect(((await outside.json()) as { answered: unknown[] }).answered).toHaveLength(storedOnline);

  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.locator('[data-sync-status="saved"]')).toHaveText(m.sync.saved);
  const device = await deviceState(page);
  expect(device.outbox).toEqual([]);
  const stored = await storedAnswers(page, participantId);
  expect(stored).toHaveLength(storedOnline + waiting);
  expect(stored).toHaveLength(Object.keys(device.answers).length);
  await expectRowsInDatabase(participantId, storedOnline + waiting);
});

test('a repeated batch is acknowledged and stored once', async ({ request }) => {
  const participantId = randomUUID();
  const created = await request.post('/api/v1/participants', { data: { id: participantId, locale: 'en-GB' } });
  expect(created.status()).toBe(201);
  const version = ((await (await request.get(`/api/v1/participants/${participantId}/progress`)).json()) as { contentVersion: string }).contentVersion;
  const fact = structure.facts[0];
  if (!fact) throw new Error('no facts');
  const attitude = structure.attitudeItems.find((a) => a.phases.includes('before'));
  if (!attitude) throw new Error('no before attitude item');
  const batch = {
    participantId,
    answers: [
      {
        id: randomUUID(),
        itemId: fact.id,
        phase: 'main',
        response: fact.guess.kind === 'number' ? { kind: 'number', value: fact.guess.start } : { kind: 'choice', optionIds: [fact.guess.options[0]?.id] },
        contentVersion: version,
        answeredAt: new Date().toISOString(),
      },
      { id: randomUUID(), itemId: attitude.id, phase: 'before', response: { kind: 'scale', value: null }, contentVersion: version, answeredAt: new Date().toISOString() },
    ],
  };
  const first = await request.post('/api/v1/answers', { data: batch });
  expect(first.status()).toBe(200);
  expect(((await first.json()) as { receipts: { status: string }[] }).receipts.map((r) => r.status)).toEqual(['stored', 'stored']);
  const again = await request.post('/api/v1/answers', { data: batch });
  expect(((await again.json()) as { receipts: { status: string }[] }).receipts.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
  const progress = (await (await request.get(`/api/v1/participants/${participantId}/progress`)).json()) as { answered: unknown[] };
  expect(progress.answered).toHaveLength(2);
  await expectRowsInDatabase(participantId, 2);
});

const polishErrors = JSON.parse(readFileSync('messages/pl/ApiErrors.json', 'utf8')) as { invalid_body: string };

test('an invalid batch gets a translated 400 naming the field, and stores nothing', async ({ request }) => {
  const participantId = randomUUID();
  await request.post('/api/v1/participants', { data: { id: participantId, locale: 'pl' } });
  const response = await request.post('/api/v1/answers', {
    headers: { 'accept-language': 'pl' },
    data: { participantId, answers: [{ id: 'not-a-uuid', itemId: 'F1', phase: 'main', response: { kind: 'number', value: 3 }, contentVersion: 'abc', answeredAt: 'yesterday' }] },
  });
  expect(response.status()).toBe(400);
  const body = (await response.json()) as { error: { code: string; message: string; issues: { path: string }[] } };
  expect(body.error.code).toBe('invalid_body');
  expect(body.error.issues.map((i) => i.path)).toContain('answers.0.id');
  expect(body.error.message).toBe(polishErrors.invalid_body);
  const progress = (await (await request.get(`/api/v1/participants/${participantId}/progress`)).json()) as { answered: unknown[] };
  expect(progress.answered).toHaveLength(0);
  await expectRowsInDatabase(participantId, 0);
});

test('a reload with no connection still opens the module where the student was', async ({ page, context }) => {
  const m = messages('en-GB');
  await page.goto('/en-GB/learn');
  for (let i = 0; i < 4; i += 1) await completeStep({ page, locale: 'en-GB', mode: 'pointer' });
  // The service worker has taken over and kept this page.
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready) && (await caches.match(window.location.href)) !== undefined))
    .toBe(true);
  const before = await currentStep(page);
  const { participantId } = await deviceState(page);
  await expect.poll(async () => (await deviceState(page)).outbox.length).toBe(0);
  const storedOnline = (await storedAnswers(page, participantId)).length;

  await context.setOffline(true);
  await page.reload();
  expect(await currentStep(page)).toEqual(before);
  for (let i = 0; i < 3; i += 1) await completeStep({ page, locale: 'en-GB', mode: 'pointer' });
  const waiting = (await deviceState(page)).outbox.length;
  expect(waiting).toBeGreaterThan(0);

  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.locator('[data-sync-status="saved"]')).toHaveText(m.sync.saved);
  const stored = await storedAnswers(page, participantId);
  expect(stored).toHaveLength(storedOnline + waiting);
  await expectRowsInDatabase(participantId, storedOnline + waiting);
});
