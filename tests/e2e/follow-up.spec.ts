import type { Page, Response } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type enReport from '@/messages/en-GB/Report.json';
import { createSession, exact, joinAsStudent, localDateTime, newTeacher, sessionMessages, teachMessages } from './support/class-session';
import { structure } from './support/content';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { completeStep, deviceState, driveJourney, messages } from './support/journey';

const player = messages('en-GB');
const PAIRING_KEY = 'rk:pairing-code';
const reportMessages = JSON.parse(readFileSync(path.join(process.cwd(), 'messages/en-GB/Report.json'), 'utf8')) as typeof enReport;

/** A body, or '' when it can't be had in time (an abandoned request's never arrives). */
function withTimeout(body: Promise<string>, ms: number): Promise<string> {
  return Promise.race([body.catch(() => ''), new Promise<string>((resolve) => setTimeout(() => resolve(''), ms))]);
}

const spaced = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;

test('a follow-up session: planned from the first, joined by the same phone, paired by its code, which never comes back', async ({ browser }) => {
  test.setTimeout(240_000);
  const teacher = await newTeacher(browser, 'Follow-up College');
  const { page } = teacher;
  const first = await createSession(page, { mode: 'self_paced', beforeAfter: false, closesAt: await localDateTime(page, 26) });

  // A phone takes part in the first session, and every API response it gets is kept to search later.
  const phone = await joinAsStudent(browser, first.joinCode, 'link');
  // Bodies are read as they arrive: a response read later may belong to a request the page has
  // since abandoned, whose body never comes. Event streams never end; they carry only session state.
  const bodies: Promise<string>[] = [];
  phone.context().on('response', (response: Response) => {
    const { pathname } = new URL(response.url());
    if (pathname.startsWith('/api/') && !pathname.endsWith('/events')) bodies.push(withTimeout(response.text(), 5_000));
  });
  for (let i = 0; i < 4; i += 1) await completeStep({ page: phone, locale: 'en-GB', mode: 'pointer' });
  await expect.poll(async () => (await deviceState(phone, first.id)).outbox.length).toBe(0);
  const pairingCode = await phone.evaluate((key) => window.localStorage.getItem(key), PAIRING_KEY);
  expect(pairingCode).toMatch(/^[0-9a-f]{32}$/);

  // The teacher plans a follow-up from the first session's page: the earlier session is named and fixed.
  await page.goto(`/en-GB/teach/sessions/${first.id}`);
  await page.getByRole('link', exact(teachMessages.session.planFollowUp)).click();
  await expect(page.getByRole('heading', { level: 1, ...exact(teachMessages.new.followUpHeading) })).toBeVisible();
  await expect(page.getByText(new RegExp(`code ${spaced(first.joinCode)}\\.$`))).toBeVisible();
  await expect(page.getByRole('checkbox', { name: teachMessages.new.beforeAfter })).toHaveCount(0);
  await expect(page.getByRole('radio', { name: teachMessages.new.selfPaced })).toBeChecked();
  // A closing time a week ahead is suggested.
  await expect(page.getByLabel(teachMessages.new.closesAt)).toHaveValue(/^\d{4}-\d{2}-\d{2}T17:00$/);
  await expectNoAxeViolations(page, 'follow-up form');

  // A session the teacher may not follow up, slipped into the hidden field, is refused and nothing is created.
  await page.locator('input[name="followUpOf"]').evaluate((input: HTMLInputElement, id) => (input.value = id), randomUUID());
  await page.getByRole('button', exact(teachMessages.new.create)).click();
  const summary = page.getByRole('alert', exact(teachMessages.errors.title));
  await expect(summary.getByRole('link', exact(teachMessages.errors.followUpOf))).toBeVisible();
  await expect(page).toHaveURL(/\/teach\/sessions\/new\?followUpOf=/);
  await page.goto('/en-GB/teach');
  await expect(page.getByRole('link', exact(spaced(first.joinCode)))).toHaveCount(1);
  await expect(page.locator('table tbody tr')).toHaveCount(1);

  // From the session list this time; the suggested closing time is kept.
  await page.getByRole('link', { name: teachMessages.list.planFollowUpLabel.replace('{code}', spaced(first.joinCode)) }).click();
  await page.getByRole('button', exact(teachMessages.new.create)).click();
  await expect(page).toHaveURL(/\/en-GB\/teach\/sessions\/[0-9a-f-]{36}$/);
  const followUpId = page.url().split('/').at(-1) ?? '';
  const followUpCode = (await page.locator('[data-join-code]').getAttribute('data-join-code')) ?? '';
  await expect(page.getByText(new RegExp(`^Follow-up to the session of .+, code ${spaced(first.joinCode)}$`))).toBeVisible();
  await expect(page.getByRole('link', exact(teachMessages.session.planFollowUp))).toHaveCount(0);

  // The same phone joins the follow-up: its intro, then the intention items and the recap quiz.
  await phone.goto(`/en-GB/session/${followUpCode}`);
  await expect(phone.getByRole('heading', { level: 2, ...exact(player.intro.followUpHeading) })).toBeVisible();
  await expectNoAxeViolations(phone, 'follow-up intro');
  const kinds = await driveJourney({
    page: phone,
    locale: 'en-GB',
    mode: 'pointer',
    axeChecked: new Set(['intro']),
    onScreen: async (screen, kind) => {
      if (kind === 'item') await expect(screen.getByText(player.item.eyebrow.followup).first()).toBeVisible();
    },
  });
  const intentions = structure.attitudeItems.filter((a) => a.phases.includes('followup')).length;
  const recap = structure.items.filter((i) => i.phases.includes('followup')).length;
  expect(kinds).toEqual(['intro', 'section', ...Array<string>(intentions).fill('attitude'), ...Array<string>(recap).fill('item')]);
  await expect(phone.getByText(new RegExp(`^Recap: \\d of ${recap} right$`))).toBeVisible();
  await expect(phone.getByRole('heading', exact(player.planCard.cardTitle))).toHaveCount(0);
  await expect.poll(async () => (await deviceState(phone, followUpId)).outbox.length).toBe(0);
  // One code for the device, not one per session.
  expect(await phone.evaluate((key) => window.localStorage.getItem(key), PAIRING_KEY)).toBe(pairingCode);

  // The teacher's follow-up page doesn't count paired devices as they join (one more would say
  // whether the newest phone took part before); the report counts them once the session has
  // closed, and holds every figure back till then.
  await page.reload();
  await expect(page.getByText(teachMessages.session.pairedInReport, { exact: true })).toBeVisible();
  await page.goto(`/en-GB/teach/sessions/${followUpId}/report`);
  await expect(page.getByRole('heading', { level: 2, ...exact(reportMessages.release.heldHeading) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`^${reportMessages.headline.paired}`) })).toHaveCount(0);

  // The pairing code went out once per participant and never came back in any response.
  const read = await Promise.all(bodies);
  expect(read.filter((body) => body !== '').length).toBeGreaterThan(0);
  for (const body of read) expect(body).not.toContain(pairingCode);
  const rejoin = await phone.request.post(`/api/v1/class-sessions/${followUpCode}/participants`, {
    data: { participantId: (await deviceState(phone, followUpId)).participantId, locale: 'en-GB', pairingCode },
  });
  expect(rejoin.status()).toBe(200);
  expect(await rejoin.text()).not.toContain(pairingCode ?? '');
  for (const path of [`/teach/sessions/${first.id}`, `/teach/sessions/${followUpId}`, `/teach/sessions/${followUpId}/report`, `/teach/sessions/${followUpId}/report/csv`]) {
    const staffView = await page.request.get(`/en-GB${path}`);
    // The CSV of a session still open is not there yet (409); everything else is.
    expect(staffView.status()).toBe(path.endsWith('/csv') ? 409 : 200);
    expect(await staffView.text()).not.toContain(pairingCode ?? '');
  }
});

