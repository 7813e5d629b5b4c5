/**
 * The content check behind `npm run content:check`: everything the schema alone cannot see.
 * Pure (no I/O): it takes the raw JSON of a folder and returns every problem it finds, so an
 * officer fixing content sees the whole list at once rather than one error per run.
 * See DESIGN.md, "Content is data", and research/facts-and-sources.md for F1–F4 and K1–K7.
 */
import path from 'node:path';
import { z } from 'zod';
import { routing, type Locale } from '@/i18n/routing';
import { checkScenarioGraph, checkScenarioShape } from './check-graph';
import { checkShapeCues } from './check-shape';
import { checkPictures, checkPictureText } from './check-pictures';
import { checkLocalesAgree, checkTranslations, compareKeys, namedIds, type ReportedPaths } from './check-text';
import { buildJourney, type JourneyOptions } from '@/lib/domain/journey';
import type { RawModuleFiles, RawSupportFiles } from './load';
import { parseReporting, reporterFor, type ContentProblem, type Report } from './problems';
import { CORE_MINUTES_LIMIT, estimateJourney, type JourneyEstimate, type ScreenTexts } from './reading-time';
import {
  REQUIRED_LEARNING_POINTS,
  contentIdSchema,
  factSchema,
  moduleStructureSchema,
  moduleTextSchema,
  supportStructureSchema,
  supportTextSchema,
  type Fact,
  type Item,
  type Phase,
  type ModuleStructure,
  type ModuleText,
  type SupportText,
  type Teaches,
} from './schema';

interface ParsedLocale<T> {
  locale: string;
  text: T;
  report: Report;
}

export type { ContentProblem } from './problems';

/**
 * The structure schema with a fact's `sources` allowed to be empty here, so a fact without a
 * source is reported by its id ("F3 has no source") by `checkFactSources` instead of as a
 * bare schema path. The app's loader keeps the strict schema.
 */
const checkedStructureSchema = moduleStructureSchema.extend({
  facts: z.array(factSchema.extend({ sources: z.array(contentIdSchema) })).min(1),
});

/**
 * The module's own learning points (decision note 017): its facts are the `facts` of its
 * structure, its key points the `considerations` its text describes, read from the default
 * locale's file (the others are checked against it as translations).
 */
export interface LearningPoints {
  facts: string[];
  considerations: string[];
}

export function learningPointsOf(structure: Pick<ModuleStructure, 'facts'>, text: Pick<ModuleText, 'considerations'>): LearningPoints {
  return { facts: structure.facts.map((f) => f.id), considerations: Object.keys(text.considerations).sort(byNumber) };
}

/** `K2` before `K10`. */
function byNumber(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1)) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * `dir` names the files in problems (`''` gives bare names, `structure.json`); the module's id
 * must be `moduleId`, by default the folder's name.
 */
export function checkModule(files: RawModuleFiles, opts: { dir: string; moduleId?: string }): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const structureFile = path.join(opts.dir, 'structure.json');
  const structure = parseReporting(checkedStructureSchema, files.structure, reporterFor(structureFile, problems));

  const parsedLocales: ParsedLocale<ModuleText>[] = [];
  for (const locale of routing.locales) {
    const report = reporterFor(path.join(opts.dir, `${locale}.json`), problems);
    const text = parseReporting(moduleTextSchema, files.text[locale], report);
    if (text) parsedLocales.push({ locale, text, report });
  }
  const declaring = parsedLocales.find((p) => p.locale === routing.defaultLocale) ?? parsedLocales[0];
  const points = structure && declaring ? learningPointsOf(structure, declaring.text) : undefined;
  if (structure) checkStructure(structure, opts.moduleId ?? path.basename(opts.dir), points, reporterFor(structureFile, problems));

  const reported: ReportedPaths = new Set();
  for (const { locale, text, report } of parsedLocales) {
    if (structure && points) {
      checkTranslations(structure, text, { report, reported }, points.considerations);
      checkPictureText(structure, text, { report, reported });
      checkShapeCues(structure, text, locale, report);
    }
  }
  checkLocalesAgree(parsedLocales, reported);
  return problems;
}

