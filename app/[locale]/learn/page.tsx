import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SoloJourney } from '@/components/player/SoloJourney';
import { pageLocale } from '@/i18n/page-locale';
import { getDatabase } from '@/lib/server/database';
import { currentModule } from '@/lib/server/session-module';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Player');
  return { title: t('pageTitle') };
}

/** On your own, the address before there were several modules: roads-kill's current published version. */
export default async function LearnPage({ params }: PageProps<'/[locale]/learn'>) {
  const locale = await pageLocale(params);
  return <SoloJourney locale={locale} loaded={await currentModule(await getDatabase())} />;
}
