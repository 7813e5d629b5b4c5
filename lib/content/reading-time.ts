/**
 * How long a journey takes a 16-year-old on a phone: the words on each screen read at a
 * stated rate, plus a stated time for each tap and answer. Pure: it walks the steps
 * `buildJourney` gives, with one locale's text. `npm run content:check` prints it for every
 * path and fails when the core is over 20 minutes (decision note 014).
 *
 * Reading rates (silent reading, words per minute):
 * - English, 200 wpm. Brysbaert's meta-analysis of 190 studies puts adults' silent reading of
 *   English non-fiction at 238 wpm (most adults 175–300), and lower for younger readers
 *   (M. Brysbaert, "How many words do we read per minute? A review and meta-analysis of reading
 *   rate", Journal of Memory and Language 109, 2019). A 16-year-old reading to learn, on a
 *   360 px screen that scrolls, is taken at 200: below the adult mean, inside the adult range.
 * - Polish, 160 wpm. Polish students read a medium-difficulty text with a comprehension test at
 *   156 wpm in grade 8 (age 14–15) and 173 wpm in the last year of secondary school (age 18–19)
 *   (Neofilolog, Adam Mickiewicz University Press, "How fast do Poles read?", pressto.amu.edu.pl,
 *   article 36618). A 16-year-old is between the two; on a phone, 160. Polish needs fewer, longer
 *   words for the same message, which Brysbaert gives as the reason rates differ by language:
 *   the module's Polish text has about 0.88 words for each English one, and 160/200 = 0.8, so the
 *   Polish estimate is, if anything, the slower of the two.
 *
 * Taps and answers (seconds), from the keystroke-level model's operators (Card, Moran and Newell,
 * The Psychology of Human-Computer Interaction, 1983: think 1.35 s, point 1.1 s, tap 0.2 s),
 * rounded up for a thumb on a small screen and for the screen's change:
 * - every screen ends with a tap to go on: 2 s;
 * - choosing an answer to a question (think, point, tap, then "Check"): 5 s, and 2.5 s for each
 *   further box ticked in a choose-all question;
 * - "how sure are you?": 2.5 s; a point on an agree scale: 4 s;
 * - a number guess on the slider or the +/− buttons: 8 s;
 * - putting a list in order: 3 s for each thing in the list;
 * - a story decision: 4 s; picking plans on the plan screen: 15 s.
 *
 * What is read on a screen is the content a student sees on it (prompts, options, feedback,
 * story text, the endings' "what this rests on"); fixed labels (buttons, "How sure are you?")
 * are inside the time per tap. A fact's caveat and sources sit behind a tap and are not counted.
 * Feedback is counted as the mean of a right answer (the option's explanation and the general
 * one) and a wrong one (the chosen option's explanation, the right one's and the general one);
 * a choose-all item for its right options and one wrong one; an ordering item for the right
 * order and the general explanation, with the wrong-order note half the time. The before wave
 * shows no feedback (`showsFeedback`). A story is counted along its longest and its shortest path; a journey's estimate
 * uses the longest, so the limit holds for every student.
 */
import type { Locale } from '@/i18n/routing';
import { showsFeedback, type JourneyStep, type Section } from '@/lib/domain/journey';
import type { Item, ModuleStructure, ModuleText, Scenario } from './schema';

export const WORDS_PER_MINUTE: Record<Locale, number> = { 'en-GB': 200, pl: 160 };

export const SECONDS = {
  screen: 2,
  choice: 5,
  extraTick: 2.5,
  confidence: 2.5,
  scale: 4,
  slider: 8,
  orderPerOption: 3,
  decision: 4,
  plans: 15,
} as const;

/** The most minutes the core may take by this model (issue 10). */
export const CORE_MINUTES_LIMIT = 20;

/** Title cards and the deeper-sections offer, from the player's messages (Player.sectionIntro, Player.deeperOffer). */
export interface ScreenTexts {
  sections: Partial<Record<Section, { title: string; body: string }>>;
  deeperOffer?: { title: string; body: string };
}

/** A message as a student reads it: a plural takes its "other" form, with a two-digit number for "#". */
function plainMessage(message: string): string {
  return message.replace(/\{\w+, plural,(?:[^{}]|\{[^{}]*\})*?other \{([^{}]*)\}\}/g, (_, other: string) => other.replace('#', '20'));
}