export function checkSupport(files: RawSupportFiles, opts: { dir: string }): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const structureReport = reporterFor(path.join(opts.dir, 'structure.json'), problems);
  const structure = parseReporting(supportStructureSchema, files.structure, structureReport);
  const contactIds = structure?.contacts.map((c) => c.id) ?? [];
  reportDuplicates(contactIds, 'contact', structureReport);

  const reported: ReportedPaths = new Set();
  const parsedLocales: ParsedLocale<SupportText>[] = [];
  for (const locale of routing.locales) {
    const report = reporterFor(path.join(opts.dir, `${locale}.json`), problems);
    const text = parseReporting(supportTextSchema, files.text[locale], report);
    if (!text) continue;
    parsedLocales.push({ locale, text, report });
    // Someone who needs help must find the same contacts in every language.
    if (structure) {
      compareKeys(
        { report, reported },
        { path: 'contacts', record: text.contacts, expected: namedIds(contactIds, (id) => `support contact "${id}"`), kind: 'contact' },
      );
    }
  }
  checkLocalesAgree(parsedLocales, reported);
  return problems;
}

function checkStructure(structure: ModuleStructure, folderName: string, points: LearningPoints | undefined, report: Report): void {
  checkModuleId(structure, folderName, report);
  checkDuplicateIds(structure, report);
  for (const fact of structure.facts) {
    checkFactSources(fact, structure, report);
    checkFactGuess(fact, report);
  }
  for (const item of structure.items) {
    checkCorrectOptions(item, report);
    checkMisconceptionsNamed(item, structure, report);
    checkSourcesKnown(item.sources ?? [], `Item "${item.id}"`, item.id, structure, report);
  }
  checkPhases(structure, report);
  checkWaves(structure, report);
  checkDepth(structure, report);
  checkEverythingTeaches(structure, report);
  if (points) {
    checkRequiredPoints(structure, points, report);
    checkTeachesKnown(structure, points, report);
    checkCoverage(structure, points, report);
    checkCoreCoverage(structure, points, report);
  }
  checkSpacing(structure, report);
  for (const scenario of structure.scenarios) {
    checkScenarioShape(scenario, report);
    checkScenarioGraph(scenario, report);
  }
  checkPictures(structure, report);
}

/** The app finds a module by its folder, and answers are stored under the module's id. No folder (''): nothing to compare. */
function checkModuleId(structure: ModuleStructure, folderName: string, report: Report): void {
  if (folderName !== '' && structure.id !== folderName) {
    report('id', `The module's "id" is "${structure.id}" but its folder is "${folderName}"; they must be the same.`);
  }
}

/** Reports each id used more than once, once. */
function reportDuplicates(ids: readonly string[], what: string, report: Report, prefix = ''): void {
  const seen = new Set<string>();
  const told = new Set<string>();
  for (const id of ids) {
    if (seen.has(id) && !told.has(id)) {
      told.add(id);
      report(`${prefix}${id}`, `The ${what} id "${id}" is used more than once; each ${what} needs its own id.`);
    }
    seen.add(id);
  }
}

