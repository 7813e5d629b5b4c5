import 'server-only';
import { checkModuleFiles } from '@/lib/content/modules';
import type { ModuleFiles } from '@/lib/domain/module-draft';

/** A content-check problem of a draft, with `file` a path in the module folder (`pl.json`). */
export interface DraftCheckProblem {
  file: string;
  id: string;
  message: string;
}

/**
 * The whole content check (`npm run content:check`, lib/content/check-files.ts) on a draft's
 * files, which `draftProblems` has already passed: the module must keep the draft's id.
 */
export async function checkDraftFiles(moduleId: string, files: ModuleFiles): Promise<DraftCheckProblem[]> {
  return (await checkModuleFiles(files, { moduleId })).map(({ file, id, message }) => ({ file, id, message }));
}
