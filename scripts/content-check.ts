/**
 * `npm run content:check [content-root | module-folder]`: checks every module under
 * `<root>/modules/` and the support contacts under `<root>/support/`, or the one module folder
 * given (lib/content/check-files.ts), prints each problem as `file: id: message` and exits 1
 * if there are any. The root defaults to `content`; tests point it at fixtures.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { routing } from '@/i18n/routing';
import { checkSupport, type ContentProblem, type PathEstimate } from '@/lib/content/check';
import { checkFiles, readModuleFolder } from '@/lib/content/check-files';
import { describeShapeCues, shapeCues } from '@/lib/content/check-shape';
import { CORE_MINUTES_LIMIT, SECONDS, WORDS_PER_MINUTE } from '@/lib/content/reading-time';
import { ContentFileError, readJsonFile, type RawModuleFiles } from '@/lib/content/load';
import { moduleStructureSchema, moduleTextSchema } from '@/lib/content/schema';
import { contentVersion } from '@/lib/content/version';

/** Paths as the officer would type them: relative to where the command runs, when inside it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.resolve(file);
}

/**
 * Reads a folder's structure.json and locale files, reporting each file that is missing or not
 * JSON. Returns undefined if any is, since the cross-file checks need all of them.
 */
async function readFolder(dir: string, problems: ContentProblem[]): Promise<RawModuleFiles | undefined> {
  const read = async (name: string): Promise<{ ok: true; value: unknown } | { ok: false }> => {
    try {
      return { ok: true, value: await readJsonFile(path.join(dir, name)) };
    } catch (error) {
      if (!(error instanceof ContentFileError)) throw error;
      problems.push({ file: path.join(dir, name), id: '(file)', message: `The file ${error.detail}.` });
      return { ok: false };
    }
  };
  const structure = await read('structure.json');
  const text: Record<string, unknown> = {};
  let complete = structure.ok;
  for (const locale of routing.locales) {
    const localeFile = await read(`${locale}.json`);
    if (localeFile.ok) text[locale] = localeFile.value;
    else complete = false;
  }
  return complete && structure.ok ? { structure: structure.value, text } : undefined;
}

async function moduleFolders(modulesDir: string, problems: ContentProblem[]): Promise<string[]> {
  try {
    const entries = await readdir(modulesDir, { withFileTypes: true });
    const folders = entries.filter((e) => e.isDirectory()).map((e) => path.join(modulesDir, e.name));
    if (folders.length === 0) problems.push({ file: modulesDir, id: '(folder)', message: 'There are no module folders here.' });
    return folders.sort();
  } catch (error) {
    problems.push({ file: modulesDir, id: '(folder)', message: `The folder cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).` });
    return [];
  }
}

interface ModuleSummary {
  id: string;
  items: number;
  attitudeItems: number;
  scenarios: number;
  version: string;
}

function summarise(files: RawModuleFiles): ModuleSummary {
  // Only called once the check passed, so the strict schema parses.
  const structure = moduleStructureSchema.parse(files.structure);
  return {
    id: structure.id,
    items: structure.items.length,
    attitudeItems: structure.attitudeItems.length,
    scenarios: structure.scenarios.length,
    version: contentVersion(files),
  };
}

function printEstimates(moduleId: string, estimates: readonly PathEstimate[]): void {
  console.log(`\nEstimated time for ${moduleId} (reading-time model, lib/content/reading-time.ts; core at most ${CORE_MINUTES_LIMIT} minutes):`);
  const rates = routing.locales.map((l) => `${l} ${WORDS_PER_MINUTE[l]} words/min`).join(', ');
  console.log(`  reading ${rates}; ${SECONDS.screen} s a screen, ${SECONDS.choice} s an answer; stories on their longest path (shortest in brackets).`);
  const width = Math.max(...estimates.map((e) => e.name.length));
  for (const e of estimates) {
    const { estimate: t } = e;
    const over = e.core && t.minutes > CORE_MINUTES_LIMIT ? '  OVER THE LIMIT' : '';
    console.log(
      `  ${e.locale.padEnd(5)} ${e.name.padEnd(width)}  ${String(t.minutes).padStart(5)} min (${String(t.shortest.minutes).padStart(4)})  ${String(t.screens).padStart(3)} screens  ${String(t.words).padStart(5)} words${over}`,
    );
  }
}

/** The shape-cue figures of every language that parses, pass or fail, so before and after can be quoted. */
function printShapeCues(files: RawModuleFiles, dir: string): void {
  const structure = moduleStructureSchema.safeParse(files.structure);
  if (!structure.success) return;
  for (const locale of routing.locales) {
    const text = moduleTextSchema.safeParse(files.text[locale]);
    if (!text.success) continue;
    console.log(`${shown(dir)}: ${describeShapeCues(shapeCues(structure.data, text.data, locale)).join('\n')}`);
  }
}

async function main(): Promise<number> {
  const given = shown(process.argv[2] ?? 'content');
  // A module folder given on its own is checked alone; otherwise the argument is a content root.
  const single = existsSync(path.join(given, 'structure.json')) && !existsSync(path.join(given, 'modules'));
  const root = single ? undefined : given;
  const problems: ContentProblem[] = [];
  const passed: RawModuleFiles[] = [];

  const folders = root === undefined ? [given] : await moduleFolders(path.join(root, 'modules'), problems);
  for (const dir of folders) {
    const checked = await checkFiles(await readModuleFolder(dir), { dir });
    problems.push(...checked.problems);
    if (checked.raw) printShapeCues(checked.raw, dir);
    if (checked.raw && checked.estimates) printEstimates(moduleStructureSchema.parse(checked.raw.structure).id, checked.estimates);
    if (checked.raw && checked.problems.length === 0) passed.push(checked.raw);
  }
  if (root === undefined) return report(problems, passed, given);
  const supportDir = path.join(root, 'support');
  const support = await readFolder(supportDir, problems);
  if (support) problems.push(...checkSupport(support, { dir: supportDir }));
  return report(problems, passed, root);
}

function report(problems: ContentProblem[], passed: RawModuleFiles[], root: string): number {

  if (problems.length > 0) {
    for (const p of problems) console.error(`${p.file}: ${p.id}: ${p.message}`);
    console.error(`\nContent check failed: ${problems.length} problem(s) in ${root}.`);
    // A file that is missing or does not match the schema is not checked against the others.
    console.error('Fix these and run the check again: a file with schema errors hides problems across files.');
    return 1;
  }
  const modules = passed.map(summarise);
  const count = (key: 'items' | 'attitudeItems' | 'scenarios', noun: string): string => {
    const n = modules.reduce((sum, m) => sum + m[key], 0);
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
  };
  console.log(
    `Content check passed: ${modules.length} module${modules.length === 1 ? '' : 's'}, ${count('items', 'quiz item')}, ` +
      `${count('attitudeItems', 'attitude item')}, ${count('scenarios', 'scenario')}; ` +
      `content version ${modules.map((m) => `${m.id}@${m.version}`).join(', ')}.`,
  );
  return 0;
}

process.exitCode = await main();
