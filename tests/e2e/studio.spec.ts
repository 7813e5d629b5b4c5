/**
 * The authoring studio (issue 14): an officer or administrator makes a new module, sees the
 * content check's problems at their place, builds a story graph with the keyboard, and never
 * overwrites another editor's save; roads-kill's files download byte for byte; translators'
 * CSV. Screenshots of the editor, the graph and the preview go to STUDIO_SHOTS (1366×768).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { createSession, joinAsApiPhone, newTeacher } from './support/class-session';
import { administratorContext } from './support/staff';
import { exact, format, newStudioModule, stringField, studioMessages, studioTab } from './support/studio';

type ModuleTextFile = { items: Record<string, { prompt?: string } | undefined> };
const sampleText = JSON.parse(readFileSync(path.join(process.cwd(), 'tests/fixtures/modules/sample-short/en-GB.json'), 'utf8')) as ModuleTextFile;
const roadsKillText = JSON.parse(readFileSync(path.join(process.cwd(), 'content/modules/roads-kill/en-GB.json'), 'utf8')) as ModuleTextFile;
const SHOTS = process.env.STUDIO_SHOTS ?? 'test-results/studio';
const m = studioMessages;
const fill = format;
const tab = studioTab;
const field = stringField;
const newModule = (page: Page, id: string) => newStudioModule(page, id, { 'en-GB': 'Parking outside schools', pl: 'Parkowanie przed szkołami' });

test('a new module: the check names problems at their place, pasted HTML stays text, bad input is refused', async ({ browser }) => {
  const context = await administratorContext(browser);
  const page = await context.newPage();
  const id = `parking-${randomUUID().slice(0, 8)}`;
  await newModule(page, id);

  // The check runs by itself and lists problems, each a link to its place.
  const check = page.getByRole('region', exact(m.check.title));
  await expect(check.getByRole('status')).toHaveText(/The check found \d+ problems/, { timeout: 30_000 });
  const firstLink = check.getByRole('link').first();
  await expect(firstLink).toBeVisible();
  await expectNoAxeViolations(page, 'studio editor, new module');

  // A missing translation is listed by the field and the check.
  await field(page, 'en-GB', 'tagline').fill('<img src=x onerror="window.pwned=1"><b>Park</b> further away');
  await expect(field(page, 'en-GB', 'tagline')).toHaveValue('<img src=x onerror="window.pwned=1"><b>Park</b> further away');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.getByText(m.unsaved)).toBeVisible();

  // A key point, added by id; a bad id is refused with a message at the field.
  await page.getByLabel(m.screens.keyPointId, { exact: true }).fill('K 1');
  await page.getByRole('button', exact(m.add.submit)).first().click();
  await expect(page.getByText(m.add.badId)).toBeVisible();
  await page.getByLabel(m.screens.keyPointId, { exact: true }).fill('K1');
  await page.getByLabel(m.screens.keyPointId, { exact: true }).press('Enter');
  await expect(field(page, 'pl', 'considerations.K1.title')).toBeVisible();

  // Save: revision 2. Hidden control characters are refused, and nothing is saved.
  await page.getByRole('button', exact(m.save)).click();
  await expect(page.getByText(fill(m.saved, { revision: 2 }))).toBeVisible();
  await field(page, 'pl', 'tagline').fill('Parkuj dalej\u0007');
  await page.getByRole('button', exact(m.save)).click();
  await expect(page.getByRole('alert').filter({ hasText: m.notSaved })).toContainText('pl.json holds hidden control characters');
  await expect(page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).resolves.toBeUndefined();
  await context.close();
});

test('two editors: a stale save is a conflict the second editor resolves, never an overwrite', async ({ browser }) => {
  const id = `assembly-${randomUUID().slice(0, 8)}`;
  const first = await (await administratorContext(browser)).newPage();
  await newModule(first, id);
  const second = await (await administratorContext(browser)).newPage();
  await second.goto(`/en-GB/studio/${id}`);
  await expect(field(second, 'en-GB', 'tagline')).toBeVisible();

  await field(second, 'en-GB', 'tagline').fill('Theirs');
  await second.getByRole('button', exact(m.save)).click();
  await expect(second.getByText(fill(m.saved, { revision: 2 }))).toBeVisible();

  await field(first, 'en-GB', 'intro').fill('Mine');
  await first.getByRole('button', exact(m.save)).click();
  const conflict = first.getByRole('alert').filter({ hasText: m.conflict.title });
  await expect(conflict).toBeVisible();
  await expectNoAxeViolations(first, 'studio conflict');
  // Taking theirs drops mine; keeping mine after that saves over their revision, knowingly.
  await conflict.getByRole('button', exact(m.conflict.takeTheirs)).click();
  await expect(field(first, 'en-GB', 'tagline')).toHaveValue('Theirs');
  await expect(field(first, 'en-GB', 'intro')).toHaveValue('');
  await field(first, 'en-GB', 'intro').fill('Mine, after reading theirs');
  await first.getByRole('button', exact(m.save)).click();
  await expect(first.getByText(fill(m.saved, { revision: 3 }))).toBeVisible();

  // The second editor, now stale, keeps their own version on purpose.
  await field(second, 'pl', 'tagline').fill('Ich');
  await second.getByRole('button', exact(m.save)).click();
  await expect(second.getByRole('alert').filter({ hasText: m.conflict.title })).toBeVisible();
  await second.getByRole('button', exact(m.conflict.keepMine)).click();
  await expect(second.getByText(fill(m.saved, { revision: 4 }))).toBeVisible();
  await first.reload();
  await expect(field(first, 'pl', 'tagline')).toHaveValue('Ich');
});

test('a story graph built and linked with the keyboard shows unreachable nodes as they are made', async ({ browser }) => {
  const page = await (await administratorContext(browser)).newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  const id = `passengers-${randomUUID().slice(0, 8)}`;
  await newModule(page, id);
  await expect(page.getByRole('region', exact(m.check.title)).getByRole('status')).toHaveText(/The check found \d+ problems/, { timeout: 30_000 });
  await page.screenshot({ path: path.join(SHOTS, 'editor-1366x768.png') });
  await tab(page, 'stories').click();
  await page.getByLabel(m.stories.newStoryId, { exact: true }).fill('school-run');
  await page.getByRole('button', exact(m.stories.addStory)).click();
  const graph = page.getByRole('group', exact(fill(m.stories.graphLabel, { id: 'school-run' })));
  await expect(graph.getByRole('button')).toHaveCount(2);
  await expect(page.getByText(m.stories.noFaults)).toBeVisible();

  // Keyboard only from here: add a decision that nothing leads to yet.
  await page.getByLabel(m.stories.nodeKind, { exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(m.stories.nodeId, { exact: true })).toBeFocused();
  await page.keyboard.type('d-where');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(graph.getByRole('button')).toHaveCount(3);
  await expect(page.getByText(fill(m.stories.faultUnreachable, { id: 'd-where' }))).toBeVisible();
  await expect(graph.getByRole('button', { name: /d-where/ })).toHaveAccessibleName(new RegExp(m.stories.unreachable));
  await graph.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: path.join(SHOTS, 'graph-1366x768.png') });

  // Focus the start in the drawing, follow its arrow with the arrow keys, open it with Enter.
  const start = graph.getByRole('button', { name: /s-start/ });
  await start.focus();
  await page.keyboard.press('ArrowRight');
  await expect(graph.getByRole('button', { name: /e-end/ })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(start).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', exact(fill(m.stories.editNode, { kind: m.stories.kinds.scene, id: 's-start' })))).toBeVisible();
  // Link the start to the decision: the decision becomes reachable.
  await page.getByLabel(m.stories.next, { exact: true }).focus();
  await page.getByLabel(m.stories.next, { exact: true }).selectOption('d-where');
  await expect(page.getByText(m.stories.noFaults)).toBeVisible();
  await expect(page.getByText(fill(m.stories.faultUnreachable, { id: 'e-end' }))).toHaveCount(0);

  // A screen added, written and removed: its box and its text go with it, and the graph is whole again.
  await page.getByLabel(m.stories.nodeKind, { exact: true }).selectOption('ending');
  await page.getByLabel(m.stories.nodeId, { exact: true }).fill('e-spare');
  await page.getByLabel(m.stories.nodeId, { exact: true }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(graph.getByRole('button')).toHaveCount(4);
  await expect(page.getByText(fill(m.stories.faultUnreachable, { id: 'e-spare' }))).toBeVisible();
  await field(page, 'en-GB', 'scenarios.school-run.nodes.e-spare.text').fill('A spare ending, written by mistake.');
  await expect(graph.getByRole('button', { name: /e-spare/ })).toHaveAccessibleName(/A spare ending/);
  await page.getByRole('button', exact(fill(m.stories.removeNode, { id: 'e-spare' }))).click();
  await expect(graph.getByRole('button')).toHaveCount(3);
  await expect(field(page, 'en-GB', 'scenarios.school-run.nodes.e-spare.text')).toHaveCount(0);
  await expect(page.getByText(m.stories.noFaults)).toBeVisible();
  await expectNoAxeViolations(page, 'studio story graph');
});

test('roads-kill opens as a draft whose files download byte for byte; translators get a CSV and a bad one changes nothing', async ({ browser }) => {
  const page = await (await administratorContext(browser)).newPage();
  await page.goto('/en-GB/studio');
  await page.getByRole('button', { name: /^Edit Roads Kill/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Editing: Roads Kill/ })).toBeVisible();

  await tab(page, 'files').click();
  for (const name of ['structure.json', 'pl.json', 'teacher-notes/en-GB.json']) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', exact(fill(m.files.download, { name }))).click();
    const bytes = await readFile(await (await download).path());
    expect(bytes.equals(await readFile(path.join('content/modules/roads-kill', name))), name).toBe(true);
  }

  await tab(page, 'translations').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', exact(m.translations.export)).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  expect(csv.startsWith('\uFEFFid,source,translation,context,source_fingerprint\r\n')).toBe(true);
  expect(csv).toContain('title,Roads Kill – take control,');

  await page.getByLabel(m.translations.import, { exact: true }).setInputFiles({
    name: 'pl.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('id,source,translation,context,source_fingerprint\r\nnot.a.string,x,y,,00000000\r\n'),
  });
  await expect(page.getByRole('alert').filter({ hasText: m.translations.importRefused })).toContainText('"not.a.string" is not a string of this module');
  await expect(page.getByText(m.unsaved)).toHaveCount(0);
  await expectNoAxeViolations(page, 'studio translations');

  // The preview: a screen as the student sees it, in both languages, phone-sized.
  await page.setViewportSize({ width: 1366, height: 768 });
  await tab(page, 'preview').click();
  const screen = page.getByLabel(m.preview.screen, { exact: true });
  await expect(screen).toBeVisible({ timeout: 30_000 });
  const factStep = await screen.locator('option', { hasText: 'fact: F1' }).getAttribute('value');
  await screen.selectOption(factStep ?? '0');
  const english = page.getByRole('region', exact(fill(m.preview.phone, { language: m.preview.language['en-GB'] })));
  const polish = page.getByRole('region', exact(fill(m.preview.phone, { language: m.preview.language.pl })));
  const question = (locale: string) => (JSON.parse(readFileSync(`content/modules/roads-kill/${locale}.json`, 'utf8')) as { facts: { F1: { question: string } } }).facts.F1.question;
  await expect(english.getByRole('heading', { level: 1, ...exact(question('en-GB')) })).toBeVisible();
  await expect(polish.getByRole('heading', { level: 1, ...exact(question('pl')) })).toBeVisible();
  expect((await english.locator('.studio-phone').boundingBox())?.width).toBeLessThanOrEqual(400);
  await expectNoAxeViolations(page, 'studio preview');
  await english.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'preview-1366x768.png') });
});

test('a module folder imports only if it passes the check, publishes as a version, and a teacher runs a session of it apart from roads-kill', async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await (await administratorContext(browser)).newPage();
  const folder = path.join('tests/fixtures/modules/sample-short');
  await page.goto('/en-GB/studio');
  await page.getByLabel(m.newModule.id, { exact: true }).fill('sample-short');
  await page.getByLabel(fill(m.newModule.title, { language: m.newModule.language['en-GB'] }), { exact: true }).fill('Sample');
  await page.getByLabel(fill(m.newModule.title, { language: m.newModule.language.pl }), { exact: true }).fill('Próbka');
  await page.getByRole('button', exact(m.newModule.submit)).click();
  await expect(page.getByRole('heading', { level: 1, ...exact(fill(m.editorHeading, { title: 'Sample' })) })).toBeVisible();
  await tab(page, 'files').click();

  // A folder whose structure breaks the graph: the check's messages, and the draft unchanged.
  const broken = await mkdtemp(path.join(os.tmpdir(), 'studio-import-'));
  await cp(folder, path.join(broken, 'sample-short'), { recursive: true });
  const structureFile = path.join(broken, 'sample-short', 'structure.json');
  const structure = await readFile(structureFile, 'utf8');
  await writeFile(structureFile, structure.replace(/"start": "([a-z0-9-]+)"/, '"start": "nowhere"'));
  await page.getByLabel(m.files.importLabel, { exact: true }).setInputFiles(path.join(broken, 'sample-short'));
  await expect(page.getByRole('alert').filter({ hasText: m.files.importRefused })).toContainText('"nowhere"');
  await expect(page.getByText(fill(m.upToDate, { revision: 1 }))).toBeVisible();

  await page.getByLabel(m.files.importLabel, { exact: true }).setInputFiles(folder);
  await expect(page.getByRole('status').filter({ hasText: fill(m.files.imported, { revision: 2 }) })).toBeVisible();
  for (const name of ['structure.json', 'en-GB.json', 'teacher-notes/pl.json']) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', exact(fill(m.files.download, { name }))).click();
    expect((await readFile(await (await download).path())).equals(await readFile(path.join(folder, name))), name).toBe(true);
  }
  await expect(page.getByRole('region', exact(m.check.title)).getByRole('status')).toHaveText(m.check.passed, { timeout: 30_000 });
  await tab(page, 'publish').click();
  await page.getByRole('button', exact(m.publish.submit)).click();
  const published = page.getByRole('status').filter({ hasText: 'Published as version' });
  await expect(published).toBeVisible();
  const version = /version ([0-9a-f]+)/.exec((await published.textContent()) ?? '')?.[1] ?? '';
  expect(version).toMatch(/^[0-9a-f]{12}$/);
  await expectNoAxeViolations(page, 'studio published');
  await page.goto('/en-GB/studio');
  await expect(page.getByRole('list', exact(m.publishedHeading))).toContainText('A shorter sample module');
  await expect(page.getByRole('link', exact('sample-short'))).toHaveCount(0);

  // A teacher picks the new module for a session; roads-kill stays the form's default.
  const teacher = await newTeacher(browser, 'Parking School');
  await teacher.page.goto('/en-GB/teach/sessions/new');
  await expect(teacher.page.locator('#module-roads-kill')).toBeChecked();
  await expect(teacher.page.locator('label:has(#module-sample-short)')).toContainText('A shorter sample module');
  const session = await createSession(teacher.page, { mode: 'live', beforeAfter: true, moduleId: 'sample-short' });

  // Its phones are sent the module's own text and judged against its own items, never roads-kill's.
  const request = teacher.context.request;
  const phone = await joinAsApiPhone(request, session.joinCode);
  const progress = (await (await request.get(`/api/v1/participants/${phone.participantId}/progress`)).json()) as { contentVersion: string };
  expect(progress.contentVersion).toBe(version);
  const text = (await (await request.get(`/en-GB/learn/content/${version}`)).json()) as { version: string };
  expect(text.version).toBe(version);
  const send = async (itemId: string, phase: 'before' | 'main', optionIds: string[]) => {
    const response = await request.post('/api/v1/answers', {
      data: {
        participantId: phone.participantId,
        answers: [{ id: randomUUID(), itemId, phase, response: { kind: 'choice', optionIds }, contentVersion: version, answeredAt: new Date().toISOString() }],
      },
    });
    const body = (await response.json()) as { receipts?: { status: string }[]; error?: { code: string } };
    return `${response.status()} ${body.receipts?.[0]?.status ?? body.error?.code}`;
  };
  expect(await send('q-lift-drinking', 'before', ['find-another'])).toBe('200 stored');
  // A roads-kill question, which a roads-kill session stores, is no question of this session's.
  expect(await send('m-world-killer', 'main', ['road-injuries'])).toBe('422 invalid_answer');

  // Officers' results are one module at a time: the new module's session is in its own results,
  // never in roads-kill's (the default).
  const officer = await (await administratorContext(browser)).newPage();
  const own = await officer.request.get('/en-GB/results/report/csv?module=sample-short');
  const roadsKill = await officer.request.get('/en-GB/results/report/csv');
  expect(own.status()).toBe(200);
  expect(roadsKill.status()).toBe(200);
  expect(own.headers()['content-disposition']).toContain('sample-short');
  expect(roadsKill.headers()['content-disposition']).toContain('roads-kill');
  const ownQuestion = sampleText.items['q-lift-drinking']?.prompt ?? '';
  const roadsKillQuestion = roadsKillText.items['m-world-killer']?.prompt ?? '';
  expect(ownQuestion).not.toBe('');
  expect(roadsKillQuestion).not.toBe('');
  const ownCsv = await own.text();
  const roadsKillCsv = await roadsKill.text();
  expect(ownCsv).toContain(ownQuestion);
  expect(ownCsv).not.toContain(roadsKillQuestion);
  expect(roadsKillCsv).toContain(roadsKillQuestion);
  expect(roadsKillCsv).not.toContain(ownQuestion);
});
