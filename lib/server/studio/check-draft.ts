import 'server-only';
import path from 'node:path';
import { routing } from '@/i18n/routing';
import { checkModule } from '@/lib/content/check';
import type { ModuleFiles } from '@/lib/domain/module-draft';

/** A content-check problem of a draft, with `file` relative to the module folder (`pl.json`). */
export interface DraftCheckProblem {
  file: string;
  id: string;
  message: string;
}

/**
 * The content check (`npm run content:check`) on a draft's files, which `draftProblems` has
 * already passed (every file is JSON).
 */
export function checkDraftFiles(moduleId: string, files: ModuleFiles): DraftCheckProblem[] {
  const dir = path.join('content', 'modules', moduleId);
  const parse = (name: string): unknown => (files[name] === undefined ? undefined : JSON.parse(files[name]));
  const text: Record<string, unknown> = {};
  for (const locale of routing.locales) text[locale] = parse(`${locale}.json`);
  return checkModule({ structure: parse('structure.json'), text }, { dir }).map((problem) => ({
    ...problem,
    file: path.relative(dir, problem.file).split(path.sep).join('/'),
  }));
}
