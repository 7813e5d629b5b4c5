import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { StaffNav } from '@/components/staff/StaffNav';
import { pageLocale } from '@/i18n/page-locale';
import { getCurrentStaff } from '@/lib/server/auth/current-staff';
import { signOutAction } from './staff/sign-out/actions';
import '@/components/staff/staff.css';

export const metadata: Metadata = {
  // For signed-in staff and single-use links: nothing for a search engine.
  robots: { index: false, follow: false },
  // The site-wide `Referrer-Policy: no-referrer` makes browsers send `Origin: null` with a
  // plain form post, which Next refuses for a Server Action; `same-origin` still sends nothing
  // to other sites (so no setup or invite token leaks) but lets the forms work without JavaScript.
  referrer: 'same-origin',
};

/**
 * Every staff page: the staff navigation when someone is signed in, and the strings the staff
 * client components need (the locale layout passes only the student's).
 */
export default async function StaffLayout({ children, params }: LayoutProps<'/[locale]'>) {
  const locale = await pageLocale(params);
  const [staff, messages] = await Promise.all([getCurrentStaff(), getMessages()]);
  return (
    <NextIntlClientProvider
      messages={{ Common: messages.Common, Staff: messages.Staff, Admin: messages.Admin, Teach: messages.Teach, Studio: messages.Studio }}
    >
      {staff !== null && <StaffNav staff={staff} signOut={signOutAction.bind(null, locale)} />}
      {children}
    </NextIntlClientProvider>
  );
}