const isCard = (value: unknown): value is { title: string; body: string } =>
  typeof value === 'object' && value !== null && typeof (value as { title?: unknown }).title === 'string' && typeof (value as { body?: unknown }).body === 'string';

/**
 * The screen texts in the player's messages (`messages/<locale>/Player.json`): the section
 * cards are the objects under `sectionIntro` ("eyebrow" and "continue" are labels, inside the
 * time per tap), and the offer at the end of the core.
 */
export function screenTextsFromMessages(player: unknown): ScreenTexts {
  const p = (player ?? {}) as { sectionIntro?: Record<string, unknown>; deeperOffer?: unknown };
  const plain = (card: { title: string; body: string }) => ({ title: plainMessage(card.title), body: plainMessage(card.body) });
  const sections = Object.fromEntries(Object.entries(p.sectionIntro ?? {}).flatMap(([k, v]) => (isCard(v) ? [[k, plain(v)]] : [])));
  return { sections, ...(isCard(p.deeperOffer) ? { deeperOffer: plain(p.deeperOffer) } : {}) };
}

export interface ReadingInput {
  structure: ModuleStructure;
  text: ModuleText;
  locale: Locale;
  screens?: ScreenTexts;
}

export interface Estimate {
  screens: number;
  words: number;
  seconds: number;
}

export interface JourneyEstimate extends Estimate {
  minutes: number;
  /** The same journey with every story on its shortest path. */
  shortest: Estimate & { minutes: number };
}

/** Words as a reader meets them: runs of letters or digits ("20", "Do", "Not"), punctuation not counted. */
export function countWords(...texts: readonly (string | undefined)[]): number {
  let n = 0;
  for (const t of texts) n += t?.match(/[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  return n;
}

const ZERO: Estimate = { screens: 0, words: 0, seconds: 0 };

function add(a: Estimate, b: Estimate): Estimate {
  return { screens: a.screens + b.screens, words: a.words + b.words, seconds: a.seconds + b.seconds };
}

/** One screen: its words read at the locale's rate, its taps, and the tap to go on. */
function screen(locale: Locale, words: number, tapSeconds = 0): Estimate {
  return { screens: 1, words, seconds: (words / WORDS_PER_MINUTE[locale]) * 60 + tapSeconds + SECONDS.screen };
}

/** A quiz item's question screen and its feedback screen. */
export function itemEstimate(item: Item, text: ModuleText, locale: Locale, withFeedback = true): Estimate {
  const t = text.items[item.id];
  if (!t) return ZERO;
  const label = (id: string) => t.options[id]?.label;
  const explained = (id: string) => {
    const o = t.options[id];
    return o ? countWords(o.label, 'explanation' in o ? o.explanation : undefined) : 0;
  };
  const optionIds = item.options.map((o) => o.id);
  const confidence = item.askConfidence ? SECONDS.confidence : 0;
  if (item.kind === 'ordering') {
    const question = screen(locale, countWords(t.prompt, ...optionIds.map(label)), SECONDS.orderPerOption * optionIds.length + confidence);
    if (!withFeedback) return question;
    const feedback = screen(locale, Math.round((countWords(t.wrongOrder) + countWords(...optionIds.map(label), t.explanation) * 2) / 2));
    return add(question, feedback);
  }
  const right = item.options.filter((o) => o.correct).map((o) => o.id);
  const wrong = item.options.filter((o) => !o.correct).map((o) => o.id);
  const ticks = item.kind === 'multiple' ? SECONDS.extraTick * Math.max(0, right.length - 1) : 0;
  const question = screen(locale, countWords(t.prompt, ...optionIds.map(label)), SECONDS.choice + ticks + confidence);
  if (!withFeedback) return question;
  const meanWrong = wrong.length === 0 ? 0 : wrong.reduce((sum, id) => sum + explained(id), 0) / wrong.length;
  const rightWords = right.reduce((sum, id) => sum + explained(id), 0);
  // Choose-all: the right options and one wrong one. Otherwise the mean of a right answer (its
  // own explanation) and a wrong one (the wrong option's explanation and the right one's).
  const shown = item.kind === 'multiple' ? rightWords + meanWrong : (rightWords + (meanWrong + rightWords)) / 2;
  const feedback = screen(locale, Math.round(shown) + countWords(t.explanation));
  return add(question, feedback);
}

/** Every path through a story, from its start screen to an ending, as estimates. */
export function scenarioPaths(scenario: Scenario, text: ModuleText, input: { structure: ModuleStructure; locale: Locale }): Estimate[] {
  const t = text.scenarios[scenario.id];
  if (!t) return [ZERO];
  const { locale } = input;
  const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));
  const setup = screen(locale, countWords(t.title, t.setup));
  const pointedTo = (pointsTo: { facts: readonly string[]; considerations: readonly string[] }) =>
    countWords(
      ...pointsTo.considerations.flatMap((k) => [text.considerations[k]?.title, text.considerations[k]?.body]),
      ...pointsTo.facts.flatMap((f) => [text.facts[f]?.title, text.facts[f]?.answer]),
    );
  const paths: Estimate[] = [];
  const walk = (id: string, sofar: Estimate, seen: ReadonlySet<string>) => {
    const node = nodes.get(id);
    const n = t.nodes[id];
    // A broken graph is the graph check's to report; here it ends the walk.
    if (!node || !n || seen.has(id)) return;
    const visited = new Set(seen).add(id);
    if (node.kind === 'ending') {
      paths.push(add(sofar, screen(locale, countWords(n.title, n.text) + pointedTo(node.pointsTo))));
    } else if (node.kind === 'scene') {
      walk(node.next, add(sofar, screen(locale, countWords(n.title, n.text))), visited);
    } else {
      for (const choice of node.choices) {
        const words = countWords(n.title, n.text, ...node.choices.map((c) => n.choices?.[c.id]));
        walk(choice.next, add(sofar, screen(locale, words, SECONDS.decision)), visited);
      }
    }
  };
  walk(scenario.start, setup, new Set());
  return paths.length > 0 ? paths : [setup];
}

