/**
 * Republishing roads-kill while a class session runs (issue 14, decision notes 017 and 018): an
 * administrator edits roads-kill's student text in the studio and publishes it as a new version;
 * the running session keeps the version it started with (its phones read the old text, their
 * answers are stored under the old content version), a new session gets the new version, and the
 * class report and the officers' results still work.
 *
 * Publishing roads-kill on the shared e2e server would change the current version under every
 * other test running beside this one, so the test runs its own `next start` on a fresh database
 * (tests/e2e/support/own-instance.ts): PGlite always, and PostgreSQL too with TEST_DATABASE_URL.
 * Ports E2E_PORT+6 and +7: the config's servers use +0 to +2 and two-instances.spec.ts +3 and +4.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Response } from '@playwright/test';
import type enResults from '@/messages/en-GB/Results.json';
import { readModuleFiles } from '@/lib/content/load';
import { contentVersion } from '@/lib/content/version';
import { postgresServerUrl } from '../support/live-seed';
import { createSession, exact, localDateTime, sessionMessages, teachMessages } from './support/class-session';
import { expect, test } from './support/fixtures';
import { completeStep, currentStep, deviceState } from './support/journey';
import { instanceBrowser, startOwnInstance, type Engine, type InstanceBrowser, type OwnInstance } from './support/own-instance';
import { reportMessages } from './support/report';
import { format, studioMessages } from './support/studio';

const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(process.cwd(), file), 'utf8'));
const studio = studioMessages;
const results = readJson('messages/en-GB/Results.json') as typeof enResults;
const roadsKill = readJson('content/modules/roads-kill/en-GB.json') as { title: string; intro: string; facts: Record<string, { question: string }> };
const fill = format;

const OLD_INTRO = roadsKill.intro;
const OLD_QUESTION = roadsKill.facts.F2?.question ?? '';
// Student text the new version changes: the intro (the first screen) and the second fact's
// question (the screen the running session's phone is on when the new version is published).
// The check wants the intro to give the core's minutes, as the reading-time model counts them.
const NEW_INTRO = 'A short session about the choices you make as a passenger and as a new driver: the main part takes about 18 minutes. No name, no account, no timer: your answers are anonymous.';
const NEW_QUESTION = 'Edited in the studio: how many people are killed or seriously injured on the roads of Great Britain in a year?';

const serverUrl = postgresServerUrl(process.env.TEST_DATABASE_URL);
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const engines: { engine: Engine; port: number }[] = [
  { engine: 'pglite', port: E2E_PORT + 6 },
  ...(serverUrl ? [{ engine: 'postgres' as const, port: E2E_PORT + 7 }] : []),
];

/** The next POST of answers from `page`, and what the phone sent in it. */
async function nextAnswerBatch(page: Page, origin: string, during: () => Promise<unknown>) {
  const posted = page.waitForResponse((r) => r.url() === `${origin}/api/v1/answers` && r.request().method() === 'POST');
  await during();
  const response: Response = await posted;
  const sent = response.request().postDataJSON() as { answers: { contentVersion: string }[] };
  const body = (await response.json()) as { receipts?: { status: string }[] };
  return { status: response.status(), versions: sent.answers.map((a) => a.contentVersion), receipts: body.receipts?.map((r) => r.status) };
}

/** A student's phone that opens a session by its link on the instance. */
async function joinPhone(site: InstanceBrowser, joinCode: string): Promise<Page> {
  const context = await site.newContext({ viewport: { width: 360, height: 740 } });
  const phone = await context.newPage();
  await phone.goto(`/en-GB/session/${joinCode}`);
  await expect(phone.locator('[data-step="intro"]')).toBeVisible({ timeout: 30_000 });
  return phone;
}

