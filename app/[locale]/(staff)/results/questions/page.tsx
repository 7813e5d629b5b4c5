import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ResultsPageView } from '@/components/results/ResultsPageView';
import { pageLocale } from '@/i18n/page-locale';
import { requireStaff } from '@/lib/server/auth/current-staff';
import { loadResultsPage } from '@/lib/server/results-pages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Results');
  return { title: t('questions.pageTitle') };
}

/** Question quality: which questions are too easy, too hard or don't tell students apart. */
export default async function QuestionQualityPage({ params, searchParams }: PageProps<'/[locale]/results/questions'>) {
  const locale = await pageLocale(params);
  await requireStaff(locale, ['officer', 'administrator'], '/results/questions');
  return <ResultsPageView locale={locale} page="questions" data={await loadResultsPage(await searchParams)} />;
}
