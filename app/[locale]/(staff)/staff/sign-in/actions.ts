'use server';

import { headers } from 'next/headers';
import { redirect } from '@/i18n/navigation';
import { isLocale, routing } from '@/i18n/routing';
import { safeNextPath, signInBodySchema, type StaffFormState } from '@/lib/api/staff-schemas';
import { setStaffSessionCookie } from '@/lib/server/auth/current-staff';
import { signIn } from '@/lib/server/auth/sign-in';
import { getDatabase } from '@/lib/server/database';
import { failedForm, parseForm, readForm } from '@/lib/server/forms';
import { clientAddress } from '@/lib/server/client-address';

export async function signInAction(requestedLocale: string, _previous: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const locale = isLocale(requestedLocale) ? requestedLocale : routing.defaultLocale;
  const input = readForm(formData, ['email', 'password']);
  const values = { email: input.email };
  const parsed = parseForm(signInBodySchema, input);
  if (!parsed.ok) return failedForm(locale, parsed.problems, values);

  const result = await signIn(await getDatabase(), { ...parsed.data, address: clientAddress(await headers()) });
  if (!result.ok) {
    return failedForm(
      locale,
      [
        result.error === 'too_many_attempts'
          ? { field: 'email', key: 'tooManyAttempts', values: { minutes: Math.ceil(result.retryAfterMs / 60_000) } }
          : { field: 'email', key: 'wrongCredentials' },
      ],
      values,
    );
  }
  await setStaffSessionCookie(result.session);
  return redirect({ href: safeNextPath(formData.get('next')) ?? '/teach', locale });
}
