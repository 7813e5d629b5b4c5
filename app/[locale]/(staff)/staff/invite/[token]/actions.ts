'use server';

import { redirect } from '@/i18n/navigation';
import { isLocale, routing } from '@/i18n/routing';
import { acceptInviteBodySchema, type StaffFormState } from '@/lib/api/staff-schemas';
import { startStaffSession } from '@/lib/server/auth/current-staff';
import { acceptInvite } from '@/lib/server/auth/invites';
import { getDatabase } from '@/lib/server/database';
import { failedForm, parseForm, readForm } from '@/lib/server/forms';

export async function acceptInviteAction(
  requestedLocale: string,
  token: string,
  _previous: StaffFormState,
  formData: FormData,
): Promise<StaffFormState> {
  const locale = isLocale(requestedLocale) ? requestedLocale : routing.defaultLocale;
  const input = readForm(formData, ['displayName', 'email', 'password', 'confirmPassword']);
  const values = { displayName: input.displayName, email: input.email };
  const parsed = parseForm(acceptInviteBodySchema, input);
  if (!parsed.ok) return failedForm(locale, parsed.problems, values);

  const result = await acceptInvite(await getDatabase(), token, parsed.data);
  if (!result.ok && result.error === 'email_taken') return failedForm(locale, [{ field: 'email', key: 'emailTaken' }], values);
  // Used meanwhile or expired: the page now says so, and nothing was created.
  if (!result.ok) return redirect({ href: `/staff/invite/${encodeURIComponent(token)}`, locale });
  console.info(`[auth] invite accepted: new ${result.role} account`);
  await startStaffSession(result.userId);
  return redirect({ href: result.role === 'administrator' ? '/admin' : '/teach', locale });
}
