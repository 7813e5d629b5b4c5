/**
 * What a module version changed against the one before, for the record each publication keeps
 * (lib/content/modules.ts): which files were added, removed or changed, and inside a changed
 * JSON file which entries, named by dotted path (`items.q-seat.prompt`), with lists of objects
 * that have ids (items, nodes, sources) followed by id rather than by position.
 */
import type { ModuleChangeRecord } from '@/lib/db/schema';
import { canonicalJson } from './version';

export type ModuleChange = ModuleChangeRecord;

/** At most this many lines are kept; a rewrite of a whole module is summed up by its files. */
export const MAX_RECORDED_CHANGES = 500;

export function diffModuleFiles(before: Readonly<Record<string, string>> | undefined, after: Readonly<Record<string, string>>): ModuleChange[] {
  const changes: ModuleChange[] = [];
  const names = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])].sort();
  for (const file of names) {
    const old = before?.[file];
    const now = after[file];
    if (old === now) continue;
    if (old === undefined) changes.push({ file, path: '', change: 'added' });
    else if (now === undefined) changes.push({ file, path: '', change: 'removed' });
    else {
      const a = parse(old);
      const b = parse(now);
      if (a === undefined || b === undefined) changes.push({ file, path: '', change: 'changed' });
      else {
        const inFile: ModuleChange[] = [];
        walk(a.value, b.value, [], (path, change) => inFile.push({ file, path, change }));
        changes.push(...(inFile.length > 0 ? inFile : [{ file, path: '', change: 'reformatted' as const }]));
      }
    }
  }
  if (changes.length <= MAX_RECORDED_CHANGES) return changes;
  // Too many to list: one line per file that changed.
  const perFile = new Map<string, ModuleChange>();
  for (const c of changes) perFile.set(c.file, { file: c.file, path: '', change: c.path === '' ? c.change : 'changed' });
  return [...perFile.values()];
}

function parse(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A list whose entries are all objects with a distinct string id. */
function byId(list: unknown[]): Map<string, unknown> | undefined {
  const map = new Map<string, unknown>();
  for (const entry of list) {
    const id = isObject(entry) ? entry.id : undefined;
    if (typeof id !== 'string' || map.has(id)) return undefined;
    map.set(id, entry);
  }
  return map;
}

function walk(a: unknown, b: unknown, at: string[], emit: (path: string, change: ModuleChange['change']) => void): void {
  if (canonicalJson(a) === canonicalJson(b)) return;
  const path = at.join('.');
  let keyed: [Map<string, unknown>, Map<string, unknown>] | undefined;
  if (isObject(a) && isObject(b)) keyed = [new Map(Object.entries(a)), new Map(Object.entries(b))];
  else if (Array.isArray(a) && Array.isArray(b)) {
    const left = byId(a);
    const right = byId(b);
    if (left && right) keyed = [left, right];
  }
  if (!keyed) {
    emit(path, 'changed');
    return;
  }
  const [left, right] = keyed;
  for (const key of new Set([...left.keys(), ...right.keys()])) {
    if (!left.has(key)) emit([...at, key].join('.'), 'added');
    else if (!right.has(key)) emit([...at, key].join('.'), 'removed');
    else walk(left.get(key), right.get(key), [...at, key], emit);
  }
}
