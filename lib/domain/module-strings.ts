/**
 * The strings of a module's text file (`en-GB.json`, `pl.json`) as a flat list of ids, for the
 * studio's side-by-side editor and for translators: missing translations, strings whose source
 * changed since they were translated, and a CSV a translator can work in and send back
 * (docs/decisions/018-authoring-studio.md). Pure; no zod, so it runs in the browser too.
 */
import { csvDocument } from './csv';

/** A string's id is its JSON path joined by dots: `facts.F1.title`, `items.q-seat.options.a.label`. */
export interface ModuleString {
  id: string;
  text: string;
}

export function flattenStrings(value: unknown, prefix = ''): ModuleString[] {
  if (typeof value === 'string') return [{ id: prefix, text: value }];
  if (value === null || typeof value !== 'object') return [];
  const out: ModuleString[] = [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, inner] of entries) out.push(...flattenStrings(inner, prefix === '' ? key : `${prefix}.${key}`));
  return out;
}

export function stringsById(value: unknown): Map<string, string> {
  return new Map(flattenStrings(value).map((s) => [s.id, s.text]));
}

/**
 * A copy of `value` with the string at `id` set ('' removes it): only the objects on the way are
 * copied, so an editor's memoised parts for the other strings keep their inputs.
 */
export function withString<T>(value: T, id: string, text: string): T {
  return setIn(value, id.split('.'), text === '' ? undefined : text);
}

/** A copy of `value` with `path` set to `next` (undefined deletes it), copying only along the path. */
export function setIn<T>(value: T, path: readonly (string | number)[], next: unknown): T {
  if (path.length === 0) return next as T;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const node: unknown = value;
  if (Array.isArray(node) && typeof key === 'number') {
    const copy = [...node];
    if (rest.length === 0 && next === undefined) copy.splice(key, 1);
    else copy[key] = setIn(copy[key], rest, next);
    return copy as T;
  }
  const copy: Record<string, unknown> = node !== null && typeof node === 'object' && !Array.isArray(node) ? { ...node } : {};
  if (rest.length === 0 && next === undefined) delete copy[String(key)];
  else copy[String(key)] = setIn(copy[String(key)], rest, next);
  return copy as T;
}

