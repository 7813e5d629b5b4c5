'use server';

import { refresh } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { isLocale, routing } from '@/i18n/routing';
import { createOrganisationBodySchema, type StaffFormState } from '@/lib/api/staff-schemas';
import { requireStaff } from '@/lib/server/auth/current-staff';
import { getDatabase } from '@/lib/server/database';
import { failedForm, parseForm, readForm } from '@/lib/server/forms';
import { createOrganisation } from '@/lib/server/organisations';

export async function createOrganisationAction(requestedLocale: string, _previous: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const locale = isLocale(requestedLocale) ? requestedLocale : routing.defaultLocale;
  await requireStaff(locale, ['administrator'], '/admin/organisations');
  const input = readForm(formData, ['name', 'kind', 'area']);
  const parsed = parseForm(createOrganisationBodySchema, input);
  if (!parsed.ok) return failedForm(locale, parsed.problems, input);

  const result = await createOrganisation(await getDatabase(), parsed.data);
  if (!result.ok) return failedForm(locale, [{ field: 'name', key: 'organisationNameTaken' }], input);
  refresh(); // the list on the page
  const t = await getTranslations({ locale, namespace: 'Admin.organisations' });
  return { errors: [], values: {}, notice: t('created', { name: result.organisation.name }) };
}
