/**
 * What the studio's Server Actions return to the editor (components/studio), apart from the
 * server code so the editor, which runs in the browser, imports no zod or drizzle.
 */
import type { PlayerModule } from '@/lib/content/player';
import type { JourneyStep } from '@/lib/domain/journey';
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

export type StudioPublishResult =
  | { kind: 'published'; version: string; publishedAt: string; changes: { file: string; path: string; change: string }[]; more: number }
  /** The check found problems: nothing was published. */
  | { kind: 'problems'; problems: StudioProblem[] }
  /** Unsaved changes, or someone saved since: save (or resolve) first. */
  | { kind: 'stale' }
  | { kind: 'refused'; errors: string[] };

export type StudioImportResult =
  | { kind: 'imported'; revision: number; files: ModuleFiles; translatedFrom: TranslationsByLocale }
  | { kind: 'problems'; problems: StudioProblem[] }
  | { kind: 'conflict' }
  | { kind: 'refused'; errors: string[] };

/** A draft as the player shows it, per locale, with the screens of the longest journey and the player's strings. */
export type StudioPreviewResult =
  | { kind: 'preview'; modules: Record<string, PlayerModule>; steps: JourneyStep[]; messages: Record<string, Record<string, unknown>> }
  /** The draft does not match the schema yet: no screen can be drawn from it. */
  | { kind: 'invalid' };
