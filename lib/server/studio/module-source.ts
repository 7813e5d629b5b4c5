import 'server-only';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_ROOT } from '@/lib/content/load';
import type { ModuleFiles } from '@/lib/domain/module-draft';

/** The files of a module folder in `content/modules/`, as exact text, `teacher-notes/` included. */
export async function readModuleFolder(moduleId: string): Promise<ModuleFiles | null> {
  const dir = path.join(CONTENT_ROOT, 'modules', moduleId);
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return null;
  }
  const files: ModuleFiles = {};
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full).split(path.sep).join('/')] = await readFile(full, 'utf8');
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}
