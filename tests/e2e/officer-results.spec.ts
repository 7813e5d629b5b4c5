/**
 * Officers' results on a server of their own with the synthetic demo data (`DEMO_DATA=1`,
 * the `officer` project in playwright.config.ts): an officer invited by the first administrator
 * signs in, filters, sees small groups as "fewer than 10", opens the evaluation report and
 * downloads its CSV, whose figures are the page's. A teacher gets nothing, by page or request.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type enResults from '@/messages/en-GB/Results.json';
import { parseCsv } from '../support/csv';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { acceptInvite, createOrganisation, ensureAdministrator, inviteStaff, signOut, staffMessages } from './support/staff';

const results = JSON.parse(readFileSync(path.join(process.cwd(), 'messages/en-GB/Results.json'), 'utf8')) as typeof enResults;
const staff = staffMessages['en-GB'];
const exact = (name: string) => ({ name, exact: true });
const SMALL_SCHOOL = "Demo – St Aidan's Sixth Form";

/** A new member of staff invited by the administrator signed in on `page`, signed in in a context of their own. */
async function invited(page: Page, role: 'officer' | 'teacher', organisation?: string) {
  const link = await inviteStaff(page, { role, ...(organisation && { organisation }) });
  await signOut(page);
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

test('an officer filters the results, sees small groups hidden, and downloads a CSV equal to the report', async ({ page }) => {
  test.setTimeout(180_000);
  await ensureAdministrator(page);
  const officer = await invited(page, 'officer');

  // Results from the staff navigation: the demo data, labelled as such.
  await officer.getByRole('navigation', exact(staff.nav.label)).getByRole('link', exact(staff.nav.results)).click();
  await expect(officer.getByRole('heading', { level: 1, ...exact(results.overview.heading) })).toBeVisible();
  await expect(officer.getByText(results.demo.title, { exact: true })).toBeVisible();
  await expect(officer.getByRole('heading', { level: 2, ...exact(results.overview.headline.heading) })).toBeVisible();
  await expectNoAxeViolations(officer, 'results overview');

  // One school with small classes: its small groups read "fewer than 10".
  await officer.getByLabel(results.filters.organisation, { exact: true }).selectOption({ label: results.filters.demoOrganisation.replace('{name}', SMALL_SCHOOL) });
  await officer.getByRole('button', exact(results.filters.submit)).click();
  await expect(officer).toHaveURL(/[?&]organisation=[0-9a-f-]{36}/);
  await expect(officer.getByRole('paragraph').filter({ hasText: results.summary.label })).toContainText(SMALL_SCHOOL);
  await expect(officer.getByText('fewer than 10', { exact: true }).first()).toBeVisible();
  await expectNoAxeViolations(officer, 'results for one school');
  const organisationId = new URL(officer.url()).searchParams.get('organisation') ?? '';

  // A school year that isn't one: a linked error, and no figures.
  await officer.goto('/en-GB/results?year=26');
  const summary = officer.getByRole('alert').filter({ hasText: staff.errorSummaryTitle });
  await expect(summary.getByRole('link', exact(results.filterErrors.yearInvalid))).toHaveAttribute('href', '#year');
  await expect(officer.getByRole('heading', { level: 2, ...exact(results.overview.headline.heading) })).toHaveCount(0);

  // The evaluation report for the same filters, and its CSV.
  await officer.goto(`/en-GB/results?organisation=${organisationId}`);
  await officer.getByRole('navigation', exact(results.nav.label)).getByRole('link', exact(results.nav.report)).click();
  await expect(officer).toHaveURL(new RegExp(`/en-GB/results/report\\?organisation=${organisationId}$`));
  await expect(officer.getByRole('heading', { level: 1, name: /^Evaluation of “.+”$/ })).toBeVisible();
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
});

test('a teacher cannot open the officers’ results, by page or by request; signed out gets 401', async ({ page, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const organisation = `Results Check School ${randomUUID().slice(0, 8)}`;
  await ensureAdministrator(page);
  await createOrganisation(page, { name: organisation, area: 'North Vale' });
  const teacher = await invited(page, 'teacher', organisation);

  await expect(teacher.getByRole('navigation', exact(staff.nav.label)).getByRole('link', exact(staff.nav.results))).toHaveCount(0);
  for (const path of ['/en-GB/results', '/en-GB/results/questions', '/en-GB/results/report', '/en-GB/results/report/csv', '/api/v1/results']) {
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
  await ensureAdministrator(page);
  await page.goto('/en-GB/results');
  const organisation = page.getByLabel(results.filters.organisation, { exact: true });
  const submit = page.getByRole('button', exact(results.filters.submit));

  /** Presses Tab until `target` has focus, as a keyboard user would. */
  async function tabTo(target: ReturnType<Page['getByRole']>): Promise<void> {
    for (let presses = 0; presses < 60; presses += 1) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error('never reached by Tab');
  }

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
