import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { isResultsDetail } from '@/components/results/paths';
import { ResultsPageView } from '@/components/results/ResultsPageView';
import { pageLocale } from '@/i18n/page-locale';
import { requireStaff } from '@/lib/server/auth/current-staff';
import { loadResultsPage } from '@/lib/server/results-pages';

export async function generateMetadata({ params }: PageProps<'/[locale]/results/[section]'>): Promise<Metadata> {
  const { section } = await params;
  const t = await getTranslations('Results');
  return isResultsDetail(section) ? { title: t(`detail.${section}.pageTitle`) } : {};
}

/** One detail page behind the results summary (knowledge, beliefs, change, stories, plans, trends): every chart and table of it. */
export default async function ResultsDetailPage({ params, searchParams }: PageProps<'/[locale]/results/[section]'>) {
  const locale = await pageLocale(params);
  const { section } = await params;
  if (!isResultsDetail(section)) notFound();
  await requireStaff(locale, ['officer', 'administrator'], `/results/${section}`);
  return <ResultsPageView locale={locale} page={section} data={await loadResultsPage(await searchParams)} />;
}
