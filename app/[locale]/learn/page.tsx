import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Player } from '@/components/player/Player';
import { pageLocale } from '@/i18n/page-locale';
import { getPlayerModule } from '@/lib/content/player';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Player');
  return { title: t('pageTitle') };
}

export default async function LearnPage({ params }: PageProps<'/[locale]/learn'>) {
  const locale = await pageLocale(params);
  const module = await getPlayerModule(locale);
  return <Player module={module} locale={locale} />;
}
