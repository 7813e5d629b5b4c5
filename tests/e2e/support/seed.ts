/**
 * A phone that is already part-way through the journey, without walking the screens before:
 * the device state the player keeps (components/player/device-state.ts), written into the
 * browser's localStorage before the player opens. Every earlier question holds an answer the
 * server accepts (checked here against the content, as the server checks it), waiting in the
 * outbox, so the player sends them as it would after a walk and the server ends with the same
 * rows. One whole-journey walk per language (journey.spec.ts) covers the screens skipped here.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import type { Answer, AnswerResponse } from '@/lib/api/schemas';
import type { DeviceState } from '@/components/player/device-state';
import { answerKey, buildJourney, stepAnswerKey, type JourneyPath, type JourneyStep } from '@/lib/domain/journey';
import { checkResponse, resolveAnswerTarget } from '@/lib/domain/scoring';
import { contentVersion as versionOf } from '@/lib/content/version';
import { readModuleFiles } from '@/lib/content/load';
import { structure } from './content';
import { expect } from './fixtures';
import type { Locale } from './journey';

export type { JourneyStep };

/** The player's own device state and answers: the seeded phone is exactly what a walk leaves. */
type SeededAnswer = Answer;
export type SeededState = DeviceState;

export interface SeedOptions {
  locale?: Locale;
  /** On your own (the default): the core, the offer, and with `deeper` the deeper sections. */
  deeper?: boolean;
  /** A class session's path and waves; on your own these follow from `deeper`. */
  session?: { path: JourneyPath; beforeAfter: boolean };
  /** The first step not done: the player opens on it. */
  stopAt: (step: JourneyStep, index: number) => boolean;
  /** A device's state to carry on from: its participant and answers are kept, the missing ones added. */
  from?: SeededState;
}

let version: Promise<string> | undefined;
/** The content version the server stamps, computed as the app computes it (lib/content/load.ts). */
function contentVersion(): Promise<string> {
  version ??= readModuleFiles(`${process.cwd()}/content/modules/roads-kill`).then(versionOf);
  return version;
}

/** The steps the player shows for these options (components/player/Player.tsx builds them the same way). */
export function journeySteps({ deeper, session }: Pick<SeedOptions, 'deeper' | 'session'> = {}): JourneyStep[] {
  return session
    ? buildJourney(structure, { path: session.path, beforeAfter: session.beforeAfter, offerDeeper: false })
    : buildJourney(structure, { path: deeper ? 'full' : 'core', offerDeeper: true });
}

/** The content's first choice everywhere, as the walking driver takes it (`expectedAnswerCount` counts that path). */
function responseFor(itemId: string): AnswerResponse {
  const target = resolveAnswerTarget(structure, itemId);
  if (target === null) throw new Error(`no ${itemId} in the content`);
  switch (target.kind) {
    case 'attitude':
      return { kind: 'scale', value: 1 };
    case 'plan':
      return { kind: 'plan', planIds: [target.plans[0]?.id ?? ''], ownPlanCount: 0 };
    case 'fact':
      return target.fact.guess.kind === 'number'
        ? { kind: 'number', value: target.fact.guess.min }
        : { kind: 'choice', optionIds: [target.fact.guess.options[0]?.id ?? ''] };
    case 'scenario':
      return { kind: 'choice', optionIds: [target.node.choices[0]?.id ?? ''] };
    case 'item':
      return target.item.kind === 'ordering'
        ? { kind: 'order', optionIds: target.item.options.map((o) => o.id) }
        : { kind: 'choice', optionIds: [target.item.options[0]?.id ?? ''] };
  }
}

