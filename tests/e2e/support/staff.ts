/**
 * Staff accounts through the real UI, by role and label, for any test that needs a signed-in
 * administrator, officer or teacher. Labels come from messages/, so a reworded string changes
 * here by itself.
 *
 * The server writes its first-run setup link to SETUP_LINK_FILE; `readSetupLink` waits for it.
 * Tests share one server (and one database) per run, so `ensureAdministrator` makes the first
 * administrator if nobody has yet and otherwise signs in as them.
 *
 * Signing in costs a password hash (scrypt) and three screens, so it is done once per project's
 * server and run: `administratorState` keeps the signed-in cookies in a file, and every test
 * that is not about signing in starts from them (`administratorContext`, `signInAsAdministrator`).
 * That session is shared, so nothing that uses it signs out; tests of signing out sign in for
 * themselves.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type enAdmin from '@/messages/en-GB/Admin.json';
import type enStaff from '@/messages/en-GB/Staff.json';
import { expect, test } from './fixtures';

export type Locale = 'en-GB' | 'pl';
export type StaffRole = 'administrator' | 'officer' | 'teacher';
export type OrganisationKind = 'school' | 'college' | 'other';

export interface NewAccount {
  name: string;
  email: string;
  password: string;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(path.join(process.cwd(), file), 'utf8'));
}

// Both locales have the en-GB shape: the type check of messages/ guarantees it.
export const staffMessages = {
  'en-GB': readJson('messages/en-GB/Staff.json') as typeof enStaff,
  pl: readJson('messages/pl/Staff.json') as typeof enStaff,
};
export const adminMessages = {
  'en-GB': readJson('messages/en-GB/Admin.json') as typeof enAdmin,
  pl: readJson('messages/pl/Admin.json') as typeof enAdmin,
};

/** The first administrator every test run shares. */
export const administrator: NewAccount = {
  name: 'Ada Administrator',
  email: 'ada.administrator@council.example',
  password: 'e2e administrator passphrase',
};

const exact = (name: string) => ({ name, exact: true });

/**
 * Where this project's server writes its setup link: E2E_SETUP_LINK_FILE (or
 * E2E_SETUP_LINK_FILE_POSTGRES for the PostgreSQL project, E2E_SETUP_LINK_FILE_DEMO for the
 * officers' demo-data server), else `setup-link.txt`, `setup-link-postgres.txt` or
 * `setup-link-demo.txt` in E2E_DATA_DIR, as playwright.config.ts passes to the servers.
 */
export function defaultSetupLinkFile(): string {
  const project = test.info().project.name;
  const configured =
    project === 'phone-postgres'
      ? process.env.E2E_SETUP_LINK_FILE_POSTGRES
      : project === 'officer'
        ? process.env.E2E_SETUP_LINK_FILE_DEMO
        : process.env.E2E_SETUP_LINK_FILE;
  const file = project === 'phone-postgres' ? 'setup-link-postgres.txt' : project === 'officer' ? 'setup-link-demo.txt' : 'setup-link.txt';
  return configured ?? path.join(process.env.E2E_DATA_DIR ?? os.tmpdir(), file);
}

/** Waits for the server to write its setup link (it does so at start-up, once the database is ready). */
export async function readSetupLink(file = defaultSetupLinkFile(), timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await readFile(file, 'utf8').catch(() => '');
    const link = text.trim();
    if (/\/staff\/setup\/[A-Za-z0-9_-]{43}$/.test(link)) return link;
    if (Date.now() > deadline) throw new Error(`No setup link in ${file} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A printed link's path, to open on the test server whatever origin it was printed with. */
export function pathOf(link: string): string {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}

function localeOf(link: string): Locale {
  return pathOf(link).startsWith('/pl/') ? 'pl' : 'en-GB';
}

async function fillNewAccount(page: Page, locale: Locale, account: NewAccount): Promise<void> {
  const fields = staffMessages[locale].fields;
  await page.getByLabel(fields.displayName, { exact: true }).fill(account.name);
  await page.getByLabel(fields.email, { exact: true }).fill(account.email);
  await page.getByLabel(fields.password, { exact: true }).fill(account.password);
  await page.getByLabel(fields.confirmPassword, { exact: true }).fill(account.password);
}

/** Opens the setup link, creates the first administrator and lands on the administration page. */
export async function completeSetup(page: Page, link: string, account: NewAccount = administrator): Promise<void> {
  const locale = localeOf(link);
  const m = staffMessages[locale];
  await page.goto(pathOf(link));
  await expect(page.getByRole('heading', { level: 1, ...exact(m.setup.heading) })).toBeVisible();
  await fillNewAccount(page, locale, account);
  await page.getByRole('button', exact(m.setup.submit)).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin$`));
  await expect(page.getByRole('heading', { level: 1, ...exact(adminMessages[locale].heading) })).toBeVisible();
}

/** Signs in and waits until the sign-in page has been left for `next` (or the class sessions page). */
export async function signIn(page: Page, email: string, password: string, { locale = 'en-GB', next }: { locale?: Locale; next?: string } = {}): Promise<void> {
  const m = staffMessages[locale];
  await page.goto(`/${locale}/staff/sign-in${next === undefined ? '' : `?next=${encodeURIComponent(next)}`}`);
  await page.getByLabel(m.fields.email, { exact: true }).fill(email);
  await page.getByLabel(m.fields.password, { exact: true }).fill(password);
  await page.getByRole('button', exact(m.signIn.submit)).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}${(next ?? '/teach').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(page.getByRole('navigation', exact(m.nav.label))).toBeVisible();
}

