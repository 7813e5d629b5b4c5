/**
 * Fair items (issue 10): options shown in each device's own order, kept across a reload;
 * feedback that reacts to how sure the student was; the fact reveal's gap to the real figure;
 * a story decision taken again stored as a replay. Questions are found by their content ids,
 * not by where they sit in the journey, which other work moves.
 */
import type { Page } from '@playwright/test';
import { structure } from './support/content';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { seedJourney, seedOnwards, type JourneyStep } from './support/seed';
import { completeStep, currentStep, deviceState, messages, storedAnswers } from './support/journey';
import { deviceOptionOrder } from '@/lib/domain/shuffle';

const STORE = 'rk:v1:roads-kill';
const m = messages('en-GB');

type Item = (typeof structure.items)[number];
/** The choice questions whose options are shuffled and which ask how sure the student is. */
// Quiz questions (the before and after waves measure, and give no feedback), which ask how sure the student is.
const shuffledItems = structure.items.filter(
  (i): i is Extract<Item, { kind: 'single' | 'multiple' }> => (i.kind === 'single' || i.kind === 'multiple') && i.askConfidence && i.phases.includes('main'),
);

/**
 * Two seeds that put every such question's options in different orders, found, not assumed, so
 * the test holds whichever of them the journey reaches first.
 */
function twoSeedsThatDiffer(): [string, string] {
  for (let n = 0; n < 10_000; n += 1) {
    const a = 'fair-order-a';
    const b = `fair-order-b-${n}`;
    const differ = shuffledItems.every((item) => {
      const ids = item.options.map((o) => o.id);
      return deviceOptionOrder(ids, a, item.id).join() !== deviceOptionOrder(ids, b, item.id).join();
    });
    if (differ) return [a, b];
  }
  throw new Error('no pair of seeds found');
}

/** Starts the journey, then gives the device a known order seed (as if it had drawn that one). */
async function startWithSeed(page: Page, seed: string): Promise<string> {
  await page.goto('/en-GB/learn');
  await completeStep({ page, locale: 'en-GB', mode: 'pointer' });
  const drawn = await page.evaluate((key) => (JSON.parse(window.localStorage.getItem(key) ?? '{}') as { orderSeed?: string }).orderSeed, STORE);
  await page.evaluate(
    ([key, value]) => {
      const state = JSON.parse(window.localStorage.getItem(key) ?? '{}') as Record<string, unknown>;
      window.localStorage.setItem(key, JSON.stringify({ ...state, orderSeed: value }));
    },
    [STORE, seed] as const,
  );
  await page.reload();
  return drawn ?? '';
}

/** Completes steps until `arrived` says this is the screen; returns what it found there. */
async function advanceTo<T>(page: Page, arrived: (page: Page) => Promise<T | null>, limit = 200): Promise<T> {
  for (let i = 0; i < limit; i += 1) {
    await currentStep(page);
    const found = await arrived(page);
    if (found !== null) return found;
    await completeStep({ page, locale: 'en-GB', mode: 'pointer' });
  }
  throw new Error('never arrived');
}

/** On a shuffled choice question: its id and its options' ids in the order shown. */
async function shuffledQuestion(page: Page): Promise<{ item: (typeof shuffledItems)[number]; shown: string[] } | null> {
  const { kind } = await currentStep(page);
  if (kind !== 'item') return null;
  const name = await page.locator('form fieldset input').first().getAttribute('name').catch(() => null);
  const item = shuffledItems.find((i) => name === `item-${i.id}`);
  if (!item) return null;
  const shown = await page.locator(`input[name="item-${item.id}"]`).evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  return { item, shown };
}

