/**
 * The editor's draft: the module's files as parsed objects, which files the officer has changed,
 * and the files to save or check (an unchanged file keeps its exact text, so it exports byte for
 * byte; a changed one is written as two-space JSON).
 */
import type { ModuleStructure, ModuleText } from '@/lib/content/schema';
import type { ModuleFiles } from '@/lib/domain/module-draft';
import { setIn, stringAt, withString, sourceHash, translatedFromNow } from '@/lib/domain/module-strings';

export const LOCALES = ['en-GB', 'pl'] as const;
export type StudioLocale = (typeof LOCALES)[number];
export const SOURCE_LOCALE: StudioLocale = 'en-GB';

/** A teacher note as the editor holds it: either string may still be empty. */
export interface TeacherNoteDraft {
  prompt?: string;
  keyPoint?: string;
}
export interface TeacherNotesFile {
  notes: Record<string, TeacherNoteDraft>;
}

export const notesFile = (locale: string) => `teacher-notes/${locale}.json`;

export interface DraftState {
  /** The files as last loaded or saved. */
  base: ModuleFiles;
  structure: ModuleStructure;
  text: Record<StudioLocale, ModuleText>;
  /** Each locale's teacher notes (`teacher-notes/<locale>.json`), keyed by step. */
  notes: Record<StudioLocale, TeacherNotesFile>;
  dirty: ReadonlySet<string>;
  revision: number;
  translatedFrom: Record<string, Record<string, string>>;
}

function parse<T>(files: ModuleFiles, name: string): T {
  try {
    const value: unknown = JSON.parse(files[name] ?? '{}');
    return (value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {}) as T;
  } catch {
    return {} as T;
  }
}

export function draftFromFiles(files: ModuleFiles, revision: number, translatedFrom: Record<string, Record<string, string>>): DraftState {
  const text = Object.fromEntries(LOCALES.map((locale) => [locale, parse<ModuleText>(files, `${locale}.json`)])) as Record<StudioLocale, ModuleText>;
  const notes = Object.fromEntries(
    LOCALES.map((locale) => {
      const file = parse<Partial<TeacherNotesFile>>(files, notesFile(locale));
      const byKey = file.notes !== null && typeof file.notes === 'object' && !Array.isArray(file.notes) ? file.notes : {};
      return [locale, { ...file, notes: byKey }];
    }),
  ) as Record<StudioLocale, TeacherNotesFile>;
  const from = { ...translatedFrom };
  for (const locale of LOCALES) {
    if (locale !== SOURCE_LOCALE && from[locale] === undefined) from[locale] = translatedFromNow(text[SOURCE_LOCALE], text[locale]);
  }
  return { base: files, structure: parse<ModuleStructure>(files, 'structure.json'), text, notes, dirty: new Set(), revision, translatedFrom: from };
}

