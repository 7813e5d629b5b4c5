'use server';

import { getTranslations } from 'next-intl/server';
import { redirect } from '@/i18n/navigation';
import { isLocale, routing, type Locale } from '@/i18n/routing';
import type { StaffFormState } from '@/lib/api/staff-schemas';
import { isModuleId } from '@/lib/domain/module-draft';
import { AUTHOR_ROLES } from '@/lib/domain/staff-access';
import { requireStaff } from '@/lib/server/auth/current-staff';
import { getDatabase } from '@/lib/server/database';
import { readForm } from '@/lib/server/forms';
import { currentModuleVersion, exportModuleFiles } from '@/lib/content/modules';
import { findDraft, openDraft } from '@/lib/server/studio/drafts';
import { newModuleFiles } from '@/lib/server/studio/new-module';

const localeOf = (requested: string): Locale => (isLocale(requested) ? requested : routing.defaultLocale);

// eslint-disable-next-line no-control-regex -- the staff forms' rule (lib/server/forms.ts)
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Opens a published module as a draft (or the draft already open) and goes to the editor. */
export async function openModuleAction(requestedLocale: string, moduleId: string): Promise<void> {
  const locale = localeOf(requestedLocale);
  const staff = await requireStaff(locale, AUTHOR_ROLES, '/studio');
  if (!isModuleId(moduleId)) return redirect({ href: '/studio', locale });
  const db = await getDatabase();
  if ((await findDraft(db, moduleId)) === null) {
    const version = await currentModuleVersion(db, moduleId);
    if (version === undefined) return redirect({ href: '/studio', locale });
    const files = await exportModuleFiles(db, moduleId, version);
    await openDraft(db, { moduleId, files, translatedFrom: {}, baseVersion: version, openedBy: staff.id });
  }
  return redirect({ href: `/studio/${moduleId}`, locale });
}

/** A new module: its id and its title in every language, then the editor. */
export async function newModuleAction(requestedLocale: string, _previous: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const locale = localeOf(requestedLocale);
  const staff = await requireStaff(locale, AUTHOR_ROLES, '/studio');
  const names = ['moduleId', ...routing.locales.map((l) => `title-${l}`)];
  const input = readForm(formData, names);
  const t = await getTranslations({ locale, namespace: 'Studio.newModule.errors' });
  const errors: StaffFormState['errors'] = [];
  for (const name of names) {
    const value = input[name] ?? '';
    if (CONTROL.test(value)) errors.push({ field: name, message: t('controlCharacters') });
    else if (name === 'moduleId' && !isModuleId(value.trim())) errors.push({ field: name, message: t('badId') });
    else if (name !== 'moduleId' && value.trim() === '') errors.push({ field: name, message: t('titleMissing') });
    else if (value.length > 120) errors.push({ field: name, message: t('tooLong', { max: 120 }) });
  }
  if (errors.length > 0) return { errors, values: input };
  const moduleId = (input.moduleId ?? '').trim();
  const db = await getDatabase();
  if ((await findDraft(db, moduleId)) !== null || (await currentModuleVersion(db, moduleId)) !== undefined) {
    return { errors: [{ field: 'moduleId', message: t('taken') }], values: input };
  }
  const titles = Object.fromEntries(routing.locales.map((l) => [l, (input[`title-${l}`] ?? '').trim()]));
  await openDraft(db, { moduleId, files: newModuleFiles(moduleId, titles), translatedFrom: {}, baseVersion: null, openedBy: staff.id });
  return redirect({ href: `/studio/${moduleId}`, locale });
}
