import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/staff/SignInForm';
import { redirect } from '@/i18n/navigation';
import { pageLocale } from '@/i18n/page-locale';
import { safeNextPath } from '@/lib/api/staff-schemas';
import { getCurrentStaff } from '@/lib/server/auth/current-staff';
import { signInAction } from './actions';
import { InsecureConnectionNotice } from '@/components/staff/InsecureConnectionNotice';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Staff.signIn');
  return { title: t('pageTitle') };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** `?next=/teach/…` comes back there after signing in; `?signedOut=1` confirms a sign-out. */
export default async function SignInPage({ params, searchParams }: PageProps<'/[locale]/staff/sign-in'>) {
  const locale = await pageLocale(params);
  const query = await searchParams;
  const next = safeNextPath(first(query.next));
  if ((await getCurrentStaff()) !== null) return redirect({ href: next ?? '/teach', locale });
  const t = await getTranslations('Staff.signIn');
  return (
    <>
      {first(query.signedOut) === '1' && (
        <p className="notice" role="status">
          {t('signedOut')}
        </p>
      )}
      <h1>{t('heading')}</h1>
      <InsecureConnectionNotice />
      <p className="lead">{t('lead')}</p>
      <SignInForm action={signInAction.bind(null, locale)} next={next} />
      <p className="muted">{t('noAccount')}</p>
    </>
  );
}
