/**
 * Officers' results on a server of their own with the synthetic demo data (`DEMO_DATA=1`,
 * the `officer` project in playwright.config.ts): an officer invited by the first administrator
 * signs in, reads the summary (change with its 95% interval and effect size, persistent beliefs,
 * risky choices), opens every detail page, filters, sees small groups as "fewer than 10", opens
 * the evaluation report (charts with their tables, limitations) and downloads its CSV, whose
 * figures are the page's. A session still open is announced, not counted. A teacher gets
 * nothing, by page or request.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type enResults from '@/messages/en-GB/Results.json';
import { parseCsv } from '../support/csv';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { createSession } from './support/class-session';
import { acceptInvite, createOrganisation, inviteStaff, signInAsAdministrator, staffMessages } from './support/staff';

const results = JSON.parse(readFileSync(path.join(process.cwd(), 'messages/en-GB/Results.json'), 'utf8')) as typeof enResults;
const staff = staffMessages['en-GB'];
const exact = (name: string) => ({ name, exact: true });
const SMALL_SCHOOL = "Demo – St Aidan's Sixth Form";
const ROADS_KILL_TITLE = (JSON.parse(readFileSync(path.join(process.cwd(), 'content/modules/roads-kill/en-GB.json'), 'utf8')) as { title: string }).title;
const DETAIL_PAGES = ['knowledge', 'beliefs', 'change', 'stories', 'plans', 'trends'] as const;

/**
 * A new member of staff invited by the administrator signed in on `page`, signed in in a context
 * of their own. The administrator stays signed in: their session is the run's shared one.
 */
async function invited(page: Page, role: 'officer' | 'teacher', organisation?: string) {
  const link = await inviteStaff(page, { role, ...(organisation && { organisation }) });
  const context = await page.context().browser()?.newContext();
  if (!context) throw new Error('no browser');
  const own = await context.newPage();
  const suffix = randomUUID().slice(0, 8);
  await acceptInvite(own, link, { name: `${role} ${suffix}`, email: `${role}-${suffix}@council.example`, password: `${role} passphrase ${suffix}` });
  return own;
}

/**
 * A figure as written on the page or in the file, so the two can be compared: a number without
 * its unit ("12 percentage points", "45%", "+0.4", "4.0" are 12, 45, 0.4 and 4), words as they are.
 */
function figure(text: string): string {
  const number = /^[+−-]?[\d,]+(\.\d+)?/.exec(text.trim().replace('−', '-'));
  return number ? String(Number(number[0].replace(/[,+]/g, ''))) : text.trim();
}

