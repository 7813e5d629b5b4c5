'use server';

import { redirect } from '@/i18n/navigation';
import { isLocale, routing } from '@/i18n/routing';
import { endStaffSession } from '@/lib/server/auth/current-staff';

/** Signing out is a POST (a Server Action), so no link or prefetch can sign anyone out. */
export async function signOutAction(locale: string): Promise<void> {
  await endStaffSession();
  return redirect({ href: '/staff/sign-in?signedOut=1', locale: isLocale(locale) ? locale : routing.defaultLocale });
}
