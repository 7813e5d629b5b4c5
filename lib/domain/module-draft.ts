/**
 * A module draft in the authoring studio (issue 14, docs/decisions/018-authoring-studio.md):
 * the module's files as exact text, as in its `content/modules/<id>/` folder, and the rules a
 * draft must meet before it is stored. Pure, with no zod, so the editor in the browser and the
 * Server Actions check a draft the same way; the content check itself (lib/content) runs on
 * the server only.
 */

/** Path in the module folder (`structure.json`, `teacher-notes/pl.json`) → exact file text. */
export type ModuleFiles = Record<string, string>;

/**
 * Larger drafts are refused (characters, all files together): roads-kill, the largest module, is
 * about 200,000. The same limit as the content check's MAX_MODULE_CHARACTERS (a test holds them
 * equal), so a draft is never refused that could be published, nor the other way round.
 */
export const DRAFT_MAX_CHARACTERS = 2_000_000;
export const DRAFT_MAX_FILES = 20;

const FILE_PATH = /^(?:[a-z0-9][a-z0-9-]{0,47}\/)?[a-z0-9A-Z][a-zA-Z0-9-]{0,47}\.json$/;

/**
 * Control characters no keyboard types (NUL and the other C0 controls but tab and line breaks,
 * and DEL), raw or written as a JSON escape: the same rule as every staff form
 * (lib/server/forms.ts), applied to the text a draft's JSON holds once parsed.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const ESCAPED_CONTROL = /\\u00(?:0[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF])/;

/** A problem with a draft as a whole, as a key of `Studio.draftErrors` with its placeholders. */
export interface DraftProblem {
  key: 'tooLarge' | 'tooManyFiles' | 'badPath' | 'controlCharacters' | 'notJson' | 'missingFile' | 'badModule' | 'badTranslatedFrom';
  file?: string;
  values?: Record<string, number | string>;
}

export function draftCharacters(files: ModuleFiles): number {
  let total = 0;
  for (const text of Object.values(files)) total += text.length;
  return total;
}

/**
 * Everything wrong with a draft's files before the content check sees them: size, file names,
 * control characters and JSON syntax. Empty when the draft may be stored (the content check's
 * problems never stop a save: a draft is work in progress; they stop a publish).
 */
export function draftProblems(files: unknown, requiredFiles: readonly string[]): DraftProblem[] {
  if (files === null || typeof files !== 'object' || Array.isArray(files)) return [{ key: 'notJson' }];
  const entries = Object.entries(files as Record<string, unknown>);
  if (entries.length > DRAFT_MAX_FILES) return [{ key: 'tooManyFiles', values: { max: DRAFT_MAX_FILES } }];
  const problems: DraftProblem[] = [];
  for (const [file, text] of entries) {
    if (!FILE_PATH.test(file) || typeof text !== 'string') {
      problems.push({ key: 'badPath', file: file.slice(0, 80) });
      continue;
    }
    if (RAW_CONTROL.test(text) || ESCAPED_CONTROL.test(text)) {
      problems.push({ key: 'controlCharacters', file });
      continue;
    }
    try {
      JSON.parse(text);
    } catch {
      problems.push({ key: 'notJson', file });
    }
  }
  if (problems.length > 0) return problems;
  const size = draftCharacters(files as ModuleFiles);
  if (size > DRAFT_MAX_CHARACTERS) return [{ key: 'tooLarge', values: { size, max: DRAFT_MAX_CHARACTERS } }];
  for (const file of requiredFiles) {
    if (!Object.hasOwn(files, file)) problems.push({ key: 'missingFile', file });
  }
  return problems;
}

/**
 * Saving is compare-and-set on the revision the editor started from: a save made from an older
 * revision than the stored one is a conflict, never an overwrite. The officer then keeps their
 * version (saved over the newer revision, knowingly), takes the other, or reloads.
 */
export type SaveOutcome =
  | { kind: 'saved'; revision: number }
  | { kind: 'conflict'; revision: number; files: ModuleFiles; updatedBy: string; updatedAt: string };

/** Files that differ between two drafts (added, removed or changed), sorted. */
export function changedFiles(a: ModuleFiles, b: ModuleFiles): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((name) => a[name] !== b[name]).sort();
}

/** Module ids, as the content schema has them: lower-case letters, digits and hyphens. */
export const MODULE_ID = /^[a-z0-9][a-z0-9-]{0,47}$/;

export function isModuleId(value: unknown): value is string {
  return typeof value === 'string' && MODULE_ID.test(value);
}

/** The files every module has: its structure and one text file per locale. */
export function requiredModuleFiles(locales: readonly string[]): string[] {
  return ['structure.json', ...locales.map((locale) => `${locale}.json`)];
}

/** `translatedFrom` as a client sent it: locale → string id → 8-hex fingerprint, or null. */
export function readTranslatedFrom(value: unknown, locales: readonly string[]): Record<string, Record<string, string>> | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const out: Record<string, Record<string, string>> = {};
  for (const [locale, ids] of Object.entries(value)) {
    if (!locales.includes(locale) || ids === null || typeof ids !== 'object' || Array.isArray(ids)) return null;
    const entries = Object.entries(ids as Record<string, unknown>);
    if (entries.length > 20_000) return null;
    for (const [id, hash] of entries) {
      if (id.length > 300 || typeof hash !== 'string' || !/^[0-9a-f]{8}$/.test(hash)) return null;
    }
    out[locale] = ids as Record<string, string>;
  }
  return out;
}
