import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { firstScreen } from '@/components/player/first-screen';
import { Player } from '@/components/player/Player';
import { ResumeMarker } from '@/components/player/ResumeMarker';
import { pageLocale } from '@/i18n/page-locale';
import { getPlayerModule } from '@/lib/content/player';
import { buildJourney } from '@/lib/domain/journey';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Player');
  return { title: t('pageTitle') };
}

/** On your own: the intro, painted by the server; a device with a saved step goes back to it. */
export default async function LearnPage({ params }: PageProps<'/[locale]/learn'>) {
  const locale = await pageLocale(params);
  const module = await getPlayerModule(locale);
  const steps = buildJourney(module, { path: 'core', offerDeeper: true });
  const first = firstScreen(module, locale, steps, 0);
  return (
    <>
      <ResumeMarker storeKey={module.id} moduleText={first.moduleText} />
      <Player first={first} locale={locale} />
    </>
  );
}