/** The device state of a phone that has done every step before `stopAt`, answers unsent. */
export async function seededState(options: SeedOptions): Promise<SeededState> {
  const locale = options.locale ?? 'en-GB';
  const steps = journeySteps(options);
  const position = steps.findIndex((step, index) => options.stopAt(step, index));
  if (position < 0) throw new Error('seedJourney: no step to stop at');
  const version = await contentVersion();
  const from = options.from;
  const state: SeededState = {
    ...from,
    participantId: from?.participantId ?? randomUUID(),
    orderSeed: from?.orderSeed ?? randomUUID(),
    participantCreated: from?.participantCreated ?? false,
    locale,
    position,
    answers: { ...from?.answers },
    outbox: [...(from?.outbox ?? [])],
    refused: [...(from?.refused ?? [])],
    scenarioPaths: { ...from?.scenarioPaths },
    revealed: [...(from?.revealed ?? [])],
    ownPlans: [...(from?.ownPlans ?? [])],
    ...(options.session === undefined && position > steps.findIndex((s) => s.kind === 'deeper-offer') && steps.some((s) => s.kind === 'deeper-offer')
      ? { deeper: options.deeper ?? false }
      : {}),
  };
  // A millisecond apart, in order, ending now: never before a class session the test just opened.
  let time = Date.now() - 200;
  const answer = (itemId: string, phase: SeededAnswer['phase']) => {
    const response = responseFor(itemId);
    const target = resolveAnswerTarget(structure, itemId);
    const check = checkResponse(target, response, phase);
    if (!check.ok) throw new Error(`seeded answer to ${itemId} would be refused: ${check.problem}`);
    const asksConfidence = target?.kind === 'item' && target.item.askConfidence === true;
    const key = answerKey(phase, itemId);
    if (state.answers[key] !== undefined) return;
    time += 1;
    state.answers[key] = {
      id: randomUUID(),
      itemId,
      phase,
      response,
      ...(asksConfidence ? { confidence: 2 } : {}),
      contentVersion: version,
      answeredAt: new Date(time).toISOString(),
    };
    state.outbox.push(key);
  };
  for (const step of steps.slice(0, position)) {
    if (step.kind === 'scenario') {
      const scenario = structure.scenarios.find((s) => s.id === step.scenarioId);
      if (!scenario) throw new Error(`no story ${step.scenarioId}`);
      const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));
      const path: string[] = [];
      for (let node = nodes.get(scenario.start); node; ) {
        path.push(node.id);
        if (node.kind === 'ending') break;
        if (node.kind === 'scene') node = nodes.get(node.next);
        else {
          answer(`${scenario.id}/${node.id}`, 'main');
          node = nodes.get(node.choices[0]?.next ?? '');
        }
      }
      state.scenarioPaths[scenario.id] ??= path;
      continue;
    }
    const key = stepAnswerKey(step);
    if (key === null) continue;
    const [phase, itemId] = key.split(':') as [SeededAnswer['phase'], string];
    answer(itemId, phase);
    if (step.kind === 'fact' && !state.revealed.includes(step.factId)) state.revealed.push(step.factId);
  }
  return state;
}

/**
 * Opens the player on a phone that has done everything before `stopAt`: the state is written
 * on a light page of the same origin, then the journey opens (`/learn`, or `openPath`, such as a
 * class session's join page, with `storageKey` its session's key). Returns the state written.
 */
export async function seedJourney(
  page: Page,
  options: SeedOptions & { storageKey?: string; openPath?: string },
): Promise<SeededState> {
  const state = await seededState(options);
  const locale = state.locale;
  await page.goto(`/${locale}/privacy`);
  await page.evaluate(([key, value]) => window.localStorage.setItem(key, value), [options.storageKey ?? 'rk:v1:roads-kill', JSON.stringify(state)] as const);
  await page.goto(options.openPath ?? `/${locale}/learn`);
  // The step's own screen, not whatever the server painted first.
  await expect(page.locator(`[data-step-index="${state.position}"]:not([data-step^="waiting"])`)).toBeVisible();
  return state;
}

/**
 * Moves the phone on `page` on to `stopAt` as if the steps between had been done: its own state
 * (under `storageKey`) is kept, the missing answers are added to its outbox, and the page opens again.
 */
export async function seedOnwards(page: Page, options: SeedOptions & { storageKey?: string }): Promise<SeededState> {
  const key = options.storageKey ?? 'rk:v1:roads-kill';
  // A phone that has just opened the page may not have joined yet: wait for its state first.
  await expect.poll(() => page.evaluate((k) => window.localStorage.getItem(k) !== null, key), { message: `device state under ${key}` }).toBe(true);
  // Read and written with the player closed, so no write of its own (a sync's receipt) lands between.
  const url = page.url();
  await page.goto(`/${options.locale ?? 'en-GB'}/privacy`);
  const raw = await page.evaluate((k) => window.localStorage.getItem(k), key);
  if (!raw) throw new Error(`seedOnwards: no device state under ${key}`);
  const state = await seededState({ ...options, from: JSON.parse(raw) as SeededState });
  await page.evaluate(([k, value]) => window.localStorage.setItem(k, value), [key, JSON.stringify(state)] as const);
  await page.goto(url);
  await expect(page.locator(`[data-step-index="${state.position}"]:not([data-step^="waiting"])`)).toBeVisible();
  return state;
}
