import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ReportPageView } from '@/components/results/ReportPageView';
import { pageLocale } from '@/i18n/page-locale';
import { requireStaff } from '@/lib/server/auth/current-staff';
import { loadResultsPage } from '@/lib/server/results-pages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Results');
  return { title: t('report.pageTitle') };
}

/** The printable evaluation report (E-valu-it shape), with the same figures as its CSV. */
export default async function EvaluationReportPage({ params, searchParams }: PageProps<'/[locale]/results/report'>) {
  const locale = await pageLocale(params);
  await requireStaff(locale, ['officer', 'administrator'], '/results/report');
  return <ReportPageView locale={locale} data={await loadResultsPage(await searchParams)} />;
}
