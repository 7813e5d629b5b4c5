import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SupportContacts } from '@/components/support/SupportContacts';
import { pageLocale } from '@/i18n/page-locale';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Support');
  return { title: t('pageTitle') };
}

export default async function SupportPage({ params }: PageProps<'/[locale]/support'>) {
  const locale = await pageLocale(params);
  return <SupportContacts locale={locale} />;
}
