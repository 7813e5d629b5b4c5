/**
 * Drives the student journey screen by screen, reading what is on screen rather than assuming
 * the content, by pointer or by keyboard alone. Used by the journey, keyboard, reload, offline
 * and accessibility tests.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations } from './fixtures';
import { playerMessages, structure, type PlayerMessages } from './content';

export type Locale = 'en-GB' | 'pl';

export interface Driver {
  page: Page;
  locale: Locale;
  mode: 'pointer' | 'keyboard';
  /** Screens already checked with axe; each kind of screen is checked the first time it shows. */
  axeChecked?: Set<string>;
  /** Runs on every screen before it is completed. */
  onScreen?: (page: Page, kind: string) => Promise<void>;
  /** On your own, at the end of the core: go deeper (the default, the whole module) or finish. */
  deeper?: boolean;
}

const exact = (name: string) => ({ name, exact: true });

export function messages(locale: Locale): PlayerMessages {
  return playerMessages[locale];
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

/** Presses Tab until the element has focus: proof that it is reachable by keyboard. */
export async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < limit; i += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${target.toString()} with Tab`);
}

async function press(d: Driver, target: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  if (d.mode === 'keyboard') {
    await tabTo(d.page, target);
    await d.page.keyboard.press(key);
  } else {
    await target.click();
  }
}

/**
 * A radio group is one Tab stop: Tab reaches the group, then the arrow keys choose within it,
 * as a keyboard user would.
 */
async function chooseRadioByKeyboard(page: Page, target: Locator): Promise<void> {
  const name = await target.getAttribute('name');
  const inGroup = () => page.evaluate((n) => {
    const el = document.activeElement;
    return el instanceof HTMLInputElement && el.type === 'radio' && el.name === n;
  }, name);
  for (let i = 0; i < 80 && !(await inGroup()); i += 1) await page.keyboard.press('Tab');
  if (!(await inGroup())) throw new Error(`Could not reach radio group ${name} with Tab`);
  await page.keyboard.press('Space');
  for (let i = 0; i < 10 && !(await target.isChecked()); i += 1) await page.keyboard.press('ArrowDown');
  await expect(target).toBeChecked();
}

async function check(d: Driver, target: Locator): Promise<void> {
  if (d.mode === 'keyboard') {
    if ((await target.getAttribute('type')) === 'radio') {
      await chooseRadioByKeyboard(d.page, target);
      return;
    }
    await tabTo(d.page, target);
    await d.page.keyboard.press('Space');
    await expect(target).toBeChecked();
  } else {
    await target.check();
  }
}

async function axeOnce(d: Driver, screen: string): Promise<void> {
  if (!d.axeChecked || d.axeChecked.has(screen)) return;
  d.axeChecked.add(screen);
  await expectNoAxeViolations(d.page, screen);
}

export async function currentStep(page: Page): Promise<{ kind: string; index: number }> {
  const wrapper = page.locator('[data-step]');
  await expect(wrapper).toBeVisible();
  return { kind: (await wrapper.getAttribute('data-step')) ?? '', index: Number(await wrapper.getAttribute('data-step-index')) };
}

/** The step is done: the next one shows, or (in a live class session) the wait for the teacher. */
async function waitForStepAfter(page: Page, index: number): Promise<void> {
  await expect(page.locator(`[data-step-index="${index}"]:not([data-step^="waiting"])`)).toHaveCount(0);
}

/** Completes the current step; returns its kind. */
export async function completeStep(d: Driver): Promise<string> {
  const { page } = d;
  const m = messages(d.locale);
  const { kind, index } = await currentStep(page);
  await axeOnce(d, kind);
  await d.onScreen?.(page, kind);
  switch (kind) {
    case 'intro': {
      const start = page.getByRole('button', exact(m.intro.start)).or(page.getByRole('button', exact(m.intro.continue)));
      await press(d, start);
      break;
    }
    case 'section':
      await press(d, page.getByRole('button', exact(m.sectionIntro.continue)));
      break;
    case 'attitude':
      await check(d, page.getByRole('radio').first());
      await press(d, page.getByRole('button', exact(m.next)));
      break;
    case 'item':
      await answerItem(d, m, index);
      break;
    case 'deeper-offer':
      await press(d, page.getByRole('button', exact(d.deeper === false ? m.deeperOffer.finish : m.deeperOffer.goDeeper)));
      break;
    case 'fact':
      await answerFact(d, m);
      break;
    case 'scenario':
      await playScenario(d, m);
      break;
    case 'plan':
      await check(d, page.getByRole('checkbox').first());
      await press(d, page.getByRole('button', exact(m.plan.save)));
      await expect(page.getByRole('heading', { level: 1, name: m.plan.yourPlanHeading })).toBeVisible();
      await axeOnce(d, 'plan-saved');
      await press(d, page.getByRole('button', exact(m.plan.next)));
      break;
    case 'summary':
      return kind;
    default:
      throw new Error(`Unknown step kind ${kind}`);
  }
  await waitForStepAfter(page, index);
  return kind;
}

async function answerItem(d: Driver, m: PlayerMessages, index: number): Promise<void> {
  const { page } = d;
  const ordering = page.locator('ol.ordering');
  if (await ordering.isVisible()) {
    const moveDown = ordering.getByRole('button').nth(1);
    await press(d, moveDown);
    await expect(page.locator('[aria-live="polite"]').filter({ hasText: /\S/ })).toHaveCount(1);
    await axeOnce(d, 'item-ordering');
  } else {
    await check(d, page.locator('form fieldset').first().locator('input').first());
  }
  const sure = page.getByRole('radio', exact(m.confidence.level['2']));
  if (await sure.isVisible()) await check(d, sure);
  await press(d, page.getByRole('button', exact(m.item.check)));
  const verdict = page.getByRole('heading', { level: 2, name: new RegExp(`${m.feedback.correct}|${m.feedback.notQuite}`) });
  // The before and after questions measure: saved without feedback, on to the next step.
  const movedOn = page.locator(`[data-step-index="${index}"]`);
  await expect.poll(async () => (await verdict.isVisible()) || !(await movedOn.isVisible())).toBe(true);
  if (!(await verdict.isVisible())) return;
  // The feedback takes focus, so a screen reader reads it out at once.
  await expect(verdict).toBeFocused();
  await axeOnce(d, 'item-feedback');
  await press(d, page.getByRole('button', exact(m.next)));
}

async function answerFact(d: Driver, m: PlayerMessages): Promise<void> {
  const { page } = d;
  const slider = page.getByRole('slider');
  if (await slider.isVisible()) {
    if (d.mode === 'keyboard') {
      await tabTo(page, slider);
      const before = await slider.inputValue();
      await page.keyboard.press('ArrowRight');
      await expect(slider).not.toHaveValue(before);
    }
  } else {
    await check(d, page.getByRole('radio').first());
  }
  await press(d, page.getByRole('button', exact(m.fact.reveal)));
  await expect(page.getByRole('heading', { level: 2, name: m.fact.theAnswer })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const source = page.locator('details.source summary');
  await press(d, source);
  await expect(page.getByRole('heading', { level: 3, name: m.fact.caveat })).toBeVisible();
  await axeOnce(d, 'fact-reveal');
  await press(d, page.getByRole('button', exact(m.fact.next)));
}

export async function playScenario(d: Driver, m: PlayerMessages): Promise<void> {
  const { page } = d;
  // A scenario the test has already begun by hand carries on from where it is.
  const begin = page.getByRole('button', exact(m.scenario.begin));
  if (await begin.isVisible()) await press(d, begin);
  for (let guard = 0; guard < 40; guard += 1) {
    const nodeKind = await page.locator('[data-node-kind]').getAttribute('data-node-kind');
    const nodeText = await page.locator('h1').textContent();
    await axeOnce(d, `scenario-${nodeKind}`);
    if (nodeKind === 'ending') {
      await press(d, page.getByRole('button', exact(m.scenario.next)));
      return;
    }
    if (nodeKind === 'scene') await press(d, page.getByRole('button', exact(m.scenario.continue)));
    else await press(d, page.getByRole('group', { name: m.scenario.whatDoYouDo }).locator(`[data-choice-id="${await contentFirstChoice(page)}"]`));
    await expect
      .poll(async () => `${await page.locator('[data-node-kind]').getAttribute('data-node-kind')}|${await page.locator('h1').textContent()}`)
      .not.toBe(`${nodeKind}|${nodeText}`);
  }
  throw new Error('Scenario did not end within 40 screens');
}

/**
 * The decision's first choice in the content, wherever this device shows it (choices are
 * shuffled per device): the path `expectedAnswerCount` counts.
 */
async function contentFirstChoice(page: Page): Promise<string> {
  const nodeRef = (await page.locator('[data-node-id]').getAttribute('data-node-id')) ?? '';
  const [scenarioId, nodeId] = nodeRef.split('/');
  const node = structure.scenarios.find((s) => s.id === scenarioId)?.nodes.find((n) => n.id === nodeId);
  if (node?.kind !== 'decision') throw new Error(`no decision ${nodeRef} in the content`);
  return node.choices[0]?.id ?? '';
}

/** Completes steps until the summary (or `maxSteps`); returns the kinds of the steps taken. */
export async function driveJourney(d: Driver, maxSteps = 500): Promise<string[]> {
  const kinds: string[] = [];
  for (let i = 0; i < maxSteps; i += 1) {
    const kind = await completeStep(d);
    if (kind === 'summary') break;
    kinds.push(kind);
  }
  return kinds;
}

/** The device's state as the player keeps it. */
export async function deviceState(
  page: Page,
  classSessionId?: string,
): Promise<{ participantId: string; answers: Record<string, unknown>; outbox: string[]; position: number; scenarioPaths?: Record<string, string[]> }> {
  const key = classSessionId === undefined ? 'rk:v1:roads-kill' : `rk:v1:roads-kill@${classSessionId}`;
  const raw = await page.evaluate((k) => window.localStorage.getItem(k), key);
  if (!raw) throw new Error('No device state');
  return JSON.parse(raw) as { participantId: string; answers: Record<string, unknown>; outbox: string[]; position: number; scenarioPaths?: Record<string, string[]> };
}

/** What the server has stored for a participant, read back through the API. */
export async function storedAnswers(page: Page, participantId: string): Promise<{ id: string; itemId: string; phase: string }[]> {
  const response = await page.request.get(`/api/v1/participants/${participantId}/progress`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { answered: { id: string; itemId: string; phase: string }[] };
  return body.answered;
}
