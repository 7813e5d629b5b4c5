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

/** Officers' results across schools: filters, headline figures, and every measure as a chart and a table. */
export default async function ResultsPage({ params, searchParams }: PageProps<'/[locale]/results'>) {
  const locale = await pageLocale(params);
  await requireStaff(locale, ['officer', 'administrator'], '/results');
  return <ResultsPageView locale={locale} page="overview" data={await loadResultsPage(await searchParams)} />;
}