test('an officer reads the summary, opens every detail page, filters, and downloads a CSV equal to the report', async ({ page }) => {
  test.setTimeout(240_000);
  await signInAsAdministrator(page);
  const officer = await invited(page, 'officer');

  // Results from the staff navigation: the summary of the demo data, labelled as such.
  await officer.getByRole('navigation', exact(staff.nav.label)).getByRole('link', exact(staff.nav.results)).click();
  await expect(officer.getByRole('heading', { level: 1, ...exact(results.overview.heading) })).toBeVisible();
  await expect(officer.getByText(results.demo.title, { exact: true })).toBeVisible();
  await expect(officer.getByRole('heading', { level: 2, ...exact(results.glance.who.heading) })).toBeVisible();

  // The headline change in words, with its 95% interval and an effect size a funder can read.
  const changed = officer.getByRole('region', exact(results.glance.change.heading));
  await expect(changed.getByRole('listitem').first()).toHaveText(
    /^The share of knowledge questions answered right rose by \d+ percentage points, from \d+% to \d+% \(95% CI \d+ to \d+\), an? (very small|small|medium|large) effect \(effect size \d\.\d\d\)\.$/,
  );
  await expect(changed.getByRole('listitem').nth(1)).toHaveText(/^Intentions to act safely (rose|fell|went) .*95% (CI|interval)/);
  // Persistent beliefs are only those measured at the start and the end; quiz-only ones are counted apart.
  const beliefs = officer.getByRole('region', exact(results.glance.beliefs.heading));
  await expect(beliefs.getByRole('listitem')).toHaveCount(3);
  await expect(beliefs.getByRole('listitem').first()).toContainText(/\d+% of answers at the start, \d+% at the end/);
  await expect(beliefs.getByText(/more beliefs? shows? only in the quiz, after the facts: persistence can't be judged\.$/)).toBeVisible();
  await expect(officer.getByRole('region', exact(results.glance.risky.heading)).getByRole('listitem')).toHaveCount(3);
  await expect(officer.getByRole('heading', { level: 2, ...exact(results.uncertainty.heading) })).toBeVisible();
  await expectNoAxeViolations(officer, 'results summary');

  // Each detail page is one step away, by the summary's links, and keeps the nav.
  const nav = officer.getByRole('navigation', exact(results.nav.label));
  for (const detail of DETAIL_PAGES) {
    await officer.getByRole('region', exact(results.glance.detail.heading)).getByRole('link', exact(results.nav[detail])).click();
    await expect(officer).toHaveURL(new RegExp(`/en-GB/results/${detail}$`));
    await expect(officer.getByRole('heading', { level: 1, ...exact(results.detail[detail].heading) })).toBeVisible();
    await expect(nav.getByRole('link', exact(results.nav[detail]))).toHaveAttribute('aria-current', 'page');
    // Every chart is a named image followed by the table of its figures.
    for (const chart of await officer.locator('figure [role="img"]').all()) {
      await expect(chart).toHaveAttribute('aria-label', /\S/);
    }
    await expectNoAxeViolations(officer, `results: ${detail}`);
    await nav.getByRole('link', exact(results.nav.summary)).click();
  }

  // The change page: the interval and effect size beside every change, and how it is worked out.
  await officer.goto('/en-GB/results/change');
  const changeTable = officer.getByRole('table', exact(results.detail.change.changeTableCaption));
  for (const header of [results.measures.ciLow, results.measures.ciHigh, results.measures.effectSize]) {
    await expect(changeTable.getByRole('columnheader', exact(header))).toBeVisible();
  }
  await expect(officer.getByText(/widened for the random noise added to each class session's figures/)).toBeVisible();
  // The beliefs page: quiz-only beliefs are a section of their own, never ranked as persistent.
  await officer.goto('/en-GB/results/beliefs');
  await expect(officer.getByRole('heading', { level: 2, ...exact(results.detail.beliefs.quizOnly.heading) })).toBeVisible();

  // One school with small classes: the form folds away under the selection; small groups read "fewer than 10".
  await officer.goto('/en-GB/results/knowledge');
  await officer.getByText(results.filters.open, { exact: true }).click();
  // Modules are named by their title in the officer's language, never by their id.
  const moduleChoice = officer.getByLabel(results.filters.module, { exact: true });
  await expect(moduleChoice.locator('option[value=""]')).toHaveText(results.filters.defaultModule.replace('{title}', ROADS_KILL_TITLE));
  await officer.getByLabel(results.filters.organisation, { exact: true }).selectOption({ label: results.filters.demoOrganisation.replace('{name}', SMALL_SCHOOL) });
  await officer.getByRole('button', exact(results.filters.submit)).click();
  await expect(officer).toHaveURL(/\/en-GB\/results\/knowledge\?organisation=[0-9a-f-]{36}(&|$)/);
  await expect(officer.getByRole('paragraph').filter({ hasText: results.summary.label })).toContainText(SMALL_SCHOOL);
  await expect(officer.getByText('fewer than 10', { exact: true }).first()).toBeVisible();
  await expectNoAxeViolations(officer, 'results for one school');
  const organisationId = new URL(officer.url()).searchParams.get('organisation') ?? '';
  // The nav keeps the filters on every page.
  await expect(nav.getByRole('link', exact(results.nav.summary))).toHaveAttribute('href', `/en-GB/results?organisation=${organisationId}`);

  // A school year that isn't one: a linked error, the form open, and no figures.
  await officer.goto('/en-GB/results?year=26');
  const summary = officer.getByRole('alert').filter({ hasText: staff.errorSummaryTitle });
  await expect(summary.getByRole('link', exact(results.filterErrors.yearInvalid))).toHaveAttribute('href', '#year');
  await expect(officer.getByLabel(results.filters.year, { exact: true })).toBeVisible();
  await expect(officer.getByRole('heading', { level: 2, ...exact(results.glance.who.heading) })).toHaveCount(0);

  // The evaluation report for the same filters, and its CSV.
  await officer.goto(`/en-GB/results?organisation=${organisationId}`);
  await officer.getByRole('navigation', exact(results.nav.label)).getByRole('link', exact(results.nav.report)).click();
  await expect(officer).toHaveURL(new RegExp(`/en-GB/results/report\\?organisation=${organisationId}$`));
  await expect(officer.getByRole('heading', { level: 1, name: /^Evaluation of “.+”$/ })).toBeVisible();
  // Charts, each with its table; what the figures can and can't show; how the interval is worked out.
  expect(await officer.locator('main figure [role="img"]').count()).toBeGreaterThan(5);
  await expect(officer.getByRole('heading', { level: 2, ...exact(results.report.limitations.heading) })).toBeVisible();
  await expect(officer.getByText(results.report.limitations.noControl, { exact: true })).toBeVisible();
  await expect(officer.getByRole('heading', { level: 3, ...exact(results.uncertainty.heading) })).toBeVisible();
  await expectNoAxeViolations(officer, 'evaluation report');

  const download = officer.waitForEvent('download');
  await officer.getByRole('link', exact(results.report.downloadCsv)).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^roads-kill-results-.+\.csv$/);
  const text = await readFile((await file.path()) ?? '', 'utf8');
  expect(text.startsWith('\ufeff')).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  expect(header).toEqual(['section', 'item', 'label', 'measure', 'value', 'n']);

  // Every figure in the report's tables is a figure of the file, by its row's label, and every
  // figure of the file is on the page (the report shows a few twice: the sample, then the results).
  const outOf = results.tables.outOf;
  const pageFigures = await officer.locator('main table').evaluateAll(
    (tables, outOfHeader) =>
      tables.flatMap((table) => {
        const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
        return [...table.querySelectorAll('tbody tr')].flatMap((tr) => {
          const label = tr.querySelector('th')?.textContent?.trim() ?? '';
          return [...tr.children].flatMap((cell, i) =>
            cell.tagName === 'TD' && headers[i] !== outOfHeader && cell.textContent?.trim() ? [[label, cell.textContent.trim()]] : [],
          );
        });
      }),
    outOf,
  );
  // The file's measure names may add a unit the page puts in its heading: "(%)", "(percentage points)".
  const key = (label: string, value: string) => `${label.replace(/( \([^)]*\))+$/, '')} = ${figure(value)}`;
  const fileRows = rows.filter((row) => row[0] !== results.csv.note && row.length === 6);
  const fileKeys = new Set(fileRows.flatMap(([, , label = '', measure = '', value = '']) => [key(label, value), key(measure, value)]));
  const pageKeys = new Set(pageFigures.map(([label = '', value = '']) => key(label, value)));
  expect(pageFigures.length).toBeGreaterThan(50);
  expect([...pageKeys].filter((k) => !fileKeys.has(k))).toEqual([]);
  expect(fileRows.filter(([, , label = '', measure = '', value = '']) => !pageKeys.has(key(label, value)) && !pageKeys.has(key(measure, value)))).toEqual([]);
  const fileFigures = fileRows.map((row) => row[4] ?? '');
  expect(fileFigures).toContain('fewer than 10');
  // The interval and effect size of every paired change, under the same disclosure, and how they are worked out.
  for (const measure of [results.csv.measures.ciLow, results.csv.measures.ciHigh, results.csv.measures.effectSize]) {
    expect(fileRows.filter((row) => row[3] === measure).length, measure).toBeGreaterThanOrEqual(5);
  }
  expect(rows.find((row) => row[0] === results.csv.note && row[2] === results.uncertainty.heading)?.[4]).toContain('95% confidence interval');
});

test('a class session still open is announced on the summary, not counted', async ({ browser, page }) => {
  test.setTimeout(180_000);
  await signInAsAdministrator(page);
  // A new school in one of the demo areas, and its teacher with a session open now.
  await page.goto('/en-GB/results');
  const area = await page.locator('select#area option').nth(1).getAttribute('value');
  if (!area) throw new Error('no demo area');
  const school = `Still Open School ${randomUUID().slice(0, 8)}`;
  await createOrganisation(page, { name: school, area });
  const teacher = await invited(page, 'teacher', school);
  await createSession(teacher, { mode: 'live', beforeAfter: true });

  const officer = await (await browser.newContext()).newPage();
  await signInAsAdministrator(officer);
  await officer.goto(`/en-GB/results?area=${encodeURIComponent(area)}`);
  const who = officer.getByRole('region', exact(results.glance.who.heading));
  await expect(who.getByText(/^\d+ class sessions? in this selection (is|are) still open and not counted yet\.$/)).toBeVisible();
  // The open session's school is not among the counted ones: filtered to it alone, nothing is counted.
  await officer.goto('/en-GB/results');
  await officer.getByText(results.filters.open, { exact: true }).click();
  await officer.getByLabel(results.filters.organisation, { exact: true }).selectOption({ label: school });
  await officer.getByRole('button', exact(results.filters.submit)).click();
  await expect(officer.getByRole('heading', { level: 2, ...exact(results.empty.heading) })).toBeVisible();
  await expect(officer.getByText('1 class session in this selection is still open and not counted yet.', { exact: true })).toBeVisible();
  await expectNoAxeViolations(officer, 'results with a session still open');
});

test('question quality says, per shuffled question, whether the position shown affects choices, in words', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsAdministrator(page);
  const officer = await invited(page, 'officer');
  await officer.goto('/en-GB/results/questions');
  await expect(officer.getByRole('heading', { level: 1, ...exact(results.questions.heading) })).toBeVisible();
  await expect(officer.getByRole('term').filter({ hasText: results.questions.positionHeading })).toBeVisible();
  const section = officer.getByRole('region', exact(results.questions.position.heading));
  await expect(section).toHaveCount(1);
  const lines = section.getByRole('listitem');
  // Every single and multiple choice question, the fact's choice guess and each story decision.
  expect(await lines.count()).toBeGreaterThan(20);
  // The demo's guessers take the first option they see on some questions: marked in words, with p.
  const check = lines.filter({ hasText: /^.+Check: Position shown: the option shown first was (chosen|ticked) in \d+% of answers, against \d+% if position didn't matter\. Options are chosen (more when shown first|most when shown \w+) \(p\s[=<]\s0\.\d+\): check the wording\.$/ });
  expect(await check.count()).toBeGreaterThan(0);
  await expect(lines.filter({ hasText: /No sign that position matters \(p\s=\s0\.\d+\)\.$/ }).first()).toBeVisible();
  // A story decision is named by its story.
  await expect(section.getByText(/^A lift home after the party: decision 1$/)).toBeVisible();
  await expectNoAxeViolations(officer, 'question quality with the position check');

  // The API gives the same check, disclosed: no count from 1 to 9.
  const api = await officer.request.get('/api/v1/results');
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { positions: { itemId: string; answers: { kind: string; value?: number }; verdict: { kind: string } }[] };
  expect(body.positions.map((q) => q.itemId)).toContain('m-world-killer');
  expect(body.positions.some((q) => q.verdict.kind === 'position-matters')).toBe(true);
  for (const q of body.positions) if (q.answers.kind === 'count') expect(q.answers.value === 0 || (q.answers.value ?? 0) >= 10).toBe(true);
});

test('a teacher cannot open the officers’ results, by page or by request; signed out gets 401', async ({ page, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const organisation = `Results Check School ${randomUUID().slice(0, 8)}`;
  await signInAsAdministrator(page);
  await createOrganisation(page, { name: organisation, area: 'North Vale' });
  const teacher = await invited(page, 'teacher', organisation);

  await expect(teacher.getByRole('navigation', exact(staff.nav.label)).getByRole('link', exact(staff.nav.results))).toHaveCount(0);
  const pages = ['/en-GB/results', ...DETAIL_PAGES.map((detail) => `/en-GB/results/${detail}`), '/en-GB/results/questions', '/en-GB/results/report'];
  for (const path of [...pages, '/en-GB/results/report/csv', '/api/v1/results']) {
    const response = await teacher.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toContain(SMALL_SCHOOL);
  }

  const anonymous = await playwright.request.newContext({ baseURL });
  const api = await anonymous.get('/api/v1/results');
  expect(api.status()).toBe(401);
  const pageResponse = await anonymous.get('/en-GB/results', { maxRedirects: 0 });
  expect([302, 303, 307]).toContain(pageResponse.status());
  expect(pageResponse.headers().location).toContain('/staff/sign-in');
  await anonymous.dispose();
});

test('the results filters work by keyboard alone, with reduce motion on', async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await signInAsAdministrator(page);
  await page.goto('/en-GB/results');
  const organisation = page.getByLabel(results.filters.organisation, { exact: true });
  const submit = page.getByRole('button', exact(results.filters.submit));

  /** Presses Tab until `target` has focus, as a keyboard user would. */
  async function tabTo(target: ReturnType<Page['locator']>): Promise<void> {
    for (let presses = 0; presses < 60; presses += 1) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error('never reached by Tab');
  }

  // The filters are folded under "Change the selection": opened with the keyboard too.
  const toggle = page.locator('summary').filter({ hasText: results.filters.open });
  await tabTo(toggle);
  await page.keyboard.press('Enter');
  await tabTo(organisation);
  await page.keyboard.press('ArrowDown');
  const chosen = await organisation.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent ?? '');
  expect(chosen).toMatch(/^Demo – /);
  await tabTo(submit);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]organisation=[0-9a-f-]{36}/);
  await expect(page.getByRole('paragraph').filter({ hasText: results.summary.label })).toContainText(chosen.replace(/ \(demo\)$/, ''));
  // Nothing on the page moves: no running animation or transition under reduce motion.
  expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
});
