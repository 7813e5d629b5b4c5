import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** Console errors a test provokes on purpose: the network going away while offline. */
const EXPECTED_ERRORS = [/ERR_INTERNET_DISCONNECTED/, /Failed to fetch/, /Failed to load resource/];

export const test = base.extend<{ consoleErrors: string[] }>({
  // Any unexpected console.error or page error fails the test (the epic-stack habit).
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !EXPECTED_ERRORS.some((re) => re.test(message.text()))) errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** axe with the WCAG 2.2 A and AA rules; zero violations allowed. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  // Check the screen as it settles, not mid-fade: a half-transparent button fails colour contrast
  // for a few frames on a busy machine. Waits for running animations (Web Animations and
  // framer-motion's inline opacity) to finish.
  await page.waitForFunction(
    () =>
      document.getAnimations().every((a) => a.playState !== 'running') &&
      [...document.querySelectorAll<HTMLElement>('[style*="opacity"]')].every((el) => el.style.opacity === '' || Number(el.style.opacity) >= 0.999),
  );
  // Next streams a page's metadata: after a client navigation the <title> can land a moment
  // after the content. Give it a few seconds; a page that truly has none still fails below, with
  // axe's `document-title`.
  await page.waitForFunction(() => document.title.trim() !== '', undefined, { timeout: 5_000 }).catch(() => undefined);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}

/**
 * Whether the inline styles of everything matching `selector` stay the same over `frames`
 * animation frames: JavaScript animations (framer-motion's widths) write a new value every frame
 * while they run, so a still run of frames means they have finished, or never started.
 */
export function stillForFrames(page: Page, selector: string, frames = 5): Promise<boolean> {
  return page.evaluate(
    ([sel, count]) =>
      new Promise<boolean>((resolve) => {
        const read = () => [...document.querySelectorAll(sel)].map((el) => el.getAttribute('style') ?? '').join('|');
        const first = read();
        let seen = 0;
        const step = () => {
          if (read() !== first) resolve(false);
          else if ((seen += 1) >= count) resolve(true);
          else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    [selector, frames] as const,
  );
}

/** Waits for every JavaScript and Web animation matching `selector` to finish: no fixed sleep. */
export async function waitForStill(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await expect.poll(() => stillForFrames(page, selector), { intervals: [50] }).toBe(true);
}
