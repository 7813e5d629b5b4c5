/**
 * Students on their own choose among the published modules (issue 14, decision note 017): a
 * second module is published through the studio, the home lists both (roads-kill first), and a
 * student takes the new module's first questions on their own; the answers are stored against
 * that module, a roads-kill question is no question of its, and the device keeps each module's
 * progress apart. The module gets an id of its own, since studio.spec.ts publishes the same
 * fixture as `sample-short` into this server. The home at 360 px goes to LEARN_SHOTS.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type enCommon from '@/messages/en-GB/Common.json';
import type enHome from '@/messages/en-GB/Home.json';
import type enStudio from '@/messages/en-GB/Studio.json';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { completeStep, currentStep, messages } from './support/journey';
import { administratorContext } from './support/staff';

const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(process.cwd(), file), 'utf8'));
const studio = readJson('messages/en-GB/Studio.json') as typeof enStudio;
const home = readJson('messages/en-GB/Home.json') as typeof enHome;
const common = readJson('messages/en-GB/Common.json') as typeof enCommon;
const sampleText = readJson('tests/fixtures/modules/sample-short/en-GB.json') as { title: string; tagline: string };
const roadsKillText = readJson('content/modules/roads-kill/en-GB.json') as { title: string };
const SHOTS = process.env.LEARN_SHOTS ?? 'test-results/learn-modules';
const exact = (name: string) => ({ name, exact: true });
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));

/** Imports the sample-short fixture under `moduleId` in the studio and publishes it; returns its version. */
async function publishSample(page: Page, moduleId: string): Promise<string> {
  const folder = path.join(await mkdtemp(path.join(os.tmpdir(), 'learn-modules-')), moduleId);
  await cp('tests/fixtures/modules/sample-short', folder, { recursive: true });
  const structureFile = path.join(folder, 'structure.json');
  const structure = await readFile(structureFile, 'utf8');
  expect(structure).toContain('"id": "sample-short"');
  await writeFile(structureFile, structure.replace('"id": "sample-short"', `"id": "${moduleId}"`));

  await page.goto('/en-GB/studio');
  await page.getByLabel(studio.newModule.id, { exact: true }).fill(moduleId);
  await page.getByLabel(fill(studio.newModule.title, { language: studio.newModule.language['en-GB'] }), { exact: true }).fill('Sample');
  await page.getByLabel(fill(studio.newModule.title, { language: studio.newModule.language.pl }), { exact: true }).fill('Próbka');
  await page.getByRole('button', exact(studio.newModule.submit)).click();
  await expect(page.getByRole('heading', { level: 1, ...exact(fill(studio.editorHeading, { title: 'Sample' })) })).toBeVisible();
  const tab = (section: keyof typeof studio.sections) => page.getByRole('navigation', exact(studio.sectionsLabel)).getByRole('button', exact(studio.sections[section]));
  await tab('files').click();
  await page.getByLabel(studio.files.importLabel, { exact: true }).setInputFiles(folder);
  await expect(page.getByRole('status').filter({ hasText: fill(studio.files.imported, { revision: 2 }) })).toBeVisible();
  await expect(page.getByRole('region', exact(studio.check.title)).getByRole('status')).toHaveText(studio.check.passed, { timeout: 30_000 });
  await tab('publish').click();
  await page.getByRole('button', exact(studio.publish.submit)).click();
  const published = page.getByRole('status').filter({ hasText: 'Published as version' });
  await expect(published).toBeVisible();
  const version = /version ([0-9a-f]+)/.exec((await published.textContent()) ?? '')?.[1] ?? '';
  expect(version).toMatch(/^[0-9a-f]{12}$/);
  return version;
}

type Receipt = { id: string; status: string };