const byTime = (a: Estimate, b: Estimate) => a.seconds - b.seconds;

function stepEstimate(step: JourneyStep, input: ReadingInput, which: 'longest' | 'shortest'): Estimate {
  const { structure, text, locale, screens } = input;
  switch (step.kind) {
    case 'intro':
      return screen(locale, countWords(text.title, text.tagline, text.intro, text.contentNote));
    case 'section': {
      const card = screens?.sections[step.section];
      return screen(locale, countWords(card?.title, card?.body));
    }
    case 'attitude':
      return screen(locale, countWords(text.attitudeItems[step.itemId]?.statement), SECONDS.scale);
    case 'item': {
      const item = structure.items.find((i) => i.id === step.itemId);
      return item ? itemEstimate(item, text, locale, showsFeedback(step.phase)) : ZERO;
    }
    case 'fact': {
      const fact = structure.facts.find((f) => f.id === step.factId);
      const t = text.facts[step.factId];
      if (!fact || !t) return ZERO;
      const options = Object.values(t.options ?? {});
      const guess = screen(locale, countWords(t.title, t.question, t.unit, ...options), fact.guess.kind === 'number' ? SECONDS.slider : SECONDS.choice);
      return add(guess, screen(locale, countWords(t.title, t.question, t.answer, t.reveal)));
    }
    case 'scenario': {
      const scenario = structure.scenarios.find((s) => s.id === step.scenarioId);
      if (!scenario) return ZERO;
      const paths = scenarioPaths(scenario, text, input).sort(byTime);
      return (which === 'longest' ? paths.at(-1) : paths[0]) ?? ZERO;
    }
    case 'plan': {
      const words = countWords(screens?.sections.plan?.title, ...structure.plans.flatMap((p) => [text.plans[p.id]?.if, text.plans[p.id]?.then]));
      return screen(locale, words, SECONDS.plans);
    }
    case 'deeper-offer':
      return screen(locale, countWords(screens?.deeperOffer?.title, screens?.deeperOffer?.body), SECONDS.decision);
    case 'summary':
      return screen(
        locale,
        countWords(text.summary.heading, text.summary.body, ...Object.values(text.considerations).flatMap((k) => [k.title, k.body])),
      );
  }
}

const minutes = (e: Estimate) => Math.round((e.seconds / 60) * 10) / 10;

/** A whole journey's screens, words and minutes, with every story on its longest path (and its shortest beside). */
export function estimateJourney(steps: readonly JourneyStep[], input: ReadingInput): JourneyEstimate {
  const longest = steps.reduce((sum, step) => add(sum, stepEstimate(step, input, 'longest')), ZERO);
  const shortest = steps.reduce((sum, step) => add(sum, stepEstimate(step, input, 'shortest')), ZERO);
  return { ...longest, minutes: minutes(longest), shortest: { ...shortest, minutes: minutes(shortest) } };
}
