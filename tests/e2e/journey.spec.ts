import { expectedAnswerCount, structure } from './support/content';
import { expect, test } from './support/fixtures';
import { currentStep, deviceState, driveJourney, messages, storedAnswers, type Driver, type Locale } from './support/journey';
import { journeySteps, seedJourney, seedOnwards } from './support/seed';

/**
 * The only two tests that walk the journey from its first screen to its summary, one per
 * language; every other test starts mid-journey from a seeded device (support/seed.ts). English
 * walks the whole module by keyboard alone, Polish the core by pointer at 200% text.
 */
for (const locale of ['en-GB', 'pl'] as const satisfies readonly Locale[]) {
  // English goes deeper at the end of the core (the whole module); Polish finishes with the core.
  const path = locale === 'en-GB' ? 'full' : 'core';
  const mode = locale === 'en-GB' ? 'keyboard' : 'pointer';
  test(`the ${path === 'full' ? 'whole journey, going deeper, by keyboard alone,' : 'core, then finishing,'} on a phone in ${locale}${locale === 'pl' ? ' at 200% text' : ''}, axe-clean on every kind of screen, every answer stored once`, async ({ page }) => {
    // About 70 screens, each checked, several with axe: two minutes on a quiet machine, more
    // while other projects' servers share its two cores.
    test.setTimeout(300_000);
    const m = messages(locale);
    await page.goto(`/${locale}/learn`);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    // The Polish run also doubles the text size: every screen must still fit 360 pixels.
    const largeText = locale === 'pl';
    if (largeText) await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    const axeChecked = new Set<string>();
    const kinds = await driveJourney({
      page,
      locale,
      mode,
      axeChecked,
      deeper: path === 'full',
      // Support is one tap away on every screen.
      onScreen: async (p, kind) => {
        await expect(p.getByRole('banner').getByRole('link', { name: locale === 'pl' ? 'Potrzebujesz wsparcia?' : 'Need support?' })).toBeVisible();
        if (largeText) {
          const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `sideways scrolling on a ${kind} screen at 200% text`).toBeLessThanOrEqual(0);
        }
      },
    });

    // Every part of the journey in DESIGN.md was on screen, and the offer to go deeper once.
    for (const kind of ['intro', 'section', 'attitude', 'item', 'fact', 'scenario', 'plan', 'deeper-offer']) expect(kinds).toContain(kind);
    expect(kinds.filter((k) => k === 'deeper-offer')).toHaveLength(1);
    // The offer comes at the end of the core: every core story done, no deeper one yet.
    expect(kinds.slice(0, kinds.indexOf('deeper-offer')).filter((k) => k === 'scenario')).toHaveLength(structure.scenarios.filter((s) => s.depth !== 'deeper').length);
    const stories = structure.scenarios.filter((s) => path === 'full' || s.depth === 'core');
    expect(kinds.filter((k) => k === 'scenario')).toHaveLength(stories.length);
    expect(kinds.filter((k) => k === 'fact')).toHaveLength(4);
    // Facts, then stories, then the quiz: a fact is asked again only after a story.
    expect(kinds.indexOf('scenario')).toBeGreaterThan(kinds.lastIndexOf('fact'));
    for (const screen of ['item-feedback', 'fact-reveal', 'scenario-decision', 'scenario-ending', 'plan-saved', 'deeper-offer']) {
      expect([...axeChecked]).toContain(screen);
    }
    if (path === 'full') expect([...axeChecked]).toContain('item-ordering');

    await expect(page.getByRole('heading', { level: 2, name: m.summary.takeAway })).toBeVisible();
    await expect(page.getByText(m.summary.allSaved)).toBeVisible();

    const device = await deviceState(page);
    expect(device.outbox).toEqual([]);
    await expect.poll(async () => (await storedAnswers(page, device.participantId)).length).toBe(expectedAnswerCount(path));
    const stored = await storedAnswers(page, device.participantId);
    expect(Object.keys(device.answers)).toHaveLength(expectedAnswerCount(path));
    // One row per question and phase: nothing stored twice.
    expect(new Set(stored.map((a) => `${a.phase}:${a.itemId}`)).size).toBe(stored.length);
  });
}

test('on your own: a student who chooses to go deeper and then reloads the page stays on the deeper path', async ({ page }) => {
  test.setTimeout(240_000);
  const m = messages('en-GB');
  const d: Driver = { page, locale: 'en-GB', mode: 'pointer', deeper: true };
  // The core done (the walks above show the offer comes after it), the offer on screen.
  const seeded = await seedJourney(page, { stopAt: (step) => step.kind === 'deeper-offer' });
  const offer = await currentStep(page);
  expect(offer).toEqual({ kind: 'deeper-offer', index: seeded.position });
  await expect(page.getByRole('heading', { name: m.deeperOffer.title })).toBeVisible();

  await page.getByRole('button', { name: m.deeperOffer.goDeeper, exact: true }).click();
  await expect(page.locator(`[data-step-index="${offer.index}"]`)).toHaveCount(0);
  const firstDeeper = await currentStep(page);
  expect(firstDeeper.index).toBeGreaterThan(offer.index);
  await expect(page.getByRole('heading', { name: m.sectionIntro.deeper.title })).toBeVisible();

  await page.reload();
  // The same deeper step, not the offer again and not the summary.
  expect(await currentStep(page)).toEqual(firstDeeper);
  await expect(page.getByRole('heading', { name: m.sectionIntro.deeper.title })).toBeVisible();
  await expect(page.getByRole('heading', { name: m.deeperOffer.title })).toHaveCount(0);

  // On to the end (seeded on to the last question, which is answered by hand): never the offer
  // a second time, every story done, and the whole module stored.
  const steps = journeySteps({ deeper: true });
  await seedOnwards(page, { deeper: true, stopAt: (_, index) => index === steps.length - 2 });
  const deeperKinds = await driveJourney(d);
  expect(deeperKinds).toEqual(['item']);
  expect(Object.keys((await deviceState(page)).scenarioPaths ?? {})).toHaveLength(structure.scenarios.length);
  await expect(page.getByRole('heading', { level: 2, name: m.summary.takeAway })).toBeVisible();
  const device = await deviceState(page);
  expect(device.participantId).toBe(seeded.participantId);
  await expect.poll(async () => (await deviceState(page)).outbox).toEqual([]);
  expect(await storedAnswers(page, device.participantId)).toHaveLength(expectedAnswerCount('full'));
});