export function stringAt(value: unknown, id: string): string | undefined {
  let node: unknown = value;
  for (const key of id.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Ids the source locale has and the target lacks (or holds only spaces), in the source's order. */
export function missingTranslations(source: unknown, target: unknown): string[] {
  const have = stringsById(target);
  return flattenStrings(source)
    .filter((s) => s.text.trim() !== '' && (have.get(s.id) ?? '').trim() === '')
    .map((s) => s.id);
}

/** `{name}` placeholders, which a translation must keep exactly. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{[a-zA-Z0-9_]+\}/g)].map((m) => m[0]).sort();
}

/** A short, stable fingerprint of a source string (FNV-1a, 32 bits), to tell when it has changed. */
export function sourceHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** What a translated string was translated from: string id → fingerprint of its source text then. */
export type TranslatedFrom = Record<string, string>;

/** The fingerprints of every source string that has a translation now: the baseline of a draft. */
export function translatedFromNow(source: unknown, target: unknown): TranslatedFrom {
  const have = stringsById(target);
  const out: TranslatedFrom = {};
  for (const s of flattenStrings(source)) if ((have.get(s.id) ?? '').trim() !== '') out[s.id] = sourceHash(s.text);
  return out;
}

/** Ids whose source text is no longer the text they were translated from. */
export function staleTranslations(source: unknown, target: unknown, from: TranslatedFrom): string[] {
  const have = stringsById(target);
  return flattenStrings(source)
    .filter((s) => from[s.id] !== undefined && from[s.id] !== sourceHash(s.text) && (have.get(s.id) ?? '') !== '')
    .map((s) => s.id);
}

const CONTEXTS: [RegExp, string][] = [
  [/^title$/, 'Module title'],
  [/^tagline$/, 'Module tagline, under the title'],
  [/^intro$/, 'First screen: what the module is and how long it takes'],
  [/^contentNote$/, 'Content note shown before starting'],
  [/^summary\./, 'Last screen'],
  [/^considerations\.[^.]+\.title$/, 'Key consideration: heading'],
  [/^considerations\./, 'Key consideration: text'],
  [/^facts\.[^.]+\.question$/, 'Fact: the guess question'],
  [/^facts\.[^.]+\.options\./, 'Fact: a guess option'],
  [/^facts\.[^.]+\.reveal$/, 'Fact: shown after the guess'],
  [/^facts\.[^.]+\.caveat$/, 'Fact: caveat under the figure'],
  [/^facts\./, 'Fact'],
  [/^misconceptions\./, 'A misconception a wrong answer reveals (teachers see it)'],
  [/^items\.[^.]+\.prompt$/, 'Question: the stem'],
  [/^items\.[^.]+\.options\.[^.]+\.label$/, 'Question: an option'],
  [/^items\.[^.]+\.options\.[^.]+\.explanation$/, 'Question: feedback for this option'],
  [/^items\.[^.]+\.explanation$/, 'Question: feedback after any answer'],
  [/^items\./, 'Question'],
  [/^attitudeItems\./, 'Attitude statement (agree/disagree)'],
  [/^scenarios\.[^.]+\.nodes\.[^.]+\.choices\./, 'Story: a choice'],
  [/^scenarios\./, 'Story'],
  [/^plans\.[^.]+\.if$/, 'Plan: "if" part'],
  [/^plans\.[^.]+\.then$/, 'Plan: "then" part'],
  [/^pictures\./, 'Alt text of a story picture'],
];

export function contextOf(id: string): string {
  return CONTEXTS.find(([pattern]) => pattern.test(id))?.[1] ?? '';
}

export const TRANSLATION_CSV_HEADER = ['id', 'source', 'translation', 'context', 'source_fingerprint'] as const;

/** One locale's strings for a translator: every source string, its translation so far and context. */
export function translationCsv(source: unknown, target: unknown): string {
  const have = stringsById(target);
  const rows = flattenStrings(source).map((s) => [s.id, s.text, have.get(s.id) ?? '', contextOf(s.id), sourceHash(s.text)]);
  return csvDocument([[...TRANSLATION_CSV_HEADER], ...rows]);
}

/** RFC 4180, as `csvDocument` writes it (a byte-order mark, quoted fields, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** csvField defuses text a spreadsheet would run as a formula with a leading apostrophe; undo it. */
function undefused(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** A problem in a translator's file, as a key of `Studio.translationErrors`. */
export interface TranslationProblem {
  key: 'notCsv' | 'badHeader' | 'unknownId' | 'duplicateId' | 'placeholders' | 'sourceChanged';
  line?: number;
  id?: string;
  values?: Record<string, string | number>;
}

export type TranslationImport =
  | { ok: true; target: unknown; translatedFrom: TranslatedFrom; changed: number }
  | { ok: false; problems: TranslationProblem[] };

/**
 * Reads a translator's CSV back into the target locale's text: every id must be one the source
 * has, once; every translation must keep the source's placeholders; a row translated from a source
 * text that has changed since is refused, so an old translation never lands silently. Empty
 * translations leave the string as it is. Nothing changes unless every row is right.
 */
export function importTranslationCsv(csv: string, source: unknown, target: unknown, from: TranslatedFrom): TranslationImport {
  let rows: string[][];
  try {
    rows = parseCsv(csv).filter((row) => row.some((cell) => cell !== ''));
  } catch {
    return { ok: false, problems: [{ key: 'notCsv' }] };
  }
  const header = rows[0];
  if (!header || TRANSLATION_CSV_HEADER.some((name, i) => header[i] !== name)) {
    return { ok: false, problems: [{ key: 'badHeader', values: { header: TRANSLATION_CSV_HEADER.join(',') } }] };
  }
  const sources = stringsById(source);
  const seen = new Set<string>();
  const problems: TranslationProblem[] = [];
  let next = target;
  const translatedFrom = { ...from };
  let changed = 0;
  rows.slice(1).forEach((cells, index) => {
    const line = index + 2;
    const [id = '', , rawTranslation = '', , fingerprint = ''] = cells;
    const translation = undefused(rawTranslation);
    const sourceText = sources.get(id);
    if (sourceText === undefined) return void problems.push({ key: 'unknownId', line, id: id.slice(0, 120) });
    if (seen.has(id)) return void problems.push({ key: 'duplicateId', line, id });
    seen.add(id);
    if (translation.trim() === '') return;
    if (fingerprint !== sourceHash(sourceText)) return void problems.push({ key: 'sourceChanged', line, id });
    const want = placeholdersOf(sourceText);
    const got = placeholdersOf(translation);
    if (want.join() !== got.join()) {
      return void problems.push({ key: 'placeholders', line, id, values: { expected: want.join(' ') || '—', found: got.join(' ') || '—' } });
    }
    if (stringAt(next, id) !== translation) {
      next = withString(next, id, translation);
      changed++;
    }
    translatedFrom[id] = fingerprint;
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, target: next, translatedFrom, changed };
}