function checkDuplicateIds(structure: ModuleStructure, report: Report): void {
  reportDuplicates(structure.sources.map((s) => s.id), 'source', report);
  reportDuplicates(structure.facts.map((f) => f.id), 'fact', report);
  reportDuplicates(structure.misconceptions.map((m) => m.id), 'misconception', report);
  reportDuplicates(structure.plans.map((p) => p.id), 'plan', report);
  // Answers are stored by item id, so quiz and attitude items share one namespace.
  const answerIds = [...structure.items, ...structure.attitudeItems].map((i) => i.id);
  reportDuplicates(answerIds, 'quiz or attitude item', report);
  reportDuplicates(structure.scenarios.map((s) => s.id), 'scenario', report);
  for (const scenario of structure.scenarios) {
    if (answerIds.includes(scenario.id)) {
      report(scenario.id, `Scenario "${scenario.id}" has the same id as an item; answers would be mixed up, so give it a different id.`);
    }
    reportDuplicates(scenario.nodes.map((n) => n.id), `node in scenario "${scenario.id}"`, report, `${scenario.id}/`);
    for (const node of scenario.nodes) {
      if (node.kind !== 'decision') continue;
      const nodeId = `${scenario.id}/${node.id}`;
      reportDuplicates(node.choices.map((c) => c.id), `choice in node "${nodeId}"`, report, `${nodeId}/`);
    }
  }
  for (const item of structure.items) {
    reportDuplicates(item.options.map((o) => o.id), `option in item "${item.id}"`, report, `${item.id}/`);
  }
  for (const fact of structure.facts) {
    if (fact.guess.kind !== 'choice') continue;
    reportDuplicates(fact.guess.options.map((o) => o.id), `guess option in fact ${fact.id}`, report, `${fact.id}/`);
  }
}

/** A figure shown to students without its source is a defect (facts-and-sources.md). */
function checkFactSources(fact: Fact, structure: ModuleStructure, report: Report): void {
  if (fact.sources.length === 0) {
    report(fact.id, `Fact ${fact.id} has no source: list at least one id from "sources" in its "sources".`);
  }
  const sourceIds = new Set(structure.sources.map((s) => s.id));
  for (const sourceId of fact.sources) {
    if (!sourceIds.has(sourceId)) {
      report(fact.id, `Fact ${fact.id} names source "${sourceId}", which is not in the module's "sources" list.`);
    }
  }
}

function checkFactGuess(fact: Fact, report: Report): void {
  const guess = fact.guess;
  if (guess.kind === 'choice') {
    const correct = guess.options.filter((o) => o.correct).length;
    if (correct !== 1) {
      report(fact.id, `The guess for fact ${fact.id} has ${correct} correct options; it needs exactly one.`);
    }
    return;
  }
  if (guess.min >= guess.max) {
    report(fact.id, `The number guess for fact ${fact.id} has "min" ${guess.min} not below "max" ${guess.max}.`);
    return;
  }
  for (const [name, value] of [['answer', guess.answer], ['start', guess.start]] as const) {
    if (value < guess.min || value > guess.max) {
      report(fact.id, `The number guess for fact ${fact.id} has "${name}" ${value} outside the slider's range ${guess.min} to ${guess.max}.`);
    } else if (!onStep(value, guess.min, guess.step)) {
      report(fact.id, `The number guess for fact ${fact.id} has "${name}" ${value}, which the slider cannot land on (it moves from ${guess.min} in steps of ${guess.step}).`);
    }
  }
}

