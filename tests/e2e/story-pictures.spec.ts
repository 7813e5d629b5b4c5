import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { currentStep, messages, type Locale } from './support/journey';
import { seedJourney } from './support/seed';

/**
 * Every story screen has its picture (issue 10): an SVG with role img and a name from the content's
 * alt text, in both languages, sized so a 360 px phone still shows the story, and axe-clean.
 * One story is played in English, the next in Polish (the device keeps its place across languages).
 */
// No service worker: it would answer the script requests the second test holds back.
test.use({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });

const SHOTS = process.env.STORY_PICTURE_SHOTS;

/** A phone seeded on to the first story's opening screen (support/seed.ts). */
async function playToFirstStory(page: Page): Promise<void> {
  await seedJourney(page, { stopAt: (step) => step.kind === 'scenario' });
  expect((await currentStep(page)).kind).toBe('scenario');
}

interface Seen {
  kind: string;
  name: string;
}

/** Plays the story on screen to its ending, checking each screen's picture; returns what was seen. */
async function playStoryCheckingPictures(page: Page, locale: Locale, axeChecked: Set<string>): Promise<Seen[]> {
  const m = messages(locale);
  const begin = page.getByRole('button', { name: m.scenario.begin, exact: true });
  if (await begin.isVisible()) await begin.click();
  const seen: Seen[] = [];
  for (let guard = 0; guard < 20; guard += 1) {
    const kind = (await page.locator('[data-node-kind]').getAttribute('data-node-kind')) ?? '';
    const picture = page.locator('svg[role="img"]');
    await expect(picture).toHaveCount(1);
    const name = (await picture.getAttribute('aria-label')) ?? '';
    expect(name.trim().length, `alt text on a ${kind} screen`).toBeGreaterThan(10);
    await expect(page.getByRole('img', { name, exact: true })).toBeVisible();
    // About 16:9, never more than about a third of the screen's height.
    const box = await picture.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan(100);
    expect(box?.height ?? 999).toBeLessThanOrEqual(740 * 0.35 + 1);
    // axe on each kind of illustrated screen (scene, decision, ending), in each language.
    if (!axeChecked.has(`${locale}:${kind}`)) {
      axeChecked.add(`${locale}:${kind}`);
      await expectNoAxeViolations(page, `story ${kind} with its picture (${locale})`);
    }
    const heading = (await page.locator('h1').textContent()) ?? '';
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${locale}-${seen.length}-${kind}.png`, fullPage: true });
    seen.push({ kind, name });
    if (kind === 'ending') return seen;
    if (kind === 'scene') {
      await page.getByRole('button', { name: m.scenario.continue, exact: true }).click();
    } else {
      const choices = page.getByRole('group', { name: m.scenario.whatDoYouDo }).getByRole('button');
      // The first choice still shows on a 360 × 740 screen without scrolling past the picture.
      const first = await choices.first().boundingBox();
      expect(first?.y ?? 9999).toBeLessThan(740 * 1.6);
      await choices.last().click();
    }
    await expect.poll(async () => `${await page.locator('[data-node-kind]').getAttribute('data-node-kind')}|${await page.locator('h1').textContent()}`).not.toBe(`${kind}|${heading}`);
  }
  throw new Error('The story did not end within 20 screens');
}

test('each story screen has a named picture, in English and in Polish, and axe finds nothing', async ({ page }) => {
  test.setTimeout(180_000);
  await playToFirstStory(page);

  const axeChecked = new Set<string>();
  const english = await playStoryCheckingPictures(page, 'en-GB', axeChecked);
  expect(english.map((s) => s.kind)).toContain('scene');
  expect(english.map((s) => s.kind)).toContain('decision');
  expect(english.at(-1)?.kind).toBe('ending');
  // Each screen has its own picture description, not one caption for the whole story.
  expect(new Set(english.map((s) => s.name)).size).toBe(english.length);
  await page.getByRole('button', { name: messages('en-GB').scenario.next, exact: true }).click();
  await expect(page.getByRole('button', { name: messages('en-GB').scenario.begin, exact: true })).toBeVisible();

  await page.goto('/pl/learn');
  await expect(page.getByRole('button', { name: messages('pl').scenario.begin, exact: true })).toBeVisible();
  const polish = await playStoryCheckingPictures(page, 'pl', axeChecked);
  expect([...axeChecked].sort()).toEqual(['en-GB:decision', 'en-GB:ending', 'en-GB:scene', 'pl:decision', 'pl:ending', 'pl:scene']);
  expect(polish.at(-1)?.kind).toBe('ending');
  expect(new Set(polish.map((s) => s.name)).size).toBe(polish.length);
  // Polish alt text, not the English left in place.
  for (const { name } of polish) expect(english.map((s) => s.name)).not.toContain(name);
});

test('the drawings load only when a story shows; until then the picture keeps its place and its description', async ({ page }) => {
  test.setTimeout(180_000);
  await playToFirstStory(page);
  // Hold back every script fetched from now on: the drawings are a chunk of their own.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/chunks/**', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('button', { name: messages('en-GB').scenario.begin, exact: true }).click();
  const placeholder = page.locator('div[role="img"]');
  await expect(placeholder).toHaveCount(1);
  expect(((await placeholder.getAttribute('aria-label')) ?? '').length).toBeGreaterThan(10);
  await expect(page.locator('svg[role="img"]')).toHaveCount(0);
  release();
  await expect(page.locator('svg[role="img"]')).toHaveCount(1);
  await expect(placeholder).toHaveCount(0);
});