for (const { engine, port } of engines) {
  test.describe(`on ${engine}`, () => {
    test.describe.configure({ mode: 'serial', timeout: 600_000 });
    let instance: OwnInstance | undefined;

    test.beforeAll(async () => {
      test.setTimeout(300_000);
      instance = await startOwnInstance({ name: `republish-${engine}`, port, engine, postgresServerUrl: serverUrl });
    });

    test.afterEach(async () => {
      const info = test.info();
      if (instance && info.status !== info.expectedStatus) await info.attach('instance output', { body: instance.app.output(), contentType: 'text/plain' });
    });

    test.afterAll(async () => {
      await instance?.stop();
    });

    test('roads-kill edited and published while a session runs: the session keeps its version, a new session gets the new one', async ({ browser, consoleErrors }) => {
      if (!instance) throw new Error('the app instance did not start');
      const { origin } = instance.app;
      const site = await instanceBrowser(browser, instance, consoleErrors);
      const oldVersion = contentVersion(await readModuleFiles(path.join(process.cwd(), 'content/modules/roads-kill')));
      expect(OLD_QUESTION).not.toBe('');

      // A teacher starts a self-paced roads-kill session; a phone joins and answers the first fact.
      const teacher = await site.newTeacher('Republish College');
      const running = await createSession(teacher.page, { mode: 'self_paced', beforeAfter: false, closesAt: await localDateTime(teacher.page, 26) });
      const phone = await joinPhone(site, running.joinCode);
      await expect(phone.getByText(OLD_INTRO, { exact: true })).toBeVisible();
      const driver = { page: phone, locale: 'en-GB' as const, mode: 'pointer' as const };
      expect(await completeStep(driver)).toBe('intro');
      expect(await completeStep(driver)).toBe('section');
      expect(await currentStep(phone)).toEqual({ kind: 'fact', index: 2 });
      const first = await nextAnswerBatch(phone, origin, () => completeStep(driver));
      expect(first).toEqual({ status: 200, versions: [oldVersion], receipts: ['stored'] });
      expect(await currentStep(phone)).toEqual({ kind: 'fact', index: 3 });
      await expect(phone.getByRole('heading', { level: 1, ...exact(OLD_QUESTION) })).toBeVisible();
      // The receipt is kept on the device, so the answer is not sent again after the reload below.
      await expect.poll(async () => (await deviceState(phone, running.id)).outbox).toEqual([]);
      const { participantId } = await deviceState(phone, running.id);

      // In the studio, the administrator opens roads-kill as a draft, edits two texts, saves and publishes.
      const editorContext = await site.newContext({ signedInAs: 'administrator' });
      const editor = await editorContext.newPage();
      await editor.goto('/en-GB/studio');
      await editor.getByRole('button', { name: new RegExp(`^Edit ${roadsKill.title.split(' ')[0]}`) }).click();
      await expect(editor.getByRole('heading', { level: 1, ...exact(fill(studio.editorHeading, { title: roadsKill.title })) })).toBeVisible({ timeout: 30_000 });
      const tab = (section: keyof typeof studio.sections) => editor.getByRole('navigation', exact(studio.sectionsLabel)).getByRole('button', exact(studio.sections[section]));
      const field = (id: string) => editor.locator(`[id="s-en-GB-${id}"]`);
      await tab('screens').click();
      await expect(field('intro')).toHaveValue(OLD_INTRO);
      await field('intro').fill(NEW_INTRO);
      await tab('facts').click();
      await expect(field('facts.F2.question')).toHaveValue(OLD_QUESTION);
      await field('facts.F2.question').fill(NEW_QUESTION);
      await editor.getByRole('button', exact(studio.save)).click();
      await expect(editor.getByText(fill(studio.saved, { revision: 2 }))).toBeVisible({ timeout: 30_000 });
      // The whole region in the message if it fails: the check's problems are listed there.
      await expect(editor.getByRole('region', exact(studio.check.title)).getByRole('status')).toHaveText(studio.check.passed, { timeout: 60_000 });
      await tab('publish').click();
      await editor.getByRole('button', exact(studio.publish.submit)).click();
      const published = editor.getByRole('status').filter({ hasText: 'Published as version' });
      await expect(published).toBeVisible({ timeout: 30_000 });
      const newVersion = /version ([0-9a-f]+)/.exec((await published.textContent()) ?? '')?.[1] ?? '';
      expect(newVersion).toMatch(/^[0-9a-f]{12}$/);
      expect(newVersion).not.toBe(oldVersion);
      // What changed against the last version: the two texts, nothing else.
      await expect(published).toContainText(fill(studio.publish.published, { version: newVersion }));
      await expect(published).toContainText(studio.publish.changes.replace(/\{count, plural,.*other \{# ([^}]*)\}\}/, '2 $1'));
      await expect(published).toContainText(`en-GB.json · intro: ${studio.publish.change.changed}`);
      await expect(published).toContainText(`en-GB.json · facts.F2.question: ${studio.publish.change.changed}`);

      // The running session keeps its version: after a reload its phone reads the old question,
      // and its next answer is sent and stored under the old content version.
      await phone.reload();
      expect(await currentStep(phone)).toEqual({ kind: 'fact', index: 3 });
      await expect(phone.getByRole('heading', { level: 1, ...exact(OLD_QUESTION) })).toBeVisible();
      await expect(phone.getByText(NEW_QUESTION)).toHaveCount(0);
      const second = await nextAnswerBatch(phone, origin, () => completeStep(driver));
      expect(second).toEqual({ status: 200, versions: [oldVersion], receipts: ['stored'] });
      const progress = await phone.request.get(`/api/v1/participants/${participantId}/progress`);
      expect(progress.status()).toBe(200);
      const stored = (await progress.json()) as { contentVersion: string; answered: unknown[] };
      expect(stored.contentVersion).toBe(oldVersion);
      expect(stored.answered).toHaveLength(2);
      // The session's content route is its own version's, and both versions are served by their address.
      const text = async (version: string) => {
        const response = await phone.request.get(`/en-GB/learn/content/${version}`, { maxRedirects: 0 });
        expect(response.status(), version).toBe(200);
        const body = (await response.json()) as { version: string };
        expect(body.version).toBe(version);
        return JSON.stringify(body);
      };
      const oldText = await text(oldVersion);
      expect(oldText).toContain(JSON.stringify(OLD_QUESTION));
      expect(oldText).not.toContain(NEW_QUESTION);
      const newText = await text(newVersion);
      expect(newText).toContain(JSON.stringify(NEW_QUESTION));
      expect(newText).toContain(JSON.stringify(NEW_INTRO));
      expect(newText).not.toContain(JSON.stringify(OLD_QUESTION));
      // A phone that joins the running session after the new version is published gets its old text too.
      const late = await joinPhone(site, running.joinCode);
      await expect(late.getByText(OLD_INTRO, { exact: true })).toBeVisible();
      await expect(late.getByText(NEW_INTRO)).toHaveCount(0);

      // A new session gets the new version: the new intro, the new question, answers under the new version.
      const fresh = await createSession(teacher.page, { mode: 'self_paced', beforeAfter: false, closesAt: await localDateTime(teacher.page, 26) });
      const newPhone = await joinPhone(site, fresh.joinCode);
      await expect(newPhone.getByText(NEW_INTRO, { exact: true })).toBeVisible();
      await expect(newPhone.getByText(OLD_INTRO)).toHaveCount(0);
      const newDriver = { page: newPhone, locale: 'en-GB' as const, mode: 'pointer' as const };
      expect(await completeStep(newDriver)).toBe('intro');
      expect(await completeStep(newDriver)).toBe('section');
      const firstNew = await nextAnswerBatch(newPhone, origin, () => completeStep(newDriver));
      expect(firstNew).toEqual({ status: 200, versions: [newVersion], receipts: ['stored'] });
      await expect(newPhone.getByRole('heading', { level: 1, ...exact(NEW_QUESTION) })).toBeVisible();
      const newProgress = (await (await newPhone.request.get(`/api/v1/participants/${(await deviceState(newPhone, fresh.id)).participantId}/progress`)).json()) as {
        contentVersion: string;
      };
      expect(newProgress.contentVersion).toBe(newVersion);

      // The teacher ends the running session; its report (of the old version) appears a minute later.
      await teacher.page.goto(`/en-GB/teach/sessions/${running.id}`);
      await teacher.page.getByRole('button', exact(teachMessages.live.end)).click();
      await teacher.page.getByRole('button', exact(teachMessages.live.endConfirm)).click();
      await expect(phone.getByRole('heading', { level: 1, ...exact(sessionMessages.ended.title) })).toBeVisible({ timeout: 30_000 });
      await teacher.page.goto(`/en-GB/teach/sessions/${running.id}/report`);
      const spaced = `${running.joinCode.slice(0, 3)} ${running.joinCode.slice(3)}`;
      await expect(teacher.page.getByRole('heading', { level: 1 })).toHaveText(reportMessages.heading.replace('{code}', spaced));
      await expect(teacher.page.getByRole('heading', { level: 2, ...exact(reportMessages.headline.heading) })).toBeVisible({ timeout: 150_000 });
      // A class of fewer than 5 is shown as such, never as a number.
      await expect(teacher.page.getByRole('row', exact(`${reportMessages.headline.joined} ${fill(reportMessages.values.fewerThan, { k: 5 })}`))).toBeVisible();
      const csv = await teacher.page.request.get(`/en-GB/teach/sessions/${running.id}/report/csv`);
      expect(csv.status()).toBe(200);

      // The officers' results still work, and list both versions of the module by its title.
      const officer = await editorContext.newPage();
      const overview = await officer.goto('/en-GB/results');
      expect(overview?.status()).toBe(200);
      await expect(officer.getByRole('heading', { level: 1, ...exact(results.overview.heading) })).toBeVisible();
      await officer.getByText(results.filters.open, { exact: true }).click();
      const moduleChoice = officer.getByLabel(results.filters.module, { exact: true });
      await expect(moduleChoice.locator('option[value=""]')).toHaveText(fill(results.filters.defaultModule, { title: roadsKill.title }));
      const versions = officer.getByLabel(results.filters.version, { exact: true }).locator('option:not([value=""])');
      await expect(versions).toHaveText([newVersion, oldVersion]);
      for (const address of [`/en-GB/results?version=${oldVersion}`, '/en-GB/results/report', '/en-GB/results/report/csv']) {
        expect((await officer.request.get(address)).status(), address).toBe(200);
      }
    });
  });
}