function onStep(value: number, min: number, step: number): boolean {
  const steps = (value - min) / step;
  // Steps like 0.1 are not exact in binary, so allow for rounding.
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

function checkCorrectOptions(item: Item, report: Report): void {
  if (item.kind === 'ordering') return;
  const correct = item.options.filter((o) => o.correct).length;
  const wrong = item.options.length - correct;
  if ((item.kind === 'single' || item.kind === 'truefalse') && correct !== 1) {
    report(item.id, `Item "${item.id}" (${item.kind}) has ${correct} correct options; it needs exactly one.`);
  }
  if (item.kind === 'multiple' && (correct === 0 || wrong === 0)) {
    report(item.id, `Item "${item.id}" (multiple) has ${correct} correct and ${wrong} wrong options; it needs at least one of each.`);
  }
}

/** Every wrong answer names the misconception it reveals, so reports can say what to reteach. */
function checkMisconceptionsNamed(item: Item, structure: ModuleStructure, report: Report): void {
  const known = new Set(structure.misconceptions.map((m) => m.id));
  if (item.kind === 'ordering') {
    if (!known.has(item.misconception)) {
      report(item.id, `Item "${item.id}" names misconception "${item.misconception}", which is not in "misconceptions".`);
    }
    return;
  }
  for (const option of item.options.filter((o) => !o.correct)) {
    const id = `${item.id}/${option.id}`;
    if (option.misconception === undefined) {
      report(id, `Wrong option "${option.id}" of item "${item.id}" names no "misconception"; every wrong option must say which one choosing it reveals.`);
    } else if (!known.has(option.misconception)) {
      report(id, `Wrong option "${option.id}" of item "${item.id}" names misconception "${option.misconception}", which is not in "misconceptions".`);
    }
  }
}

/** Learning is measured by comparing the same kind of answers before and after, and recalled at the follow-up. */
function checkPhases(structure: ModuleStructure, report: Report): void {
  for (const phase of ['before', 'after'] as const) {
    if (!structure.items.some((i) => i.phases.includes(phase))) {
      report('items', `No quiz item is asked in phase "${phase}"; at least one is needed so learning can be measured.`);
    }
    if (!structure.attitudeItems.some((a) => a.phases.includes(phase))) {
      report('attitudeItems', `No attitude item is asked in phase "${phase}"; at least one is needed so change can be measured.`);
    }
  }
  // A follow-up session (DESIGN.md, step 8) asks only the follow-up phase: with no quiz item in it, it would recap nothing.
  if (!structure.items.some((i) => i.phases.includes('followup'))) {
    report('items', 'No quiz item is asked in phase "followup"; at least one is needed for a follow-up session\'s recap quiz.');
  }
}

const teachesNothing = (teaches: Teaches): boolean => teaches.facts.length === 0 && teaches.considerations.length === 0;

function checkEverythingTeaches(structure: ModuleStructure, report: Report): void {
  const nothing = "teaches nothing: list at least one of the module's facts or key points in its";
  for (const item of structure.items) {
    if (teachesNothing(item.teaches)) report(item.id, `Item "${item.id}" ${nothing} "teaches".`);
  }
  for (const item of structure.attitudeItems) {
    if (teachesNothing(item.teaches)) report(item.id, `Attitude item "${item.id}" ${nothing} "teaches".`);
  }
  for (const plan of structure.plans) {
    if (teachesNothing(plan.teaches)) report(plan.id, `Plan "${plan.id}" ${nothing} "teaches".`);
  }
  for (const scenario of structure.scenarios) {
    if (teachesNothing(scenario.teaches)) report(scenario.id, `Scenario "${scenario.id}" ${nothing} "teaches".`);
    for (const node of scenario.nodes) {
      if (node.kind === 'ending' && teachesNothing(node.pointsTo)) {
        report(`${scenario.id}/${node.id}`, `Ending "${node.id}" of scenario "${scenario.id}" points to nothing: list at least one fact or key consideration in its "pointsTo".`);
      }
      if (node.kind === 'ending') checkSourcesKnown(node.sources ?? [], `Ending "${scenario.id}/${node.id}"`, `${scenario.id}/${node.id}`, structure, report);
    }
  }
}

/** An item's or an ending's figure or legal fact is shown with its source, so the source must exist. */
function checkSourcesKnown(ids: readonly string[], what: string, contentId: string, structure: ModuleStructure, report: Report): void {
  const known = new Set(structure.sources.map((s) => s.id));
  for (const id of ids.filter((i) => !known.has(i))) {
    report(contentId, `${what} names source "${id}", which is not in the module's "sources" list.`);
  }
}

/** The roads-kill module keeps its seed facts F1–F4 and key considerations K1–K7 (research/facts-and-sources.md). */
function checkRequiredPoints(structure: ModuleStructure, points: LearningPoints, report: Report): void {
  const required = Object.hasOwn(REQUIRED_LEARNING_POINTS, structure.id) ? REQUIRED_LEARNING_POINTS[structure.id] : undefined;
  if (!required) return;
  for (const f of required.facts.filter((id) => !points.facts.includes(id))) {
    report(f, `Fact ${f} is missing from "facts"; every seed fact ${required.facts.join(', ')} must be in the ${structure.id} module, with its source.`);
  }
  for (const k of required.considerations.filter((id) => !points.considerations.includes(id))) {
    report(k, `Key consideration ${k} is missing; the ${structure.id} module keeps ${required.considerations.join(', ')}: describe it under "considerations" in every text file.`);
  }
}

/** Content can only teach, or point back to, a learning point the module declares. */
function checkTeachesKnown(structure: ModuleStructure, points: LearningPoints, report: Report): void {
  const facts = new Set(points.facts);
  const considerations = new Set(points.considerations);
  const named: [string, string, Teaches][] = [
    ...structure.items.map((i) => [i.id, `Item "${i.id}"`, i.teaches] as [string, string, Teaches]),
    ...structure.attitudeItems.map((i) => [i.id, `Attitude item "${i.id}"`, i.teaches] as [string, string, Teaches]),
    ...structure.plans.map((p) => [p.id, `Plan "${p.id}"`, p.teaches] as [string, string, Teaches]),
    ...structure.scenarios.flatMap((s) => [
      [s.id, `Scenario "${s.id}"`, s.teaches] as [string, string, Teaches],
      ...s.nodes.flatMap((n) => (n.kind === 'ending' ? [[`${s.id}/${n.id}`, `Ending "${s.id}/${n.id}"`, n.pointsTo] as [string, string, Teaches]] : [])),
    ]),
  ];
  for (const [id, what, teaches] of named) {
    for (const f of teaches.facts.filter((x) => !facts.has(x))) {
      report(id, `${what} names fact ${f}, which is not in the module's "facts" (${points.facts.join(', ')}).`);
    }
    for (const k of teaches.considerations.filter((x) => !considerations.has(x))) {
      report(id, `${what} names key point ${k}, which the module does not describe under "considerations" (${points.considerations.join(', ') || 'none'}).`);
    }
  }
}

/** Every one of the module's facts and key points must be taught (DESIGN.md, "Content is data"). */
function checkCoverage(structure: ModuleStructure, points: LearningPoints, report: Report): void {
  const byQuiz = new Set(structure.items.flatMap((i) => i.teaches.considerations));
  const byScenario = new Set(structure.scenarios.flatMap((s) => s.teaches.considerations));
  for (const k of points.considerations) {
    if (!byQuiz.has(k)) report(k, `Key consideration ${k} is not taught by any quiz item; add ${k} to the "teaches" of at least one item.`);
    if (!byScenario.has(k)) report(k, `Key consideration ${k} is not taught by any scenario; add ${k} to the "teaches" of at least one scenario.`);
  }
  const factsByItems = new Set([...structure.items, ...structure.attitudeItems].flatMap((i) => i.teaches.facts));
  for (const f of points.facts) {
    if (!factsByItems.has(f)) report(f, `Fact ${f} is not taught by any item; add ${f} to the "teaches" of at least one item.`);
  }
}

/** The most attitude items a wave asks (issue 10: a short set, the same before and after). */
export const MAX_WAVE_ATTITUDE_ITEMS = 4;

/** Before/after change compares the same attitude items, and a short set of them (decision note 014). */
function checkWaves(structure: ModuleStructure, report: Report): void {
  const inWave = (phase: Phase) => structure.attitudeItems.filter((a) => a.phases.includes(phase)).map((a) => a.id);
  const before = inWave('before');
  const after = inWave('after');
  for (const id of before.filter((x) => !after.includes(x))) {
    report(id, `Attitude item "${id}" is asked before but not after; change is measured on the same items, so add "after" to its phases or take "before" out.`);
  }
  for (const id of after.filter((x) => !before.includes(x))) {
    report(id, `Attitude item "${id}" is asked after but not before; change is measured on the same items, so add "before" to its phases or take "after" out.`);
  }
  for (const [phase, ids] of [['before', before], ['after', after]] as const) {
    if (ids.length > MAX_WAVE_ATTITUDE_ITEMS) {
      report('attitudeItems', `${ids.length} attitude items are asked in phase "${phase}"; at most ${MAX_WAVE_ATTITUDE_ITEMS} keep the waves short. Retire the others by emptying their "phases".`);
    }
  }
}

/** "depth" says whether a main-phase question is in the core; on a question asked only in a wave it means nothing. */
function checkDepth(structure: ModuleStructure, report: Report): void {
  for (const item of structure.items) {
    if (item.depth === 'deeper' && !item.phases.includes('main')) {
      report(item.id, `Item "${item.id}" is marked "depth": "deeper" but is not asked in phase "main"; only main-phase items and scenarios go deeper.`);
    }
  }
}

/** What the core teaches: its quiz items and its stories (every fact's guess and reveal is in the core). */
function coreTeaches(structure: ModuleStructure): { considerations: Set<string>; facts: Set<string> } {
  const core = [
    ...structure.items.filter((i) => i.phases.includes('main') && i.depth === 'core'),
    ...structure.scenarios.filter((s) => s.depth === 'core'),
  ];
  return {
    considerations: new Set(core.flatMap((c) => c.teaches.considerations)),
    facts: new Set([...structure.facts.map((f) => f.id), ...core.flatMap((c) => c.teaches.facts)]),
  };
}

/**
 * Every seed fact and key consideration stays in the core, so a class that does only the core
 * still meets all of them; and a follow-up recalls only what the core taught.
 */
function checkCoreCoverage(structure: ModuleStructure, points: LearningPoints, report: Report): void {
  const core = coreTeaches(structure);
  const anywhere = new Set([...structure.items, ...structure.scenarios].flatMap((c) => c.teaches.considerations));
  // Facts need no check here: every fact's guess and reveal is in the core. A consideration
  // taught nowhere is reported by checkCoverage.
  for (const k of points.considerations) {
    if (anywhere.has(k) && !core.considerations.has(k)) {
      report(k, `Key consideration ${k} is not taught in the core: mark at least one quiz item or scenario that teaches ${k} "depth": "core".`);
    }
  }
  for (const item of structure.items.filter((i) => i.phases.includes('followup'))) {
    const missing = [...item.teaches.facts, ...item.teaches.considerations].filter((id) => !core.facts.has(id) && !core.considerations.has(id));
    if (missing.length > 0) {
      report(item.id, `Follow-up item "${item.id}" asks about ${missing.join(', ')}, which the core does not teach; a class that did only the core would be asked what it never met.`);
    }
  }
}

/** The journeys a module's spacing and timing are checked on: the core and the full module, with the waves. */
const CHECKED_PATHS: readonly JourneyOptions[] = [{ path: 'core' }, { path: 'full' }];

/**
 * A quiz item that asks about a fact comes after at least one story told since the fact's
 * reveal, never straight after it: retrieval after other material is what makes it stick
 * (research/learning-design.md).
 */
function checkSpacing(structure: ModuleStructure, report: Report): void {
  const told = new Set<string>();
  for (const options of CHECKED_PATHS) {
    const steps = buildJourney(structure, options);
    const revealedAt = new Map(steps.flatMap((s, i) => (s.kind === 'fact' ? [[s.factId, i] as const] : [])));
    steps.forEach((step, at) => {
      if (step.kind !== 'item' || step.phase !== 'main') return;
      const item = structure.items.find((i) => i.id === step.itemId);
      for (const factId of item?.teaches.facts ?? []) {
        const revealed = revealedAt.get(factId);
        if (revealed === undefined || revealed > at) continue;
        const between = steps.slice(revealed + 1, at);
        if (between.some((s) => s.kind === 'scenario') || told.has(item?.id ?? '')) continue;
        told.add(item?.id ?? '');
        report(step.itemId, `Item "${step.itemId}" asks about fact ${factId} with no story between the fact's reveal and it (${options.path} path); ask it after a story, or mark it "depth": "deeper".`);
      }
    });
  }
}

/** One row of the content check's timing table. */
export interface PathEstimate {
  locale: Locale;
  name: string;
  options: JourneyOptions;
  /** Whether this path is the core, which must fit in CORE_MINUTES_LIMIT. */
  core: boolean;
  estimate: JourneyEstimate;
}

/** Every path a student can take, named as the content check prints them. */
export const TIMED_PATHS: readonly { name: string; options: JourneyOptions; core: boolean }[] = [
  { name: 'core, on your own (before/after, offer to go deeper)', options: { path: 'core', offerDeeper: true }, core: true },
  { name: 'core, class with before/after', options: { path: 'core' }, core: true },
  { name: 'core, class without before/after', options: { path: 'core', beforeAfter: false }, core: true },
  { name: 'full, on your own having gone deeper', options: { path: 'full', offerDeeper: true }, core: false },
  { name: 'full, class with before/after', options: { path: 'full' }, core: false },
  { name: 'full, class without before/after', options: { path: 'full', beforeAfter: false }, core: false },
  { name: 'follow-up', options: { followUp: true }, core: false },
];

/** The path the intro's "about N minutes" describes: a student on their own. */
export const INTRO_PATH = TIMED_PATHS[0] as (typeof TIMED_PATHS)[number];

/**
 * How the intro states the core's minutes, per locale. The number must be the model's minutes
 * rounded down or up (decision note 014); the content check says which number to write.
 */
export const INTRO_MINUTES: Record<Locale, RegExp> = {
  'en-GB': /\babout (\d+) minutes\b/,
  pl: /(?:^|\s)około (\d+) minut/,
};

export function estimatePaths(structure: ModuleStructure, texts: Partial<Record<Locale, ModuleText>>, screens: Partial<Record<Locale, ScreenTexts>>): PathEstimate[] {
  return routing.locales.flatMap((locale) => {
    const text = texts[locale];
    if (!text) return [];
    return TIMED_PATHS.map(({ name, options, core }) => ({
      locale,
      name,
      options,
      core,
      estimate: estimateJourney(buildJourney(structure, options), { structure, text, locale, screens: screens[locale] }),
    }));
  });
}

/**
 * The minutes part of the content check, run on a module the other checks passed: the core
 * takes at most CORE_MINUTES_LIMIT minutes by the reading-time model in every language, and the
 * intro says the figure the model gives.
 */
export function checkMinutes(
  files: RawModuleFiles,
  opts: { dir: string; screens: Partial<Record<Locale, ScreenTexts>> },
): { problems: ContentProblem[]; estimates: PathEstimate[] } {
  const problems: ContentProblem[] = [];
  const structure = moduleStructureSchema.parse(files.structure);
  const texts: Partial<Record<Locale, ModuleText>> = {};
  for (const locale of routing.locales) texts[locale] = moduleTextSchema.parse(files.text[locale]);
  const estimates = estimatePaths(structure, texts, opts.screens);
  for (const row of estimates) {
    const report = reporterFor(path.join(opts.dir, `${row.locale}.json`), problems);
    if (row.core && row.estimate.minutes > CORE_MINUTES_LIMIT) {
      report(
        `(path: ${row.name})`,
        `The core takes ${row.estimate.minutes} minutes in ${row.locale} by the reading-time model (${row.estimate.screens} screens, ${row.estimate.words} words); ` +
          `it must take at most ${CORE_MINUTES_LIMIT}. Mark more items or scenarios "depth": "deeper", or shorten their text.`,
      );
    }
  }
  for (const locale of routing.locales) {
    const text = texts[locale];
    const row = estimates.find((r) => r.locale === locale && r.name === INTRO_PATH.name);
    if (!text || !row) continue;
    const report = reporterFor(path.join(opts.dir, `${locale}.json`), problems);
    const minutes = row.estimate.seconds / 60;
    const say = Math.round(minutes);
    const stated = INTRO_MINUTES[locale].exec(text.intro)?.[1];
    const example = locale === 'pl' ? `"około ${say} minut"` : `"about ${say} minutes"`;
    if (stated === undefined) {
      report('intro', `The intro must say how long the core takes, as ${example} (the reading-time model's ${row.estimate.minutes} minutes).`);
    } else if (Number(stated) < Math.floor(minutes) || Number(stated) > Math.ceil(minutes)) {
      report('intro', `The intro says ${stated} minutes, but the reading-time model gives ${row.estimate.minutes} for the core; write ${example}.`);
    }
  }
  return { problems, estimates };
}
