'use server';

import { redirect } from '@/i18n/navigation';
import { isLocale, routing } from '@/i18n/routing';
import { setupBodySchema, type StaffFormState } from '@/lib/api/staff-schemas';
import { startStaffSession } from '@/lib/server/auth/current-staff';
import { completeSetup } from '@/lib/server/auth/setup';
import { getDatabase } from '@/lib/server/database';
import { failedForm, parseForm, readForm } from '@/lib/server/forms';

export async function setupAction(
  requestedLocale: string,
  token: string,
  _previous: StaffFormState,
  formData: FormData,
): Promise<StaffFormState> {
  const locale = isLocale(requestedLocale) ? requestedLocale : routing.defaultLocale;
  const input = readForm(formData, ['displayName', 'email', 'password', 'confirmPassword']);
  const values = { displayName: input.displayName, email: input.email };
  const parsed = parseForm(setupBodySchema, input);
  if (!parsed.ok) return failedForm(locale, parsed.problems, values);

  const result = await completeSetup(await getDatabase(), token, parsed.data);
  // The link was used meanwhile (or expired): the page now says so, and nothing was created.
  if (!result.ok) return redirect({ href: `/staff/setup/${encodeURIComponent(token)}`, locale });
  console.info('[auth] first administrator created');
  await startStaffSession(result.userId);
  return redirect({ href: '/admin', locale });
}
