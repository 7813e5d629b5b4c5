/**
 * Reads a module's files from `content/` and parses each against its schema. Cross-file
 * checks (reachability, coverage, translations) are in `check.ts`; the app only ever loads
 * content that `npm run content:check` passed.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { routing, type Locale } from '@/i18n/routing';
import {
  moduleStructureSchema,
  moduleTextSchema,
  supportStructureSchema,
  supportTextSchema,
  type ModuleStructure,
  type ModuleText,
  type SupportStructure,
  type SupportText,
} from './schema';
import { teacherNotesSchema, type TeacherNotes } from './teacher-notes';
import { contentVersion } from './version';

export const CONTENT_ROOT = path.join(process.cwd(), 'content');
export const MODULE_ID = 'roads-kill';

export class ContentFileError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'ContentFileError';
  }
}

export async function readJsonFile(file: string): Promise<unknown> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new ContentFileError(file, code === 'ENOENT' ? 'is missing' : `cannot be read (${code ?? 'unknown error'})`);
  }
  return parseJsonText(file, raw);
}

/** Parses the text of a content file, naming the line of a syntax error. */
export function parseJsonText(file: string, raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch (cause) {
    throw new ContentFileError(file, `is not valid JSON (${withLineNumber((cause as Error).message, raw)})`);
  }
}

/** Officers find mistakes by line, not by character offset; newer Node versions add the line themselves. */
function withLineNumber(message: string, raw: string): string {
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined || /\bline \d+/.test(message)) return message;
  const before = raw.slice(0, Number(position)).split('\n');
  return `${message}, line ${before.length} column ${(before.at(-1)?.length ?? 0) + 1}`;
}

export function parseWith<T extends z.ZodType>(schema: T, file: string, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first ? first.path.join('.') || '(root)' : '(root)';
    throw new ContentFileError(file, `${where}: ${first?.message ?? 'does not match the schema'}`);
  }
  return result.data;
}

export interface LoadedModule {
  structure: ModuleStructure;
  text: Record<Locale, ModuleText>;
  version: string;
}

export interface RawModuleFiles {
  structure: unknown;
  text: Record<string, unknown>;
}

/** The raw JSON of a module folder, unparsed, for the content check. */
export async function readModuleFiles(dir: string): Promise<RawModuleFiles> {
  const structure = await readJsonFile(path.join(dir, 'structure.json'));
  const text: Record<string, unknown> = {};
  for (const locale of routing.locales) {
    text[locale] = await readJsonFile(path.join(dir, `${locale}.json`));
  }
  return { structure, text };
}

export async function loadModuleFrom(dir: string): Promise<LoadedModule> {
  const raw = await readModuleFiles(dir);
  const structure = parseWith(moduleStructureSchema, path.join(dir, 'structure.json'), raw.structure);
  const text = {} as Record<Locale, ModuleText>;
  for (const locale of routing.locales) {
    text[locale] = parseWith(moduleTextSchema, path.join(dir, `${locale}.json`), raw.text[locale]);
  }
  return { structure, text, version: contentVersion(raw) };
}

export interface LoadedSupport {
  structure: SupportStructure;
  text: Record<Locale, SupportText>;
}

/** The support folder has the same layout as a module: `structure.json` and one file per locale. */
export type RawSupportFiles = RawModuleFiles;

export async function loadSupportFrom(dir: string): Promise<LoadedSupport> {
  const structure = parseWith(
    supportStructureSchema,
    path.join(dir, 'structure.json'),
    await readJsonFile(path.join(dir, 'structure.json')),
  );
  const text = {} as Record<Locale, SupportText>;
  for (const locale of routing.locales) {
    const file = path.join(dir, `${locale}.json`);
    text[locale] = parseWith(supportTextSchema, file, await readJsonFile(file));
  }
  return { structure, text };
}

let modulePromise: Promise<LoadedModule> | undefined;
let supportPromise: Promise<LoadedSupport> | undefined;

/** The module the app serves, read once per process. */
export function getModule(): Promise<LoadedModule> {
  modulePromise ??= loadModuleFrom(path.join(CONTENT_ROOT, 'modules', MODULE_ID));
  return modulePromise;
}

/**
 * Makes `getModule()` return `module` (undefined: read `content/` again), so tests run against
 * a small module of their own rather than the real content, which officers edit.
 */
export function useModuleForTests(module: LoadedModule | undefined): void {
  modulePromise = module === undefined ? undefined : Promise.resolve(module);
}

export function getSupport(): Promise<LoadedSupport> {
  supportPromise ??= loadSupportFrom(path.join(CONTENT_ROOT, 'support'));
  return supportPromise;
}

const notesCache = new Map<string, TeacherNotes>();

/** The teacher notes of the module in one locale (content-checked: every core step has one). */
export async function getTeacherNotes(locale: Locale): Promise<TeacherNotes> {
  const cached = notesCache.get(locale);
  if (cached) return cached;
  const file = path.join(CONTENT_ROOT, 'modules', MODULE_ID, 'teacher-notes', `${locale}.json`);
  const notes = parseWith(teacherNotesSchema, file, await readJsonFile(file));
  notesCache.set(locale, notes);
  return notes;
}
