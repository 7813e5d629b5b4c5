/**
 * The reading-time model against the small fixture module: words counted as a reader meets
 * them, each screen's seconds from its words and its taps, stories on their longest and
 * shortest paths, and no feedback screen in the before and after waves.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildJourney, type JourneyStep } from '@/lib/domain/journey';
import { countWords, estimateJourney, itemEstimate, scenarioPaths, SECONDS, WORDS_PER_MINUTE } from './reading-time';
import { moduleStructureSchema, moduleTextSchema, type ModuleText } from './schema';

const REPO = path.resolve(import.meta.dirname, '../..');
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(REPO, 'tests/fixtures/content/modules/sample', file), 'utf8'));
const structure = moduleStructureSchema.parse(read('structure.json'));
const en = moduleTextSchema.parse(read('en-GB.json'));
const pl = moduleTextSchema.parse(read('pl.json'));

const item = (id: string) => {
  const found = structure.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

describe('countWords', () => {
  it('counts words and numbers, not punctuation, and keeps contractions and decimals whole', () => {
    expect(countWords("Don't drive – it's 2.5 times riskier!")).toBe(6);
    expect(countWords('Zajmie około 20 minut.', undefined, '')).toBe(4);
    expect(countWords()).toBe(0);
  });
});

describe('a screen', () => {
  it('takes its words at the locale’s rate plus its taps and the tap to go on', () => {
    const step: JourneyStep = { kind: 'attitude', itemId: 'a-refuse-lift', phase: 'before', section: 'before' };
    const words = countWords(en.attitudeItems['a-refuse-lift']?.statement);
    const estimate = estimateJourney([step], { structure, text: en, locale: 'en-GB' });
    expect(estimate).toMatchObject({ screens: 1, words });
    expect(estimate.seconds).toBeCloseTo((words / WORDS_PER_MINUTE['en-GB']) * 60 + SECONDS.scale + SECONDS.screen, 6);
  });

  it('reads Polish at its own, slower rate in words', () => {
    expect(WORDS_PER_MINUTE.pl).toBeLessThan(WORDS_PER_MINUTE['en-GB']);
    const step: JourneyStep = { kind: 'intro' };
    const words = countWords(pl.title, pl.tagline, pl.intro, pl.contentNote);
    expect(estimateJourney([step], { structure, text: pl, locale: 'pl' }).seconds).toBeCloseTo((words / 160) * 60 + SECONDS.screen, 6);
  });
});

describe('quiz items', () => {
  it('count a question screen and a feedback screen, and no feedback when asked not to', () => {
    const withFeedback = itemEstimate(item('q-lift-drinking'), en, 'en-GB');
    const without = itemEstimate(item('q-lift-drinking'), en, 'en-GB', false);
    expect(withFeedback.screens).toBe(2);
    expect(without.screens).toBe(1);
    expect(withFeedback.seconds).toBeGreaterThan(without.seconds);
  });

  it('show no feedback in the before and after waves, but do in the main quiz', () => {
    const at = (phase: 'before' | 'main' | 'after') =>
      estimateJourney([{ kind: 'item', itemId: 'q-lift-drinking', phase, section: 'quiz' }], { structure, text: en, locale: 'en-GB' }).screens;
    expect([at('before'), at('main'), at('after')]).toEqual([1, 2, 1]);
  });

  it('grow with the text of their feedback', () => {
    const longer: ModuleText = structuredClone(en);
    const text = longer.items['q-full-car'];
    if (!text) throw new Error('no text for q-full-car');
    const before = itemEstimate(item('q-full-car'), longer, 'en-GB');
    text.explanation = `${text.explanation} ${'word '.repeat(200)}`;
    const after = itemEstimate(item('q-full-car'), longer, 'en-GB');
    expect(after.words - before.words).toBe(200);
    expect(after.seconds - before.seconds).toBeCloseTo(60, 6);
  });
});

describe('stories', () => {
  it('are walked along every path, and a journey counts the longest one', () => {
    const scenario = structure.scenarios[0];
    if (!scenario) throw new Error('no scenario');
    const paths = scenarioPaths(scenario, en, { structure, locale: 'en-GB' });
    const endings = scenario.nodes.filter((n) => n.kind === 'ending').length;
    expect(paths.length).toBeGreaterThanOrEqual(endings);
    const longest = Math.max(...paths.map((p) => p.seconds));
    const shortest = Math.min(...paths.map((p) => p.seconds));
    expect(longest).toBeGreaterThan(shortest);
    const estimate = estimateJourney([{ kind: 'scenario', scenarioId: scenario.id, section: 'scenarios' }], { structure, text: en, locale: 'en-GB' });
    expect(estimate.seconds).toBeCloseTo(longest, 6);
    expect(estimate.shortest.seconds).toBeCloseTo(shortest, 6);
  });
});

describe('journeys', () => {
  it('take longer with the deeper sections than without, and longer with the waves than without', () => {
    const minutes = (options: Parameters<typeof buildJourney>[1]) => estimateJourney(buildJourney(structure, options), { structure, text: en, locale: 'en-GB' }).minutes;
    expect(minutes({ path: 'full' })).toBeGreaterThan(minutes({ path: 'core' }));
    expect(minutes({ path: 'core' })).toBeGreaterThan(minutes({ path: 'core', beforeAfter: false }));
  });
});