/** A day from today in the browser's time, as a `date` input's value. */
const localDate = (page: Page, daysFromNow: number) =>
  page.evaluate((days) => {
    const d = new Date();
    d.setDate(d.getDate() + days);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }, daysFromNow);

test('a follow-up planned for a later day: a past day is refused, and phones that come early are told when it opens', async ({ browser }) => {
  test.setTimeout(120_000);
  const teacher = await newTeacher(browser, 'Planned Follow-up College');
  const { page } = teacher;
  const first = await createSession(page, { mode: 'self_paced', beforeAfter: true, closesAt: await localDateTime(page, 26) });

  await page.goto(`/en-GB/teach/sessions/${first.id}`);
  await page.getByRole('link', exact(teachMessages.session.planFollowUp)).click();
  const opensOn = page.getByLabel(teachMessages.new.opensOn);
  await expect(opensOn).toHaveValue('');
  await opensOn.fill(await localDate(page, -1));
  await page.getByRole('button', exact(teachMessages.new.create)).click();
  const summary = page.getByRole('alert', exact(teachMessages.errors.title));
  await expect(summary.getByRole('link', exact(teachMessages.errors.opensOnPast))).toBeVisible();
  await expect(page.locator('#opens-on-error')).toHaveText(teachMessages.errors.opensOnPast);
  await expectNoAxeViolations(page, 'follow-up form with a past opening day');

  // Tomorrow, closing a week ahead (as suggested): created, and the teacher sees when it opens.
  await page.getByLabel(teachMessages.new.opensOn).fill(await localDate(page, 1));
  await page.getByRole('button', exact(teachMessages.new.create)).click();
  await expect(page).toHaveURL(/\/en-GB\/teach\/sessions\/[0-9a-f-]{36}$/);
  const code = (await page.locator('[data-join-code]').getAttribute('data-join-code')) ?? '';
  await expect(page.locator('[data-session-status]')).toHaveText(/^Opens on \d{1,2} \w+ \d{4}$/);
  await page.goto('/en-GB/teach');
  await expect(page.getByRole('row', { name: new RegExp(spaced(code)) }).getByText(/^Opens on /)).toBeVisible();

  // A phone that comes today: told the day, nothing to answer, and the API says the same.
  const phone = await joinAsStudent(browser, code, 'link');
  await expect(phone.getByRole('heading', { level: 1, ...exact(sessionMessages.notOpen.title) })).toBeVisible();
  await expect(phone.getByText(/^Your teacher set this follow-up to open on \w+,? \d{1,2} \w+ \d{4}\./)).toBeVisible();
  await expectNoAxeViolations(phone, 'follow-up not open yet');
  const early = await phone.request.post(`/api/v1/class-sessions/${code}/participants`, { data: { participantId: randomUUID(), locale: 'en-GB' } });
  expect(early.status()).toBe(409);
  expect(((await early.json()) as { error: { code: string } }).error.code).toBe('not_open_yet');
});
