import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ResultsPageView } from '@/components/results/ResultsPageView';
import { pageLocale } from '@/i18n/page-locale';
import { requireStaff } from '@/lib/server/auth/current-staff';
import { loadResultsPage } from '@/lib/server/results-pages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Results');
  return { title: t('overview.pageTitle') };
}

/** Officers' results across schools, in a minute: who took part, what changed and how sure, what persists, what is risky; each with a link to its detail. */
export default async function ResultsPage({ params, searchParams }: PageProps<'/[locale]/results'>) {
  const locale = await pageLocale(params);
  await requireStaff(locale, ['officer', 'administrator'], '/results');
  return <ResultsPageView locale={locale} page="summary" data={await loadResultsPage(await searchParams)} />;
}
