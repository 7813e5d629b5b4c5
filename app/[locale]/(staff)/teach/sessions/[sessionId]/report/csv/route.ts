import { getTranslations } from 'next-intl/server';
import { isLocale, routing, type Locale } from '@/i18n/routing';
import { reportCsvLabels } from '@/components/reports/csv-labels';
import { discloseClassReport } from '@/lib/domain/class-report-disclosure';
import { reportContentText } from '@/lib/domain/class-report-text';
import { reportCsvFilename, writeReportCsv } from '@/lib/domain/report-csv';
import { getCurrentStaff } from '@/lib/server/auth/current-staff';
import { findReportableSession, loadReleasedClassReport, reportDisclosurePolicies } from '@/lib/server/class-reports';
import { getDatabase } from '@/lib/server/database';
import { describeError } from '@/lib/server/error-log';
import { moduleOfSession } from '@/lib/server/session-module';

interface CsvRouteContext {
  params: Promise<{ locale: string; sessionId: string }>;
}

const ROUTE = 'GET /[locale]/teach/sessions/[sessionId]/report/csv';

/**
 * Plain text for a status with no file: the same 404 for "not signed in", "no such session" and
 * "not yours" (an officer included); 409 while the figures are held back or gone.
 */
async function textResponse(locale: Locale, status: 404 | 409 | 500): Promise<Response> {
  const t = await getTranslations({ locale, namespace: 'Common' });
  const report = await getTranslations({ locale, namespace: 'Report.release' });
  const text = status === 404 ? t('notFoundTitle') : status === 409 ? report('csv') : t('errorTitle');
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/** The session report as CSV, once its figures are final, under the export disclosure rules (k = 10, rounded to 5). */
export async function GET(_request: Request, { params }: CsvRouteContext): Promise<Response> {
  const { locale: requested, sessionId } = await params;
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  if (!isLocale(requested)) return textResponse(locale, 404);
  try {
    const staff = await getCurrentStaff();
    if (staff === null) return textResponse(locale, 404);
    const db = await getDatabase();
    const session = await findReportableSession(db, staff, sessionId);
    if (session === null) return textResponse(locale, 404);

    const { structure, text } = await moduleOfSession(db, session);
    const policies = reportDisclosurePolicies();
    const released = await loadReleasedClassReport(db, session, structure, new Date());
    if (released.report === null) return textResponse(locale, 409);
    // Made from the page's figures, so the file and the page together tell no more than the page.
    const report = discloseClassReport(structure, released.report, policies).file();
    const csv = writeReportCsv(report, await reportCsvLabels(locale, policies), reportContentText(text[locale]));
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${reportCsvFilename(session.joinCode, session.createdAt)}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    console.error(`[reports] 500 ${ROUTE}: ${describeError(error)}`);
    return textResponse(locale, 500);
  }
}