test('two devices see their own option orders, a reload keeps one, and confidence changes the feedback', async ({ browser }) => {
  test.setTimeout(240_000);
  const [seedA, seedB] = twoSeedsThatDiffer();
  const deviceA = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const deviceB = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const a = await deviceA.newPage();
  const b = await deviceB.newPage();

  // Each device draws a seed of its own.
  const drawnA = await startWithSeed(a, seedA);
  const drawnB = await startWithSeed(b, seedB);
  expect(drawnA).toMatch(/^[0-9a-f-]{36}$/);
  expect(drawnB).toMatch(/^[0-9a-f-]{36}$/);
  expect(drawnA).not.toBe(drawnB);

  // Both phones on to the first shuffled quiz question, their seeds kept (support/seed.ts).
  const firstShuffled = (step: JourneyStep) => step.kind === 'item' && shuffledItems.some((i) => i.id === step.itemId);
  await seedOnwards(a, { stopAt: firstShuffled });
  await seedOnwards(b, { stopAt: firstShuffled });
  const onA = await advanceTo(a, shuffledQuestion);
  const ids = onA.item.options.map((o) => o.id);
  expect(onA.shown).toEqual(deviceOptionOrder(ids, seedA, onA.item.id));

  const onB = await advanceTo(b, async (page) => {
    const found = await shuffledQuestion(page);
    return found?.item.id === onA.item.id ? found : null;
  });
  expect(onB.shown).toEqual(deviceOptionOrder(ids, seedB, onA.item.id));
  expect(onB.shown).not.toEqual(onA.shown);

  // A reload shows device A the same order.
  await a.reload();
  expect((await shuffledQuestion(a))?.shown).toEqual(onA.shown);

  // A: wrong, and very sure: the one to remember.
  const wrong = onA.item.options.find((o) => !o.correct);
  if (!wrong) throw new Error('no wrong option');
  await a.locator(`#item-${onA.item.id}-${wrong.id}`).check();
  await a.getByRole('radio', { name: m.confidence.level['3'], exact: true }).check();
  await a.getByRole('button', { name: m.item.check, exact: true }).click();
  const remember = a.locator('[data-confidence-feedback="remember"]');
  await expect(remember).toBeVisible();
  await expect(remember).toContainText(m.feedback.remember.title);
  await expect(a.locator('[data-confidence-feedback="reinforce"]')).toHaveCount(0);
  await expectNoAxeViolations(a, 'feedback: one to remember');
  await a.screenshot({ path: '/tmp/shots-player/feedback-remember.png', fullPage: true });
  // One explanation under "The right answer", never two.
  if (onA.item.kind === 'single') {
    await expect(a.getByRole('heading', { level: 3, name: m.feedback.rightAnswer })).toBeVisible();
  }

  // B: right, and guessing: reinforced.
  for (const option of onB.item.options.filter((o) => o.correct)) await b.locator(`#item-${onB.item.id}-${option.id}`).check();
  await b.getByRole('radio', { name: m.confidence.level['1'], exact: true }).check();
  await b.getByRole('button', { name: m.item.check, exact: true }).click();
  const reinforce = b.locator('[data-confidence-feedback="reinforce"]');
  await expect(reinforce).toBeVisible();
  await expect(reinforce).toContainText(m.feedback.reinforce.title);
  await expect(b.getByRole('heading', { level: 3, name: m.feedback.why })).toBeVisible();
  await expectNoAxeViolations(b, 'feedback: reinforced');
  await b.screenshot({ path: '/tmp/shots-player/feedback-reinforce.png', fullPage: true });

  // What each device recorded: the order it showed, its own.
  const recorded = async (page: Page) =>
    page.evaluate(
      ([key, itemId]) =>
        Object.values((JSON.parse(window.localStorage.getItem(key) ?? '{}') as { answers: Record<string, { itemId: string; shownOrder?: string[] }> }).answers).find((x) => x.itemId === itemId)
          ?.shownOrder,
      [STORE, onA.item.id] as const,
    );
  expect(await recorded(a)).toEqual(onA.shown);
  expect(await recorded(b)).toEqual(onB.shown);
  await expect.poll(async () => (await deviceState(a)).outbox.length).toBe(0);
  await deviceA.close();
  await deviceB.close();
});

