/**
 * The whole content check of one module, on the text of its files: what `npm run content:check`
 * runs on each folder and what the authoring studio runs on a draft (lib/content/modules.ts). A
 * module's files are named by their path inside its folder (`structure.json`, `pl.json`,
 * `teacher-notes/pl.json`) and held as their exact text, so what is checked, stored and exported
 * is byte for byte what the officer wrote.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { routing, type Locale } from '@/i18n/routing';
import { buildJourney } from '@/lib/domain/journey';
import { checkMinutes, checkModule, type PathEstimate } from './check';
import { ContentFileError, parseJsonText, readJsonFile, type RawModuleFiles } from './load';
import type { ContentProblem } from './problems';
import { screenTextsFromMessages, type ScreenTexts } from './reading-time';
import { moduleStructureSchema } from './schema';
import { teacherNoteGaps, teacherNotesSchema } from './teacher-notes';

/** Path inside the module folder → the file's exact text. */
export type ModuleFiles = Record<string, string>;

/** Every file a module has, and no other. */
export const MODULE_FILE_PATHS: readonly string[] = [
  'structure.json',
  ...routing.locales.map((l) => `${l}.json`),
  ...routing.locales.map((l) => `teacher-notes/${l}.json`),
];

/** The most text one module may hold, all files together: the real module is about 200 kB. */
export const MAX_MODULE_CHARACTERS = 2_000_000;

/** Reads a module folder's files as text; a missing file is left out (the check reports it). */
export async function readModuleFolder(dir: string): Promise<ModuleFiles> {
  const files: ModuleFiles = {};
  for (const name of MODULE_FILE_PATHS) {
    try {
      files[name] = await readFile(path.join(dir, name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return files;
}

/** The title cards and the deeper offer a student reads, from the app's messages: they count in the minutes. */
let screensPromise: Promise<Partial<Record<Locale, ScreenTexts>>> | undefined;
export function screenTexts(): Promise<Partial<Record<Locale, ScreenTexts>>> {
  screensPromise ??= (async () => {
    const texts: Partial<Record<Locale, ScreenTexts>> = {};
    for (const locale of routing.locales) {
      texts[locale] = screenTextsFromMessages(await readJsonFile(path.join(process.cwd(), 'messages', locale, 'Player.json')));
    }
    return texts;
  })();
  return screensPromise;
}

export interface FilesCheck {
  problems: ContentProblem[];
  /** The parsed JSON, when every file is there and is JSON. */
  raw?: RawModuleFiles;
  /** The timing table, when every other check passed. */
  estimates?: PathEstimate[];
}

/**
 * Every check of `npm run content:check` on one module's files. `dir` prefixes the file names
 * in problems (`''`: bare names); the module's id must be `moduleId`, by default the folder's name.
 */
export async function checkFiles(files: ModuleFiles, opts: { dir: string; moduleId?: string }): Promise<FilesCheck> {
  const problems: ContentProblem[] = [];
  const at = (name: string) => path.join(opts.dir, name);
  const size = Object.values(files).reduce((n, text) => n + (typeof text === 'string' ? text.length : 0), 0);
  if (size > MAX_MODULE_CHARACTERS) {
    problems.push({ file: at('.'), id: '(module)', message: `The module's files hold ${size} characters; at most ${MAX_MODULE_CHARACTERS} are allowed. Split it into shorter modules.` });
    return { problems };
  }
  for (const name of Object.keys(files).filter((n) => !MODULE_FILE_PATHS.includes(n))) {
    problems.push({ file: at(name), id: '(file)', message: `This is not a module file: a module has only ${MODULE_FILE_PATHS.join(', ')}.` });
  }
  const parsed = new Map<string, unknown>();
  for (const name of MODULE_FILE_PATHS) {
    const text = files[name];
    if (typeof text !== 'string') {
      problems.push({ file: at(name), id: '(file)', message: 'The file is missing.' });
      continue;
    }
    try {
      parsed.set(name, parseJsonText(at(name), text));
    } catch (error) {
      if (!(error instanceof ContentFileError)) throw error;
      problems.push({ file: at(name), id: '(file)', message: `The file ${error.detail}.` });
    }
  }
  if (!parsed.has('structure.json') || routing.locales.some((l) => !parsed.has(`${l}.json`))) return { problems };
  const raw: RawModuleFiles = {
    structure: parsed.get('structure.json'),
    text: Object.fromEntries(routing.locales.map((l) => [l, parsed.get(`${l}.json`)])),
  };
  const found = [
    ...checkModule(raw, { dir: opts.dir, moduleId: opts.moduleId }),
    ...checkTeacherNotes(raw, (locale) => parsed.get(`teacher-notes/${locale}.json`), at),
  ];
  problems.push(...found);
  if (problems.length > 0) return { problems, raw };
  // Timing needs content the other checks passed: every step's text must be there to be counted.
  const timed = checkMinutes(raw, { dir: opts.dir, screens: await screenTexts() });
  problems.push(...timed.problems);
  return { problems, raw, estimates: timed.estimates };
}

/**
 * Every core step of a live session (both journeys, with and without the before/after waves)
 * has a teacher note, a discussion prompt and a key point, in every locale; no note is keyed by
 * an id the module no longer has. A notes file that is missing or not JSON is reported already.
 */
function checkTeacherNotes(raw: RawModuleFiles, notesOf: (locale: Locale) => unknown, at: (name: string) => string): ContentProblem[] {
  const structure = moduleStructureSchema.safeParse(raw.structure);
  if (!structure.success) return [];
  const steps = [...buildJourney(structure.data, { beforeAfter: true, path: 'full' }), ...buildJourney(structure.data, { followUp: true })];
  const problems: ContentProblem[] = [];
  for (const locale of routing.locales) {
    const file = at(`teacher-notes/${locale}.json`);
    const value = notesOf(locale);
    if (value === undefined) continue;
    const notes = teacherNotesSchema.safeParse(value);
    if (!notes.success) {
      for (const issue of notes.error.issues) problems.push({ file, id: issue.path.join('.') || '(file)', message: issue.message });
      continue;
    }
    const { missing, unused } = teacherNoteGaps(steps, notes.data);
    for (const key of missing) problems.push({ file, id: key, message: 'This step has no teacher note (a discussion prompt and a key point).' });
    for (const key of unused) problems.push({ file, id: key, message: 'No step of the module has this id: rename or remove the note.' });
  }
  return problems;
}
