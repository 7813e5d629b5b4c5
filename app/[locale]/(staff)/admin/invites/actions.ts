'use server';

import { refresh } from 'next/cache';
import { headers } from 'next/headers';
import { formatStaffDateTime } from '@/components/staff/format-date';
import { isLocale, routing } from '@/i18n/routing';
import { createInviteBodySchema, type StaffFormState } from '@/lib/api/staff-schemas';
import { requireStaff } from '@/lib/server/auth/current-staff';
import { createInvite, inviteOrigin } from '@/lib/server/auth/invites';
import { getDatabase } from '@/lib/server/database';
import { failedForm, parseForm, readForm } from '@/lib/server/forms';

export async function createInviteAction(requestedLocale: string, _previous: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const locale = isLocale(requestedLocale) ? requestedLocale : routing.defaultLocale;
  const staff = await requireStaff(locale, ['administrator', 'officer'], '/admin/invites');
  const input = readForm(formData, ['role', 'organisationId']);
  const parsed = parseForm(createInviteBodySchema, input);
  if (!parsed.ok) return failedForm(locale, parsed.problems, input);

  const origin = inviteOrigin((await headers()).get('origin'));
  const result = await createInvite(await getDatabase(), staff, parsed.data, { origin, locale });
  if (!result.ok) {
    const problem = result.error === 'forbidden' ? ({ field: 'role', key: 'roleNotAllowed' } as const) : ({ field: 'organisationId', key: 'organisationMissing' } as const);
    return failedForm(locale, [problem], input);
  }
  console.info(`[auth] invite created for a new ${parsed.data.role}`);
  refresh(); // the list of pending invites
  return { errors: [], values: {}, invite: { link: result.link, expires: await formatStaffDateTime(locale, result.expiresAt) } };
}
