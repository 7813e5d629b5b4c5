import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SoloJourney } from '@/components/player/SoloJourney';
import { pageLocale } from '@/i18n/page-locale';
import { isModuleId } from '@/lib/domain/module-draft';
import { getDatabase } from '@/lib/server/database';
import { publishedModule } from '@/lib/server/session-module';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Player');
  return { title: t('pageTitle') };
}

/** One published module on your own, at its current version; a module never published is the locale's 404 page. */
export default async function LearnModulePage({ params }: PageProps<'/[locale]/learn/[moduleId]'>) {
  const locale = await pageLocale(params);
  const { moduleId } = await params;
  if (!isModuleId(moduleId)) notFound();
  const loaded = await publishedModule(await getDatabase(), moduleId);
  if (loaded === undefined) notFound();
  return <SoloJourney locale={locale} loaded={loaded} />;
}
