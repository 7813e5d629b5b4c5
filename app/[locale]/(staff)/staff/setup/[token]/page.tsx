import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LinkUnusable } from '@/components/staff/LinkUnusable';
import { NewAccountForm } from '@/components/staff/NewAccountForm';
import { pageLocale } from '@/i18n/page-locale';
import { isSetupLinkUsable } from '@/lib/server/auth/setup';
import { getDatabase } from '@/lib/server/database';
import { setupAction } from './actions';
import { InsecureConnectionNotice } from '@/components/staff/InsecureConnectionNotice';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Staff.setup');
  return { title: t('pageTitle') };
}

/** The first administrator's account, from the link the server printed at its first start. */
export default async function SetupPage({ params }: PageProps<'/[locale]/staff/setup/[token]'>) {
  const locale = await pageLocale(params);
  const { token } = await params;
  if (!(await isSetupLinkUsable(await getDatabase(), token))) return <LinkUnusable kind="setup" />;
  const t = await getTranslations('Staff.setup');
  return (
    <>
      <h1>{t('heading')}</h1>
      <InsecureConnectionNotice />
      <p className="lead">{t('lead')}</p>
      <NewAccountForm action={setupAction.bind(null, locale, token)} submitLabel={t('submit')} />
    </>
  );
}
