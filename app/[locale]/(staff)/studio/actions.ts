'use server';

import { getTranslations } from 'next-intl/server';
import { isLocale, routing, type Locale } from '@/i18n/routing';
import type { StudioCheckResult, StudioImportResult, StudioPreviewResult, StudioPublishResult, StudioSaveResult } from '@/lib/api/studio-state';
import { loadMessages } from '@/messages';
import { previewDraft } from '@/lib/server/studio/preview';
import { publishModuleVersion } from '@/lib/content/modules';
import { translatedFromNow } from '@/lib/domain/module-strings';
import { draftProblems, isModuleId, readTranslatedFrom, requiredModuleFiles, type DraftProblem, type ModuleFiles } from '@/lib/domain/module-draft';
import { AUTHOR_ROLES } from '@/lib/domain/staff-access';
import { requireStaff } from '@/lib/server/auth/current-staff';
import { getDatabase } from '@/lib/server/database';
import { checkDraftFiles } from '@/lib/server/studio/check-draft';
import { discardDraft, findDraft, saveDraft } from '@/lib/server/studio/drafts';

/**
 * The editor's calls (components/studio/StudioEditor.tsx): the content check as the officer
 * types, and saving. Officers and administrators only; the arguments come from the browser, so
 * each is checked here, and a bad one gets translated messages and changes nothing.
 */

function localeOf(requested: unknown): Locale {
  return typeof requested === 'string' && isLocale(requested) ? requested : routing.defaultLocale;
}

async function draftErrors(locale: Locale, problems: readonly DraftProblem[]): Promise<string[]> {
  const t = await getTranslations({ locale, namespace: 'Studio.draftErrors' });
  return problems.map((problem) => t(problem.key, { file: problem.file ?? '', ...problem.values }));
}

export async function checkDraftAction(requestedLocale: string, moduleId: string, files: ModuleFiles): Promise<StudioCheckResult> {
  const locale = localeOf(requestedLocale);
  await requireStaff(locale, AUTHOR_ROLES);
  if (!isModuleId(moduleId)) return { kind: 'refused', errors: await draftErrors(locale, [{ key: 'badModule' }]) };
  const problems = draftProblems(files, requiredModuleFiles(routing.locales));
  if (problems.length > 0) return { kind: 'refused', errors: await draftErrors(locale, problems) };
  return { kind: 'checked', problems: await checkDraftFiles(moduleId, files) };
}

export async function saveDraftAction(
  requestedLocale: string,
  moduleId: string,
  baseRevision: number,
  files: ModuleFiles,
  translatedFrom: Record<string, Record<string, string>>,
): Promise<StudioSaveResult> {
  const locale = localeOf(requestedLocale);
  const staff = await requireStaff(locale, AUTHOR_ROLES);
  if (!isModuleId(moduleId) || !Number.isSafeInteger(baseRevision) || baseRevision < 1) {
    return { kind: 'refused', errors: await draftErrors(locale, [{ key: 'badModule' }]) };
  }
  const problems = draftProblems(files, requiredModuleFiles(routing.locales));
  const from = readTranslatedFrom(translatedFrom, routing.locales);
  if (from === null) problems.push({ key: 'badTranslatedFrom' });
  if (problems.length > 0 || from === null) return { kind: 'refused', errors: await draftErrors(locale, problems) };
  const outcome = await saveDraft(await getDatabase(), { moduleId, baseRevision, files, translatedFrom: from, updatedBy: staff.id });
  if (outcome.kind === 'saved') return { ...outcome, savedAt: new Date().toISOString() };
  return outcome;
}

/**
 * Publishes the saved draft at `revision` as the module's new version (lib/content/modules.ts:
 * the whole check again, who and when, what changed), then ends the draft. Unsaved changes or a
 * newer save by someone else: nothing is published.
 */
export async function publishDraftAction(requestedLocale: string, moduleId: string, revision: number): Promise<StudioPublishResult> {
  const locale = localeOf(requestedLocale);
  const staff = await requireStaff(locale, AUTHOR_ROLES);
  if (!isModuleId(moduleId) || !Number.isSafeInteger(revision)) return { kind: 'refused', errors: await draftErrors(locale, [{ key: 'badModule' }]) };
  const db = await getDatabase();
  const draft = await findDraft(db, moduleId);
  if (draft === null || draft.revision !== revision) return { kind: 'stale' };
  const result = await publishModuleVersion(db, { moduleId, files: draft.files, publishedBy: staff.id });
  if (!result.ok) return { kind: 'problems', problems: result.problems.map(({ file, id, message }) => ({ file, id, message })) };
  await discardDraft(db, moduleId, revision);
  return {
    kind: 'published',
    version: result.version,
    publishedAt: result.publishedAt.toISOString(),
    changes: result.changes.slice(0, 100).map(({ file, path, change }) => ({ file, path, change })),
    more: Math.max(0, result.changes.length - 100),
  };
}

/**
 * Replaces the draft with files from a module folder (a team that keeps its modules in git): the
 * same checks as a save and then the whole content check; any problem and nothing changes.
 */
export async function importDraftAction(requestedLocale: string, moduleId: string, baseRevision: number, files: ModuleFiles): Promise<StudioImportResult> {
  const locale = localeOf(requestedLocale);
  const staff = await requireStaff(locale, AUTHOR_ROLES);
  if (!isModuleId(moduleId) || !Number.isSafeInteger(baseRevision)) return { kind: 'refused', errors: await draftErrors(locale, [{ key: 'badModule' }]) };
  const problems = draftProblems(files, requiredModuleFiles(routing.locales));
  if (problems.length > 0) return { kind: 'refused', errors: await draftErrors(locale, problems) };
  const checked = await checkDraftFiles(moduleId, files);
  if (checked.length > 0) return { kind: 'problems', problems: checked };
  const source = JSON.parse(files[`${routing.defaultLocale}.json`] ?? '{}') as unknown;
  const translatedFrom = Object.fromEntries(
    routing.locales.filter((l) => l !== routing.defaultLocale).map((l) => [l, translatedFromNow(source, JSON.parse(files[`${l}.json`] ?? '{}'))]),
  );
  const outcome = await saveDraft(await getDatabase(), { moduleId, baseRevision, files, translatedFrom, updatedBy: staff.id });
  if (outcome.kind === 'saved') return { kind: 'imported', revision: outcome.revision, files, translatedFrom };
  return { kind: 'conflict' };
}

/** The draft's screens as a student sees them, in every locale, for the editor's phone-sized preview. */
export async function previewDraftAction(requestedLocale: string, files: ModuleFiles): Promise<StudioPreviewResult> {
  const locale = localeOf(requestedLocale);
  await requireStaff(locale, AUTHOR_ROLES);
  if (draftProblems(files, requiredModuleFiles(routing.locales)).length > 0) return { kind: 'invalid' };
  const preview = previewDraft(files);
  if (preview === null) return { kind: 'invalid' };
  const messages: Record<string, Record<string, unknown>> = {};
  for (const l of routing.locales) {
    const all = await loadMessages(l);
    messages[l] = { Common: all.Common, Player: all.Player, Session: all.Session };
  }
  return { kind: 'preview', ...preview, messages };
}
