import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Player } from '@/components/player/Player';
import { isLocale, routing } from '@/i18n/routing';
import { getModule } from '@/lib/content/load';
import { toPlayerModule } from '@/lib/content/player';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Player');
  return { title: t('pageTitle') };
}

export default async function LearnPage({ params }: PageProps<'/[locale]/learn'>) {
  const { locale: requested } = await params;
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  setRequestLocale(locale);
  const module = toPlayerModule(await getModule(), locale);
  return <Player module={module} locale={locale} />;
}
