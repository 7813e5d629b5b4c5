'use server';

import { getTranslations } from 'next-intl/server';
import { isLocale, routing, type Locale } from '@/i18n/routing';
import type { StudioCheckResult, StudioSaveResult } from '@/lib/api/studio-state';
import { draftProblems, isModuleId, readTranslatedFrom, requiredModuleFiles, type DraftProblem, type ModuleFiles } from '@/lib/domain/module-draft';
import { AUTHOR_ROLES } from '@/lib/domain/staff-access';
import { requireStaff } from '@/lib/server/auth/current-staff';
import { getDatabase } from '@/lib/server/database';
import { checkDraftFiles } from '@/lib/server/studio/check-draft';
import { saveDraft } from '@/lib/server/studio/drafts';

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
  return { kind: 'checked', problems: checkDraftFiles(moduleId, files) };
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