/** Signs out with the staff navigation's button and checks the confirmation. */
export async function signOut(page: Page, { locale = 'en-GB' }: { locale?: Locale } = {}): Promise<void> {
  const m = staffMessages[locale];
  await page.getByRole('navigation', exact(m.nav.label)).getByRole('button', exact(m.nav.signOut)).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/staff/sign-in\\?signedOut=1$`));
  await expect(page.getByRole('status').filter({ hasText: m.signIn.signedOut })).toBeVisible();
}

/**
 * The first administrator: made through the setup link if nobody has done so yet, otherwise
 * signed in. Safe when several workers call it at once: one creates the account, and the
 * others find the link spent and sign in.
 */
export async function ensureAdministrator(page: Page, file = defaultSetupLinkFile()): Promise<NewAccount> {
  const link = await readSetupLink(file, 5_000).catch(() => null);
  if (link !== null) {
    const m = staffMessages['en-GB'];
    await page.goto(pathOf(link));
    const form = page.getByRole('heading', { level: 1, ...exact(m.setup.heading) });
    const spent = page.getByRole('heading', { level: 1, ...exact(m.setup.invalidTitle) });
    await expect(form.or(spent)).toBeVisible();
    if (await form.isVisible()) {
      await fillNewAccount(page, 'en-GB', administrator);
      await page.getByRole('button', exact(m.setup.submit)).click();
      // Another worker may have won the race: then this page says the link is spent.
      await expect(page.getByRole('heading', { level: 1, ...exact(adminMessages['en-GB'].heading) }).or(spent)).toBeVisible();
      if (page.url().endsWith('/en-GB/admin')) return administrator;
    }
  }
  await signIn(page, administrator.email, administrator.password);
  return administrator;
}

/** As an administrator: adds an organisation and checks it is listed. */
export async function createOrganisation(
  page: Page,
  { name, kind = 'school', area }: { name: string; kind?: OrganisationKind; area: string },
  { locale = 'en-GB' }: { locale?: Locale } = {},
): Promise<void> {
  const m = adminMessages[locale].organisations;
  await page.goto(`/${locale}/admin/organisations`);
  await page.getByLabel(m.name, { exact: true }).fill(name);
  await page.getByRole('radio', exact(m.kinds[kind])).check();
  await page.getByLabel(m.area, { exact: true }).fill(area);
  await page.getByRole('button', exact(m.submit)).click();
  await expect(page.getByRole('status').filter({ hasText: m.created.replace('{name}', name) })).toBeVisible();
  await expect(page.getByRole('list', exact(m.listLabel)).getByText(name, { exact: true })).toBeVisible();
}

/**
 * As an administrator or officer: creates an invite link and returns it as shown on the page.
 * `organisation` (its name) is needed for a teacher. Officers see no role choice: teachers only.
 */
export async function inviteStaff(
  page: Page,
  { role, organisation }: { role: StaffRole; organisation?: string },
  { locale = 'en-GB' }: { locale?: Locale } = {},
): Promise<string> {
  const m = adminMessages[locale].invites;
  await page.goto(`/${locale}/admin/invites`);
  const roleChoice = page.getByRole('radio', exact(staffMessages[locale].roles[role]));
  if ((await page.getByRole('radio').count()) > 0) await roleChoice.check();
  if (organisation !== undefined) await page.getByLabel(m.organisation, { exact: true }).selectOption({ label: organisation });
  await page.getByRole('button', exact(m.submit)).click();
  await expect(page.getByRole('heading', exact(m.linkHeading))).toBeVisible();
  const link = await page.getByRole('textbox', exact(m.linkLabel)).inputValue();
  expect(link).toMatch(new RegExp(`/${locale}/staff/invite/[A-Za-z0-9_-]{43}$`));
  return link;
}

/** Opens an invite link (in a page with nobody signed in), creates the account, and lands signed in. */
export async function acceptInvite(page: Page, link: string, account: NewAccount): Promise<void> {
  const locale = localeOf(link);
  const m = staffMessages[locale];
  await page.goto(pathOf(link));
  await expect(page.getByRole('heading', { level: 1, ...exact(m.invite.heading) })).toBeVisible();
  await fillNewAccount(page, locale, account);
  await page.getByRole('button', exact(m.invite.submit)).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/(teach|admin)$`));
  await expect(page.getByRole('navigation', exact(m.nav.label))).toContainText(account.name);
}

/** Where this project's administrator cookies are kept for the run (one server per project). */
function administratorStateFile(): string {
  return path.join(process.env.E2E_DATA_DIR ?? os.tmpdir(), `state-administrator-${test.info().project.name}.json`);
}

/**
 * The first administrator's signed-in browser state (Playwright's storageState) for this
 * project's server: signed in once per run, by whichever test asks first, then read from its
 * file. Two workers that ask at once both sign in; either file is a valid session.
 */
export async function administratorState(browser: Browser): Promise<string> {
  const file = administratorStateFile();
  if (await readFile(file).then(() => true, () => false)) return file;
  const context = await browser.newContext();
  try {
    await ensureAdministrator(await context.newPage());
    const partial = `${file}.${randomUUID()}`;
    await context.storageState({ path: partial });
    await rename(partial, file);
  } finally {
    await context.close();
  }
  return file;
}

/** A new browser context signed in as the first administrator (never sign it out: the session is shared). */
export async function administratorContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ storageState: await administratorState(browser) });
}

/** Signs `page`'s context in as the first administrator by its stored cookies; returns the account. */
export async function signInAsAdministrator(page: Page): Promise<NewAccount> {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  const state = JSON.parse(await readFile(await administratorState(browser), 'utf8')) as { cookies: Parameters<BrowserContext['addCookies']>[0] };
  await page.context().addCookies(state.cookies);
  return administrator;
}
