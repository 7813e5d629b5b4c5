/**
 * What the studio's Server Actions return to the editor (components/studio), apart from the
 * server code so the editor, which runs in the browser, imports no zod or drizzle.
 */
import type { ModuleFiles } from '@/lib/domain/module-draft';

/** A content-check problem at its place: `file` in the module folder, `id` the content id or JSON path. */
export interface StudioProblem {
  file: string;
  id: string;
  message: string;
}

export type StudioCheckResult =
  /** The draft can't be stored as it is (size, control characters, not JSON): translated messages. */
  | { kind: 'refused'; errors: string[] }
  | { kind: 'checked'; problems: StudioProblem[] };

export type StudioSaveResult =
  | { kind: 'saved'; revision: number; savedAt: string }
  | { kind: 'conflict'; revision: number; files: ModuleFiles; updatedBy: string; updatedAt: string }
  /** The draft was discarded or published meanwhile. */
  | { kind: 'gone' }
  | { kind: 'refused'; errors: string[] };

export type TranslationsByLocale = Record<string, Record<string, string>>;
