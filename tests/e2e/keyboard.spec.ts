import { expect, test } from './support/fixtures';
import { deviceState, messages } from './support/journey';

// The whole journey by keyboard alone is the English walk in journey.spec.ts.

test('the skip link and a moved step heading take focus', async ({ page }) => {
  await page.goto('/en-GB/learn');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.getByRole('button', { name: 'Start', exact: true }).press('Enter');
  // The new screen's heading has focus, so a screen reader starts reading there.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('errors are summarised at the top, focused, and linked to their field', async ({ page }) => {
  const m = messages('en-GB');
  await page.goto('/en-GB/learn');
  await page.getByRole('button', { name: m.intro.start, exact: true }).click();
  await page.getByRole('button', { name: m.sectionIntro.continue, exact: true }).click();
  await page.getByRole('button', { name: m.next, exact: true }).click();
  const summary = page.getByRole('alert', { name: m.errors.title });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading', { name: m.errors.title })).toBeVisible();
  await summary.getByRole('link', { name: m.errors.chooseScale }).press('Enter');
  await expect(page.getByRole('radio').first()).toBeFocused();
  // Nothing was stored for the refused submit.
  const device = await deviceState(page);
  expect(Object.keys(device.answers)).toHaveLength(0);
});
