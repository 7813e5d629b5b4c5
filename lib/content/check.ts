/**
 * The content check behind `npm run content:check`: everything the schema alone cannot see.
 * Pure (no I/O): it takes the raw JSON of a folder and returns every problem it finds, so an
 * officer fixing content sees the whole list at once rather than one error per run.
 * See DESIGN.md, "Content is data", and research/facts-and-sources.md for F1–F4 and K1–K7.
 */
import path from 'node:path';
import { z } from 'zod';
import { routing } from '@/i18n/routing';
import { checkScenarioGraph, checkScenarioShape } from './check-graph';
import { checkPictures, checkPictureText } from './check-pictures';
import { checkLocalesAgree, checkTranslations, compareKeys, namedIds, type ReportedPaths } from './check-text';
import type { RawModuleFiles, RawSupportFiles } from './load';
import { parseReporting, reporterFor, type ContentProblem, type Report } from './problems';
import {
  CONSIDERATION_IDS,
  FACT_IDS,
  contentIdSchema,
  factSchema,
  moduleStructureSchema,
  moduleTextSchema,
  supportStructureSchema,
  supportTextSchema,
  type Fact,
  type Item,
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

export function checkModule(files: RawModuleFiles, opts: { dir: string }): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const structureFile = path.join(opts.dir, 'structure.json');
  const structure = parseReporting(checkedStructureSchema, files.structure, reporterFor(structureFile, problems));
  if (structure) checkStructure(structure, path.basename(opts.dir), reporterFor(structureFile, problems));

  const reported: ReportedPaths = new Set();
  const parsedLocales: ParsedLocale<ModuleText>[] = [];
  for (const locale of routing.locales) {
    const report = reporterFor(path.join(opts.dir, `${locale}.json`), problems);
    const text = parseReporting(moduleTextSchema, files.text[locale], report);
    if (!text) continue;
    parsedLocales.push({ locale, text, report });
    if (structure) {
      checkTranslations(structure, text, { report, reported });
      checkPictureText(structure, text, { report, reported });
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

function checkStructure(structure: ModuleStructure, folderName: string, report: Report): void {
  checkModuleId(structure, folderName, report);
  checkDuplicateIds(structure, report);
  for (const fact of structure.facts) {
    checkFactSources(fact, structure, report);
    checkFactGuess(fact, report);
  }
  for (const item of structure.items) {
    checkCorrectOptions(item, report);
    checkMisconceptionsNamed(item, structure, report);
  }
  checkPhases(structure, report);
  checkEverythingTeaches(structure, report);
  checkCoverage(structure, report);
  for (const scenario of structure.scenarios) {
    checkScenarioShape(scenario, report);
    checkScenarioGraph(scenario, report);
  }
  checkPictures(structure, report);
}

/** The app finds a module by its folder, and answers are stored under the module's id. */
function checkModuleId(structure: ModuleStructure, folderName: string, report: Report): void {
  if (structure.id !== folderName) {
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
  const nothing = 'teaches nothing: list at least one fact (F1–F4) or key consideration (K1–K7) in its';
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
    }
  }
}

/** Every seed fact and key consideration must be taught (DESIGN.md, "Content is data"). */
function checkCoverage(structure: ModuleStructure, report: Report): void {
  const byQuiz = new Set(structure.items.flatMap((i) => i.teaches.considerations));
  const byScenario = new Set(structure.scenarios.flatMap((s) => s.teaches.considerations));
  for (const k of CONSIDERATION_IDS) {
    if (!byQuiz.has(k)) report(k, `Key consideration ${k} is not taught by any quiz item; add ${k} to the "teaches" of at least one item.`);
    if (!byScenario.has(k)) report(k, `Key consideration ${k} is not taught by any scenario; add ${k} to the "teaches" of at least one scenario.`);
  }
  const factsInModule = new Set(structure.facts.map((f) => f.id));
  const factsByItems = new Set([...structure.items, ...structure.attitudeItems].flatMap((i) => i.teaches.facts));
  for (const f of FACT_IDS) {
    if (!factsInModule.has(f)) report(f, `Fact ${f} is missing from "facts"; every seed fact F1–F4 must be in the module, with its source.`);
    if (!factsByItems.has(f)) report(f, `Fact ${f} is not taught by any item; add ${f} to the "teaches" of at least one item.`);
  }
}