test('a student on their own picks a second published module from the home, and its answers are stored against it', async ({ browser }) => {
  test.setTimeout(240_000);
  const moduleId = `learn-${randomUUID().slice(0, 8)}`;
  const admin = await administratorContext(browser);
  const version = await publishSample(await admin.newPage(), moduleId);
  await admin.close();

  // The home lists the published modules, roads-kill first, each with its summary and minutes.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto('/en-GB');
  await expect(page.getByRole('heading', { level: 1, ...exact(common.appName) })).toBeVisible();
  const list = page.getByRole('region', exact(home.modulesHeading)).getByRole('list');
  const cards = list.getByRole('listitem');
  await expect(cards.first().getByRole('heading', { level: 3 })).toHaveText(roadsKillText.title);
  await expect(cards.first().getByRole('link')).toHaveAttribute('href', '/en-GB/learn/roads-kill');
  const card = cards.filter({ has: page.locator(`a[href="/en-GB/learn/${moduleId}"]`) });
  await expect(card).toHaveCount(1);
  await expect(card.getByRole('heading', { level: 3 })).toHaveText(sampleText.title);
  await expect(card).toContainText(sampleText.tagline);
  await expect(card).toContainText(/About \d+ minutes?/);
  const start = card.getByRole('link', exact(`${home.startShort} ${sampleText.title}`));
  const box = await start.boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(44);
  await expectNoAxeViolations(page, 'home with several modules');
  await page.screenshot({ path: path.join(SHOTS, 'home-several-360.png'), fullPage: true });

  // The module's own page: its intro, painted by the server. Next sends a page with a segment of
  // its own `no-store`, so the service worker keeps it from the first load it serves (public/sw.js).
  await start.click();
  await expect(page).toHaveURL(new RegExp(`/en-GB/learn/${moduleId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sampleText.title);
  await page.goto(`/en-GB/learn/${moduleId}`);
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active !== null)).toBe(true);
  await page.reload();
  await expect
    .poll(() => page.evaluate(async () => (await caches.match(window.location.href)) !== undefined))
    .toBe(true);

  // Offline from the start: the device answers the attitude statement and the first quiz question
  // (section cards between) before it has registered, and a reload keeps its place.
  await context.setOffline(true);
  const driver = { page, locale: 'en-GB' as const, mode: 'pointer' as const };
  expect(await completeStep(driver)).toBe('intro');
  const answered: string[] = [];
  for (let i = 0; i < 6 && answered.length < 2; i += 1) {
    const kind = await completeStep(driver);
    if (kind !== 'section') answered.push(kind);
  }
  expect(answered).toEqual(['attitude', 'item']);
  type Saved = { participantId: string; participantCreated: boolean; outbox: string[] } | null;
  const saved = () => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as Saved, `rk:v1:${moduleId}`);
  expect(await saved()).toMatchObject({ participantCreated: false, outbox: ['before:a-refuse-lift', 'before:q-lift-drinking'] });
  const step = (await currentStep(page)).index;
  await page.reload();
  await expect.poll(async () => (await currentStep(page)).index).toBe(step);

  // Back online, the device registers for this module and sends what waited.
  const receipts: Receipt[] = [];
  page.on('response', async (answersResponse) => {
    if (new URL(answersResponse.url()).pathname !== '/api/v1/answers' || !answersResponse.ok()) return;
    receipts.push(...((await answersResponse.json()) as { receipts: Receipt[] }).receipts);
  });
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect.poll(() => receipts.filter((r) => r.status === 'stored').length).toBe(2);
  expect(await saved()).toMatchObject({ participantCreated: true, outbox: [] });

  // Stored against this module: the server counts them for its participant, at its version.
  const participantId = (await saved())?.participantId ?? '';
  expect(participantId).toMatch(/^[0-9a-f-]{36}$/);
  const progress = (await (await page.request.get(`/api/v1/participants/${participantId}/progress`)).json()) as {
    contentVersion: string;
    answered: { itemId: string; phase: string }[];
  };
  expect(progress.contentVersion).toBe(version);
  expect(progress.answered.map((a) => `${a.phase}:${a.itemId}`).sort()).toEqual(['before:a-refuse-lift', 'before:q-lift-drinking']);
  // A roads-kill question is no question of this participant's.
  const roadsKillAnswer = await page.request.post('/api/v1/answers', {
    data: {
      participantId,
      answers: [{ id: randomUUID(), itemId: 'm-world-killer', phase: 'main', response: { kind: 'choice', optionIds: ['road-injuries'] }, contentVersion: version, answeredAt: new Date().toISOString() }],
    },
  });
  expect(roadsKillAnswer.status()).toBe(422);
  expect(((await roadsKillAnswer.json()) as { error: { code: string } }).error.code).toBe('invalid_answer');

  // Each module keeps its own progress on the device: roads-kill starts afresh, and the new module resumes.
  await page.goto('/en-GB/learn');
  await expect(page.getByRole('button', exact(messages('en-GB').intro.start))).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rk:v1:')).sort())).toEqual([`rk:v1:${moduleId}`]);
  await page.goto(`/en-GB/learn/${moduleId}`);
  await expect.poll(async () => (await currentStep(page)).index).toBe(step);
  await context.close();
});

test('a module that was never published, or a name that is no module id, is the 404 page in its language', async ({ page }) => {
  for (const [locale, address] of [
    ['en-GB', '/en-GB/learn/no-such-module'],
    ['pl', '/pl/learn/Not_An_Id'],
  ] as const) {
    const response = await page.goto(address);
    expect(response?.status()).toBe(404);
    const t = readJson(`messages/${locale}/Common.json`) as typeof enCommon;
    await expect(page.getByRole('heading', { level: 1, ...exact(t.notFoundTitle) })).toBeVisible();
    await expectNoAxeViolations(page, `${address} 404`);
  }
});
