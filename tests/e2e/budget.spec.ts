import type { Browser } from '@playwright/test';
import { createSession, newTeacher } from './support/class-session';
import { expect, test } from './support/fixtures';

/**
 * The JavaScript budget of a student page: gzipped bytes of every script Chromium fetched by the
 * load event on a cold first load. A bare Next.js App Router page is about 134 KB this way.
 */
const BUDGET_BYTES = 160 * 1024;
const STUDENT_PAGES = ['/en-GB', '/en-GB/learn', '/pl/learn', '/en-GB/support', '/en-GB/privacy'];

/** Gzipped bytes of the scripts a cold first load of `path` fetched by the load event. */
async function scriptBytesByLoad(browser: Browser, path: string): Promise<{ total: number; count: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const scripts = new Map<string, string>();
  const headerBytes = new Map<string, number>();
  const bytes = new Map<string, number>();
  let loaded = false;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!loaded && e.type === 'Script') scripts.set(e.requestId, e.request.url);
  });
  // Body bytes as sent over the wire (gzipped): the total received less the response headers.
  cdp.on('Network.responseReceived', (e) => {
    if (scripts.has(e.requestId)) headerBytes.set(e.requestId, e.response.encodedDataLength);
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (scripts.has(e.requestId) && !loaded) bytes.set(e.requestId, e.encodedDataLength - (headerBytes.get(e.requestId) ?? 0));
  });
  await page.goto(path, { waitUntil: 'load' });
  loaded = true;
  const total = [...bytes.values()].reduce((a, b) => a + b, 0);
  console.log(`JS budget ${path}: ${(total / 1024).toFixed(1)} KB in ${bytes.size} scripts`);
  await context.close();
  return { total, count: bytes.size };
}

for (const path of STUDENT_PAGES) {
  test(`${path} ships at most ${BUDGET_BYTES / 1024} KB of gzipped JavaScript by the load event`, async ({ browser }) => {
    const { total, count } = await scriptBytesByLoad(browser, path);
    expect(count).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });
}

test(`a class session's page ships at most ${BUDGET_BYTES / 1024} KB of gzipped JavaScript by the load event`, async ({ browser }) => {
  const teacher = await newTeacher(browser, 'Budget College');
  const session = await createSession(teacher.page, { mode: 'live', beforeAfter: true });
  const { total, count } = await scriptBytesByLoad(browser, `/en-GB/session/${session.joinCode}`);
  expect(count).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
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
