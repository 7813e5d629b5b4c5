import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ClassReport } from '@/components/reports/ClassReport';
import { getPathname } from '@/i18n/navigation';
import { pageLocale } from '@/i18n/page-locale';
import { discloseClassReport } from '@/lib/domain/class-report-disclosure';
import { reportContentText } from '@/lib/domain/class-report-text';
import { loadReleasedClassReport, reportDisclosurePolicies } from '@/lib/server/class-reports';
import { getDatabase } from '@/lib/server/database';
import { followUpOfSession } from '@/lib/server/follow-ups';
import { requireReportPage } from '@/lib/server/teach-pages';
import { moduleOfSession } from '@/lib/server/session-module';

interface ReportPageProps {
  params: Promise<{ locale: string; sessionId: string }>;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Report');
  return { title: t('pageTitle') };
}

/**
 * A class session's report for its organisation's teachers: nothing while the session takes
 * answers, then its final figures under the class-view disclosure rules.
 */
export default async function ClassReportPage({ params }: ReportPageProps) {
  const locale = await pageLocale(params);
  const { sessionId } = await params;
  const path = `/teach/sessions/${sessionId}`;
  const { session } = await requireReportPage(locale, sessionId, `${path}/report`);
  const db = await getDatabase();

  // The session's own module and version: its report reads as the class saw it.
  const { structure, text } = await moduleOfSession(db, session);
  const policies = reportDisclosurePolicies();
  const { session: about, release, report } = await loadReleasedClassReport(db, session, structure, new Date());
  const followUp = await followUpOfSession(db, session);
  return (
    <ClassReport
      session={about}
      release={release}
      report={report && discloseClassReport(structure, report, policies).page}
      content={reportContentText(text[locale])}
      policies={policies}
      locale={locale}
      csvHref={getPathname({ href: `${path}/report/csv`, locale })}
      sessionHref={getPathname({ href: path, locale })}
      follows={followUp?.follows ?? null}
    />
  );
}
