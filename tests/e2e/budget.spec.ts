import type { Browser } from '@playwright/test';
import { createSession, newTeacher } from './support/class-session';
import { administratorState } from './support/staff';
import { expect, test } from './support/fixtures';

/**
 * The JavaScript budget of a student page (issue 13): gzipped bytes of every script Chromium
 * fetched on a cold first load, by the load event and by network idle, against a bare Next.js
 * App Router page measured the same way (131.9 KB): at most 1.2× by the load event and 1.3× by
 * network idle, so what loads after the load event (motion, prefetches) counts too.
 */
const BARE_PAGE_BYTES = 131.9 * 1024;
const AT_LOAD = { ratio: 1.2, bytes: Math.round(BARE_PAGE_BYTES * 1.2) };
const AT_IDLE = { ratio: 1.3, bytes: Math.round(BARE_PAGE_BYTES * 1.3) };
const STUDENT_PAGES = ['/en-GB', '/en-GB/learn', '/pl/learn', '/en-GB/join', '/en-GB/support', '/en-GB/privacy'];

interface ScriptBytes {
  atLoad: number;
  atIdle: number;
  count: number;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Gzipped bytes of the scripts a cold first load of `path` fetched by the load event and by network idle. */
async function scriptBytes(browser: Browser, path: string, storageState?: string): Promise<ScriptBytes> {
  const context = await browser.newContext(storageState === undefined ? {} : { storageState });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const scripts = new Set<string>();
  // Network idle as Playwright means it (nothing in flight for 500 ms), counting what may bring
  // code: a class session's event stream stays open for good, and DevTools never reported its
  // join request finished, so calls to the app's own API (no scripts) do not count.
  const inFlight = new Set<string>();
  let lastActivity = Date.now();
  const settled = (id: string) => {
    if (inFlight.delete(id)) lastActivity = Date.now();
  };
  cdp.on('Network.loadingFailed', (e) => settled(e.requestId));
  const headerBytes = new Map<string, number>();
  const bytes = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.type === 'Script') scripts.add(e.requestId);
    if (e.type !== 'EventSource' && !new URL(e.request.url).pathname.startsWith('/api/')) {
      inFlight.add(e.requestId);
      lastActivity = Date.now();
    }
  });
  // Body bytes as sent over the wire (gzipped): the total received less the response headers.
  cdp.on('Network.responseReceived', (e) => {
    if (scripts.has(e.requestId)) headerBytes.set(e.requestId, e.response.encodedDataLength);
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (scripts.has(e.requestId)) bytes.set(e.requestId, e.encodedDataLength - (headerBytes.get(e.requestId) ?? 0));
    settled(e.requestId);
  });
  const sum = () => [...bytes.values()].reduce((a, b) => a + b, 0);
  await page.goto(path, { waitUntil: 'load' });
  const atLoad = sum();
  await expect.poll(() => inFlight.size === 0 && Date.now() - lastActivity >= 500, { timeout: 60_000, intervals: [100] }).toBe(true);
  const result = { atLoad, atIdle: sum(), count: bytes.size };
  console.log(
    `JS budget ${path}: ${kb(result.atLoad)} (${(result.atLoad / BARE_PAGE_BYTES).toFixed(2)}×) by load, ` +
      `${kb(result.atIdle)} (${(result.atIdle / BARE_PAGE_BYTES).toFixed(2)}×) by network idle, in ${result.count} scripts`,
  );
  await context.close();
  return result;
}

function expectWithinBudget({ atLoad, atIdle, count }: ScriptBytes): void {
  expect(count).toBeGreaterThan(0);
  expect(atLoad).toBeLessThanOrEqual(AT_LOAD.bytes);
  expect(atIdle).toBeLessThanOrEqual(AT_IDLE.bytes);
}

const budgetTitle = `at most ${kb(AT_LOAD.bytes)} (${AT_LOAD.ratio}× a bare page) of gzipped JavaScript by load and ${kb(AT_IDLE.bytes)} (${AT_IDLE.ratio}×) by network idle`;

for (const path of STUDENT_PAGES) {
  test(`${path} ships ${budgetTitle}`, async ({ browser }) => {
    expectWithinBudget(await scriptBytes(browser, path));
  });
}

test(`a class session's page ships ${budgetTitle}`, async ({ browser }) => {
  const teacher = await newTeacher(browser, 'Budget College');
  const session = await createSession(teacher.page, { mode: 'live', beforeAfter: true });
  expectWithinBudget(await scriptBytes(browser, `/en-GB/session/${session.joinCode}`));
});

/**
 * The authoring studio's editor is a staff page (issue 14): within twice a bare page by network
 * idle. The preview's player screens load only when it is opened, so they don't count here.
 */
test('the studio editor ships at most 2× a bare page of gzipped JavaScript', async ({ browser }) => {
  const state = await administratorState(browser);
  const context = await browser.newContext({ storageState: state });
  const page = await context.newPage();
  await page.goto('/en-GB/studio');
  const open = page.getByRole('button', { name: /^Edit Roads Kill/ });
  // Opening makes the draft if nobody has (it is shared with the studio's own tests).
  await open.click();
  await expect(page).toHaveURL(/\/en-GB\/studio\/roads-kill$/);
  await context.close();
  const result = await scriptBytes(browser, '/en-GB/studio/roads-kill', state);
  expect(result.count).toBeGreaterThan(0);
  expect(result.atIdle).toBeLessThanOrEqual(Math.round(BARE_PAGE_BYTES * 2));
});

/**
 * No browser chunk carries the database schema (drizzle) or zod: the staff forms once loaded a
 * 42 KB gzipped chunk of both through `lib/api/staff-schemas.ts` (issue 13). Read from the build
 * the server under test runs. drizzle names its entities `Symbol.for("drizzle:…")`, and zod 4 its
 * classes "$ZodType", "ZodError"…, so the strings survive minification.
 */
test('no browser chunk ships zod or the database schema', async () => {
  const { readdir, readFile } = await import('node:fs/promises');
  const path = await import('node:path');
  const dir = path.join(process.cwd(), '.next', 'static', 'chunks');
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.js'));
  expect(files.length).toBeGreaterThan(5);
  const offenders: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(dir, file), 'utf8');
    if (/drizzle:|\$ZodType|ZodError/.test(text)) offenders.push(file);
  }
  expect(offenders).toEqual([]);
});
