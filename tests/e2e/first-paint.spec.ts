/**
 * Student pages paint from the server (issue 13): the first screen is in the HTML, a returning
 * device's saved step takes over without a flash of the intro or a layout shift, the service
 * worker never fetches a page a second time, and a student page can use the back/forward cache.
 */
import { existsSync } from 'node:fs';
import { createSession, exact, newTeacher, sessionMessages } from './support/class-session';
import { expect, test } from './support/fixtures';
import { completeStep, currentStep, messages } from './support/journey';

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the intro of /learn is in the page the server sends', async ({ page }) => {
    const m = messages('en-GB');
    await page.goto('/en-GB/learn');
    await expect(page.locator('[data-step="intro"]')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('button', exact(m.intro.start))).toBeVisible();
    await expect(page.getByText(m.loading)).toHaveCount(0);
  });

  test('a live session’s lobby is in the page the server sends', async ({ browser, page }) => {
    const teacher = await newTeacher(browser, 'First Paint College');
    const { joinCode } = await createSession(teacher.page, { mode: 'live', beforeAfter: true });
    await page.goto(`/en-GB/session/${joinCode}`);
    await expect(page.getByRole('heading', { level: 1, ...exact(sessionMessages.waiting.start.title) })).toBeVisible();
    await teacher.page.context().close();
  });
});

test('a first visit fetches the page once, and the service worker keeps that copy for an offline reload', async ({ page, context }) => {
  // Every request for the page, from the page or from its service worker.
  const documents: string[] = [];
  context.on('request', (request) => {
    if (new URL(request.url()).pathname === '/en-GB/learn') documents.push(`${request.resourceType()} ${request.serviceWorker() ? 'worker' : 'page'}`);
  });
  await page.goto('/en-GB/learn');
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready) && (await caches.match(window.location.href)) !== undefined))
    .toBe(true);
  // Each response has its own CSP nonce: the worker's copy is the very response the page came in
  // (copied from the browser's cache), not a second one from the server.
  const nonces = await page.evaluate(async () => ({
    page: document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? 'none',
    copy: /'nonce-([^']+)'/.exec((await caches.match(window.location.href))?.headers.get('content-security-policy') ?? '')?.[1] ?? 'missing',
  }));
  expect(nonces.copy).toBe(nonces.page);
  console.log(`requests for /en-GB/learn on a first visit: ${documents.join(', ')}`);
  expect(documents.filter((d) => d.startsWith('document'))).toHaveLength(1);

  await page.getByRole('button', exact(messages('en-GB').intro.start)).click();
  await expect(page.locator('[data-step-index="1"]')).toBeVisible();
  await context.setOffline(true);
  await page.reload();
  expect((await currentStep(page)).index).toBe(1);
  await context.setOffline(false);
});

test('a returning device sees its saved step, never the intro, and nothing shifts', async ({ page }) => {
  await page.goto('/en-GB/learn');
  for (let i = 0; i < 3; i += 1) await completeStep({ page, locale: 'en-GB', mode: 'pointer' });
  const saved = await currentStep(page);
  expect(saved.index).toBeGreaterThan(0);

  await page.addInitScript(() => {
    const seen: { intro: string | null; shift: number } = { intro: null, shift: 0 };
    Object.assign(window, { __firstPaint: seen });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) seen.shift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('DOMContentLoaded', () => {
      const first = document.querySelector('[data-first-paint]');
      seen.intro = first ? getComputedStyle(first).display : 'gone';
    });
  });
  await page.reload();
  expect(await currentStep(page)).toEqual(saved);
  const seen = await page.evaluate(() => (window as unknown as { __firstPaint: { intro: string | null; shift: number } }).__firstPaint);
  // The server's intro was in the page but not shown at the first paint (or already replaced).
  expect(['none', 'gone']).toContain(seen.intro);
  expect(seen.shift).toBeLessThan(0.01);
});

/**
 * Playwright starts Chromium with the back/forward cache turned off (`--disable-back-forward-cache`),
 * so this test runs in a browser of its own that keeps it on. The full browser, as phones have: the
 * headless shell the other tests run in has no back/forward cache at all
 * ("BackForwardCacheDisabledForDelegate").
 */
test('/learn is kept by the back/forward cache', async ({ playwright }, testInfo) => {
  const m = messages('en-GB');
  const { launchOptions, baseURL, viewport } = testInfo.project.use;
  const fullBrowser = existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : { executablePath: undefined, channel: 'chromium' };
  const browser = await playwright.chromium.launch({ ...launchOptions, ...fullBrowser, ignoreDefaultArgs: ['--disable-back-forward-cache'] });
  const context = await browser.newContext({ baseURL, viewport });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.enable');
  const notRestored: string[] = [];
  cdp.on('Page.backForwardCacheNotUsed', (event) => notRestored.push(...event.notRestoredExplanations.map((e) => `${e.type}: ${e.reason}`)));
  await page.addInitScript(() => {
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) document.documentElement.dataset.restored = 'true';
    });
  });
  const response = await page.goto('/en-GB/learn');
  expect(response?.headers()['cache-control']).not.toContain('no-store');
  await expect(page.getByRole('button', exact(m.intro.start))).toBeVisible();
  await expect(page.locator('[data-first-paint]')).toHaveCount(0);
  // A service worker that takes control of a page while it is in the cache evicts it
  // ("ServiceWorkerClaim"): that happens once, on a device's very first visit.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.goto('/en-GB/privacy');
  // A page restored from the cache fires no load event: wait for the navigation only.
  await page.goBack({ waitUntil: 'commit' });
  await expect(page.getByRole('button', exact(m.intro.start))).toBeVisible();
  expect(notRestored, 'why the back/forward cache was not used').toEqual([]);
  // `pageshow` with `persisted`: the same document came back, not a new load of the page.
  await expect(page.locator('html')).toHaveAttribute('data-restored', 'true');
  await browser.close();
});
