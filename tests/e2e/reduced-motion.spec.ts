import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { completeStep, currentStep } from './support/journey';

/**
 * Elements that animate: a CSS animation on them (a screen's fade and rise), a Web Animation
 * (the real figure's marker), or an inline opacity/transform style from script.
 */
async function animatedElements(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLElement>('body *')].filter(
        (el) => getComputedStyle(el).animationName !== 'none' || el.getAnimations().length > 0 || /transform|opacity/.test(el.getAttribute('style') ?? ''),
      ).length,
  );
}

async function playUntilFeedbackShown(page: Page): Promise<void> {
  // Through the intro, the first section card and into the before-questions.
  for (let i = 0; i < 6; i += 1) {
    const { kind } = await currentStep(page);
    if (kind === 'fact') break;
    await completeStep({ page, locale: 'en-GB', mode: 'pointer' });
  }
}

test('with reduce motion on, nothing moves and nothing is missing', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/en-GB/learn');
  await playUntilFeedbackShown(page);
  // Every screen so far rendered without an inline animation style, and content is fully opaque.
  expect(await animatedElements(page)).toBe(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const opacity = await page.locator('[data-step]').evaluate((el) => getComputedStyle(el.firstElementChild ?? el).opacity);
  expect(opacity).toBe('1');
});

test('without reduce motion, screens after the first animate in (so the test above can fail)', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.goto('/en-GB/learn');
  await page.waitForLoadState('load');
  await playUntilFeedbackShown(page);
  await expect.poll(() => animatedElements(page)).toBeGreaterThan(0);
});
