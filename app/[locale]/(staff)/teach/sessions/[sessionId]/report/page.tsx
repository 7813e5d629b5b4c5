import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ClassReport } from '@/components/reports/ClassReport';
import { getPathname } from '@/i18n/navigation';
import { pageLocale } from '@/i18n/page-locale';
import { getModule } from '@/lib/content/load';
import { classViewReportPolicies, discloseClassReport, reportContentText } from '@/lib/domain/class-report';
import { requireStaff } from '@/lib/server/auth/current-staff';
import { findReportableSession, loadClassReportFor, reportDisclosurePolicies } from '@/lib/server/class-reports';
import { getDatabase } from '@/lib/server/database';

interface ReportPageProps {
  params: Promise<{ locale: string; sessionId: string }>;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Report');
  return { title: t('pageTitle') };
}

/** A class session's report for the teacher: every figure under the class-view disclosure rules. */
export default async function ClassReportPage({ params }: ReportPageProps) {
  const locale = await pageLocale(params);
  const { sessionId } = await params;
  const path = `/teach/sessions/${sessionId}`;
  const staff = await requireStaff(locale, undefined, `${path}/report`);
  const db = await getDatabase();
  const session = await findReportableSession(db, staff, sessionId);
  if (session === null) notFound();

  const { structure, text } = await getModule();
  const policies = reportDisclosurePolicies();
  const report = discloseClassReport(await loadClassReportFor(db, session, structure), classViewReportPolicies(policies));
  const now = new Date();
  const open = session.status === 'open' && (session.closesAt === null || session.closesAt > now);
  return (
    <ClassReport
      report={report}
      content={reportContentText(text[locale])}
      policies={policies}
      locale={locale}
      csvHref={getPathname({ href: `${path}/report/csv`, locale })}
      sessionHref={getPathname({ href: path, locale })}
      open={open}
    />
  );
}
