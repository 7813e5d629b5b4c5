/**
 * Class sessions through the real UI: a teacher with their own organisation, a new session,
 * students joining by code. Labels come from messages/, like the rest of the e2e support.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test';
import type enSession from '@/messages/en-GB/Session.json';
import type enTeach from '@/messages/en-GB/Teach.json';
import { expect } from './fixtures';
import { acceptInvite, administratorContext, createOrganisation, inviteStaff, type NewAccount } from './staff';

const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(process.cwd(), file), 'utf8'));
export const teachMessages = readJson('messages/en-GB/Teach.json') as typeof enTeach;
export const sessionMessages = readJson('messages/en-GB/Session.json') as typeof enSession;

export const exact = (name: string) => ({ name, exact: true });

export interface Teacher {
  context: BrowserContext;
  page: Page;
  account: NewAccount;
  organisation: string;
}

/**
 * A new organisation and a teacher invited to it, signed in in a context of their own. The
 * administrator starts signed in (the run's stored state), so this costs two admin screens and
 * the invite's one password hash.
 */
export async function newTeacher(browser: Browser, label: string): Promise<Teacher> {
  const suffix = randomUUID().slice(0, 8);
  const organisation = `${label} ${suffix}`;
  const adminContext = await administratorContext(browser);
  const admin = await adminContext.newPage();
  await createOrganisation(admin, { name: organisation, kind: 'college', area: 'North Somerset' });
  const link = await inviteStaff(admin, { role: 'teacher', organisation });
  await adminContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  const account = { name: `Teacher ${suffix}`, email: `teacher-${suffix}@school.example`, password: `teacher passphrase ${suffix}` };
  await acceptInvite(page, link, account);
  return { context, page, account, organisation };
}

export interface CreatedSession {
  id: string;
  joinCode: string;
}

/**
 * Creates a session from the form and returns its id and join code, as the dashboard shows them.
 * `organisation`: the one to choose, for an officer (a teacher's is their own).
 */
export async function createSession(
  page: Page,
  {
    mode,
    beforeAfter,
    closesAt,
    organisation,
    path,
    moduleId,
  }: { mode: 'live' | 'self_paced'; beforeAfter: boolean; closesAt?: string; organisation?: string; path?: 'core' | 'full'; moduleId?: string },
): Promise<CreatedSession> {
  const m = teachMessages.new;
  await page.goto('/en-GB/teach/sessions/new');
  await expect(page.getByRole('heading', { level: 1, ...exact(m.heading) })).toBeVisible();
  if (organisation !== undefined) await page.getByLabel(m.organisation).selectOption({ label: organisation });
  // Roads-kill unless asked: the form's default.
  if (moduleId !== undefined) await page.locator(`#module-${moduleId}`).check();
  await page.getByRole('radio', { name: mode === 'live' ? m.live : m.selfPaced }).check();
  // The core unless asked: the form's default.
  if (path !== undefined) await page.locator(`#path-${path}`).check();
  const box = page.getByRole('checkbox', { name: m.beforeAfter });
  if (beforeAfter) await box.check();
  else await box.uncheck();
  if (closesAt !== undefined) await page.getByLabel(m.closesAt).fill(closesAt);
  await page.getByRole('button', exact(m.create)).click();
  await expect(page).toHaveURL(/\/en-GB\/teach\/sessions\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').at(-1) ?? '';
  const joinCode = (await page.locator('[data-join-code]').getAttribute('data-join-code')) ?? '';
  expect(joinCode).toMatch(/^[A-Z0-9]{6}$/);
  return { id, joinCode };
}

/**
 * A student's phone joins: by typing the code on the home page, or by the QR code's link. With
 * `clock`, the phone runs on Playwright's clock from the start (real time until the test moves it
 * on with `page.clock.fastForward`), for a test that moves the session's clock on too
 * (session-clock.ts).
 */
export async function joinAsStudent(browser: Browser, joinCode: string, how: 'form' | 'link', { clock = false }: { clock?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  if (clock) await page.clock.install();
  if (how === 'form') {
    await page.goto('/en-GB');
    // Typed as people do: lower case, with a space.
    await page.getByLabel(sessionMessages.join.label).fill(`${joinCode.slice(0, 3).toLowerCase()} ${joinCode.slice(3).toLowerCase()}`);
    await page.getByRole('button', exact(sessionMessages.join.submit)).click();
  } else {
    await page.goto(`/session/${joinCode}`);
  }
  await expect(page).toHaveURL(new RegExp(`/en-GB/session/${joinCode}$`));
  return page;
}

/** The teacher's live count, as the dashboard or projector shows it. */
export function liveCount(page: Page, which: 'joined' | 'answered-step' | 'in-progress' | 'finished') {
  return page.locator(`[data-count="${which}"]`);
}

/** A local date and time in the browser's own time zone, as a datetime-local field takes it. */
export async function localDateTime(page: Page, hoursFromNow: number): Promise<string> {
  return page.evaluate((hours) => {
    const d = new Date(Date.now() + hours * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, hoursFromNow);
}

/**
 * A phone that takes part through the API alone, as the student client does (join, then a batch
 * of answers with their own ids): for classes bigger than the browsers a test can open.
 */
export interface ApiPhone {
  participantId: string;
  answer(itemId: string, optionIds: string[], phase?: 'before' | 'main' | 'after'): Promise<void>;
}

export async function joinAsApiPhone(request: APIRequestContext, joinCode: string): Promise<ApiPhone> {
  const participantId = randomUUID();
  const joined = await request.post(`/api/v1/class-sessions/${joinCode}/participants`, { data: { participantId, locale: 'en-GB' } });
  expect(joined.status()).toBe(201);
  const progress = await request.get(`/api/v1/participants/${participantId}/progress`);
  const { contentVersion } = (await progress.json()) as { contentVersion: string };
  return {
    participantId,
    async answer(itemId, optionIds, phase = 'main') {
      const response = await request.post('/api/v1/answers', {
        data: {
          participantId,
          answers: [{ id: randomUUID(), itemId, phase, response: { kind: 'choice', optionIds }, contentVersion, answeredAt: new Date().toISOString() }],
        },
      });
      expect(response.status()).toBe(200);
    },
  };
}