for (const reducedMotion of ['no-preference', 'reduce'] as const) {
  test(`the fact reveal shows how far the guess was from the real figure (motion: ${reducedMotion})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ reducedMotion });
    const firstNumberFact = structure.facts.find((f) => f.guess.kind === 'number')?.id;
    await seedJourney(page, { stopAt: (step) => step.kind === 'fact' && step.factId === firstNumberFact });
    const fact = await advanceTo(page, async (p) => {
      if ((await currentStep(p)).kind !== 'fact' || !(await p.getByRole('slider').isVisible())) return null;
      const id = (await p.getByRole('slider').getAttribute('id'))?.replace(/^guess-/, '');
      const found = structure.facts.find((f) => f.id === id);
      return found?.guess.kind === 'number' ? { id: found.id, guess: found.guess } : null;
    });
    const slider = page.getByRole('slider');
    // A guess away from the real figure, by the slider's own keys.
    const start = Number(await slider.inputValue());
    await slider.focus();
    await page.keyboard.press(fact.guess.answer > start ? 'ArrowLeft' : 'ArrowRight');
    const guessed = Number(await slider.inputValue());
    await page.getByRole('button', { name: m.fact.reveal, exact: true }).click();
    const gap = page.locator('[data-guess-gap]');
    await expect(gap).toBeVisible();
    const difference = Math.abs(fact.guess.answer - guessed);
    const direction = difference === 0 ? 'exact' : fact.guess.answer > guessed ? 'higher' : 'lower';
    await expect(gap).toHaveAttribute('data-guess-gap', direction);
    await expect(gap.locator('.guess-gap__words')).toContainText(direction === 'exact' ? 'spot on' : `${difference} ${direction} than your guess`);
    const real = gap.locator('.guess-gap__marker--real');
    const span = fact.guess.max - fact.guess.min;
    const realAt = ((fact.guess.answer - fact.guess.min) / span) * 100;
    // The marker ends where the real figure is; under reduced motion it is there from the start.
    const leftOfReal = async () => Number.parseFloat(await real.evaluate((el) => el.style.left));
    if (reducedMotion === 'reduce') expect(await leftOfReal()).toBeCloseTo(realAt, 2);
    await expect.poll(async () => Math.abs((await leftOfReal()) - realAt)).toBeLessThan(0.01);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `/tmp/shots-player/fact-gap-${reducedMotion}.png`, fullPage: true });
    await expectNoAxeViolations(page, 'fact reveal with the gap');
  });
}

test('a story decision taken again after the ending is stored as a replay, the first choice untouched', async ({ page }) => {
  test.setTimeout(240_000);
  await seedJourney(page, { stopAt: (step) => step.kind === 'scenario' });
  expect((await currentStep(page)).kind).toBe('scenario');
  const { orderSeed } = (await page.evaluate((key) => JSON.parse(window.localStorage.getItem(key) ?? '{}'), STORE)) as { orderSeed: string };
  await page.getByRole('button', { name: m.scenario.begin, exact: true }).click();

  // Through the story, taking the first button shown, to its ending.
  const taken: { itemId: string; choiceId: string }[] = [];
  for (let guard = 0; guard < 40; guard += 1) {
    const nodeKind = await page.locator('[data-node-kind]').getAttribute('data-node-kind');
    if (nodeKind === 'ending') break;
    const heading = await page.locator('h1').textContent();
    if (nodeKind === 'scene') await page.getByRole('button', { name: m.scenario.continue, exact: true }).click();
    else {
      const group = page.getByRole('group', { name: m.scenario.whatDoYouDo });
      const shown = await group.locator('[data-choice-id]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-choice-id') ?? ''));
      const nodeRef = (await page.locator('[data-node-id]').getAttribute('data-node-id')) ?? '';
      const scenario = structure.scenarios.find((s) => nodeRef.startsWith(`${s.id}/`));
      const node = scenario?.nodes.find((n) => `${scenario.id}/${n.id}` === nodeRef);
      if (!scenario || node?.kind !== 'decision') throw new Error(`decision ${nodeRef} not found in the content`);
      const itemId = `${scenario.id}/${node.id}`;
      // The device's own order for this decision.
      expect(shown).toEqual(deviceOptionOrder(node.choices.map((c) => c.id), orderSeed, itemId));
      taken.push({ itemId, choiceId: shown[0] ?? '' });
      // The question is asked once on the screen, whether the content or the UI asks it.
      const asked = await page.locator('body').evaluate((body, question) => (body as HTMLElement).innerText.split(question).length - 1, m.scenario.whatDoYouDo);
      expect(asked).toBe(1);
      if (taken.length === 1) await page.screenshot({ path: '/tmp/shots-player/story-decision.png', fullPage: true });
      await group.locator('[data-choice-id]').first().click();
    }
    await expect.poll(async () => `${await page.locator('[data-node-kind]').getAttribute('data-node-kind')}|${await page.locator('h1').textContent()}`).not.toBe(`${nodeKind}|${heading}`);
  }
  const last = taken.at(-1);
  if (!last) throw new Error('the story had no decision');

  await expectNoAxeViolations(page, 'story ending with a replay offered');
  await page.screenshot({ path: '/tmp/shots-player/story-ending-first.png', fullPage: true });
  await page.getByRole('button', { name: m.scenario.replay.tryOther }).click();
  await expect(page.locator('[data-replay="true"]')).toBeVisible();
  const group = page.getByRole('group', { name: m.scenario.whatDoYouDo });
  // The choice made the first time is not offered again.
  await expect(group.locator(`[data-choice-id="${last.choiceId}"]`)).toHaveCount(0);
  const other = (await group.locator('[data-choice-id]').first().getAttribute('data-choice-id')) ?? '';
  await group.locator('[data-choice-id]').first().click();
  for (let guard = 0; guard < 40 && (await page.locator('[data-node-kind]').getAttribute('data-node-kind')) !== 'ending'; guard += 1) {
    // Two screens of a story may share a heading ("What happens"): wait for the node itself to change.
    const nodeId = await page.locator('[data-node-id]').getAttribute('data-node-id');
    const scene = page.getByRole('button', { name: m.scenario.continue, exact: true });
    if (await scene.isVisible()) await scene.click();
    else await page.getByRole('group', { name: m.scenario.whatDoYouDo }).locator('[data-choice-id]').first().click();
    await expect(page.locator('[data-node-id]')).not.toHaveAttribute('data-node-id', nodeId ?? '');
  }
  await expect(page.getByText(m.scenario.replay.counted)).toBeVisible();
  await page.screenshot({ path: '/tmp/shots-player/story-replay-ending.png', fullPage: true });
  await expectNoAxeViolations(page, 'story replay ending');

  // On the device: the first choice under its own key, the replay under another.
  const device = await deviceState(page);
  const answers = device.answers as Record<string, { response: { optionIds: string[] }; replay?: boolean }>;
  expect(answers[`main:${last.itemId}`]?.response.optionIds).toEqual([last.choiceId]);
  expect(answers[`replay:main:${last.itemId}`]).toMatchObject({ replay: true, response: { optionIds: [other] } });

  // On the server: the first choice once among the answers, the replay once among the replays.
  await expect.poll(async () => (await deviceState(page)).outbox.length).toBe(0);
  const progress = await page.request.get(`/api/v1/participants/${device.participantId}/progress`);
  const body = (await progress.json()) as { answered: { id: string; itemId: string }[]; replayed: { id: string; itemId: string }[] };
  const firstId = (answers[`main:${last.itemId}`] as unknown as { id: string }).id;
  const replayId = (answers[`replay:main:${last.itemId}`] as unknown as { id: string }).id;
  expect(body.answered.filter((x) => x.itemId === last.itemId)).toEqual([{ id: firstId, itemId: last.itemId, phase: 'main' }]);
  expect(body.replayed.filter((x) => x.itemId === last.itemId)).toEqual([{ id: replayId, itemId: last.itemId }]);
  expect((await storedAnswers(page, device.participantId)).length).toBe(body.answered.length);

  // "Next" carries on with the journey.
  const before = await currentStep(page);
  await page.getByRole('button', { name: m.scenario.next, exact: true }).click();
  await expect.poll(async () => (await currentStep(page)).index).toBeGreaterThan(before.index);
});
