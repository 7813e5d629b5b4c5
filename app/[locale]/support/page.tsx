import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SupportContacts } from '@/components/support/SupportContacts';
import { isLocale, routing } from '@/i18n/routing';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Support');
  return { title: t('pageTitle') };
}

export default async function SupportPage({ params }: PageProps<'/[locale]/support'>) {
  const { locale: requested } = await params;
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  setRequestLocale(locale);
  return <SupportContacts locale={locale} />;
}