export function serialise(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function filesOf(draft: DraftState): ModuleFiles {
  const files = { ...draft.base };
  if (draft.dirty.has('structure.json')) files['structure.json'] = serialise(draft.structure);
  for (const locale of LOCALES) if (draft.dirty.has(`${locale}.json`)) files[`${locale}.json`] = serialise(draft.text[locale]);
  for (const locale of LOCALES) if (draft.dirty.has(notesFile(locale))) files[notesFile(locale)] = serialise(draft.notes[locale]);
  return files;
}

const withDirty = (dirty: ReadonlySet<string>, name: string) => (dirty.has(name) ? dirty : new Set([...dirty, name]));

export function setText(draft: DraftState, locale: StudioLocale, id: string, value: string): DraftState {
  const text = { ...draft.text, [locale]: withString(draft.text[locale], id, value) };
  let translatedFrom = draft.translatedFrom;
  // Translating a string records the source it was translated from, so a later change to the
  // source shows the string as changed since translation.
  if (locale !== SOURCE_LOCALE) {
    const source = stringAt(draft.text[SOURCE_LOCALE], id);
    if (source !== undefined) translatedFrom = setIn(translatedFrom, [locale, id], sourceHash(source));
  }
  return { ...draft, text, translatedFrom, dirty: withDirty(draft.dirty, `${locale}.json`) };
}

export function setStructure(draft: DraftState, path: readonly (string | number)[], value: unknown): DraftState {
  return { ...draft, structure: setIn(draft.structure, path, value), dirty: withDirty(draft.dirty, 'structure.json') };
}

/** Renames a key in every locale's text (a story node's id, say), keeping its strings. */
export function moveText(draft: DraftState, from: readonly string[], to: readonly string[]): DraftState {
  const text = { ...draft.text };
  for (const locale of LOCALES) {
    let node: unknown = text[locale];
    for (const key of from) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    if (node === undefined) continue;
    text[locale] = setIn(setIn(text[locale], from, undefined), to, node);
  }
  return { ...draft, text, dirty: new Set([...draft.dirty, ...LOCALES.map((l) => `${l}.json`)]) };
}

/** Puts `value` at `path` in every locale's text where nothing is there yet. */
export function addTextTree(draft: DraftState, path: readonly string[], value: unknown): DraftState {
  const text = { ...draft.text };
  for (const locale of LOCALES) {
    let node: unknown = text[locale];
    for (const key of path) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    if (node === undefined) text[locale] = setIn(text[locale], path, value);
  }
  return { ...draft, text, dirty: new Set([...draft.dirty, ...LOCALES.map((l) => `${l}.json`)]) };
}

/** Sets one string of one teacher note (`field`: prompt or keyPoint) in one locale. */
export function setNote(draft: DraftState, locale: StudioLocale, key: string, field: keyof TeacherNoteDraft, value: string): DraftState {
  const file = draft.notes[locale];
  const notes = { ...file.notes, [key]: { ...file.notes[key], [field]: value } };
  return { ...draft, notes: { ...draft.notes, [locale]: { ...file, notes } }, dirty: withDirty(draft.dirty, notesFile(locale)) };
}

/** Removes one step's teacher note in every locale (a note whose step no longer exists). */
export function removeNote(draft: DraftState, key: string): DraftState {
  const notes = { ...draft.notes };
  let dirty = draft.dirty;
  for (const locale of LOCALES) {
    if (!(key in notes[locale].notes)) continue;
    const rest = Object.fromEntries(Object.entries(notes[locale].notes).filter(([k]) => k !== key));
    notes[locale] = { ...notes[locale], notes: rest };
    dirty = withDirty(dirty, notesFile(locale));
  }
  return { ...draft, notes, dirty };
}

/**
 * Removes a part of the module: its entry at `listPath` in the structure (by id) and its strings
 * at `textPath` in every locale. Anything else that still names the id (a question teaching a
 * removed fact, a story picture of a removed node) is left for the check to name at its place.
 */
export function removeEntity(draft: DraftState, listPath: readonly (string | number)[] | null, id: string, textPath: readonly string[]): DraftState {
  let structure = draft.structure;
  if (listPath !== null) {
    let list: unknown = structure;
    for (const key of listPath) list = list !== null && typeof list === 'object' ? (list as Record<string | number, unknown>)[key] : undefined;
    if (Array.isArray(list)) structure = setIn(structure, listPath, list.filter((entry: unknown) => !(entry !== null && typeof entry === 'object' && (entry as { id?: unknown }).id === id)));
  }
  const text = { ...draft.text };
  if (textPath.length > 0) for (const locale of LOCALES) text[locale] = setIn(text[locale], textPath, undefined);
  const dirty = [...(listPath !== null ? ['structure.json'] : []), ...(textPath.length > 0 ? LOCALES.map((l) => `${l}.json`) : [])];
  // What its strings were translated from goes with them.
  const prefix = `${textPath.join('.')}.`;
  const translatedFrom =
    textPath.length === 0
      ? draft.translatedFrom
      : Object.fromEntries(Object.entries(draft.translatedFrom).map(([locale, ids]) => [locale, Object.fromEntries(Object.entries(ids).filter(([id]) => id !== prefix.slice(0, -1) && !id.startsWith(prefix)))]));
  return { ...draft, structure, text, translatedFrom, dirty: new Set([...draft.dirty, ...dirty]) };
}

/**
 * Removes one screen of a story: the node, its strings in every locale, and its picture (the
 * drawing's entry in structure.json and its description in every locale), which belong to no
 * other node. Links from other nodes to it are left for the graph and the check to show.
 */
export function removeStoryNode(draft: DraftState, scenarioId: string, nodeId: string): DraftState {
  const scenarios = draft.structure.scenarios ?? [];
  const index = scenarios.findIndex((s) => s.id === scenarioId);
  if (index < 0) return draft;
  const key = `${scenarioId}/${nodeId}`;
  let next = removeEntity(draft, ['scenarios', index, 'nodes'], nodeId, ['scenarios', scenarioId, 'nodes', nodeId]);
  next = removeEntity(next, null, key, ['pictures', key]);
  const pictures = next.structure.pictures ?? [];
  if (pictures.some((p) => p.node === key)) {
    next = setStructure(
      next,
      ['pictures'],
      pictures.filter((p) => p.node !== key),
    );
  }
  return next;
}
