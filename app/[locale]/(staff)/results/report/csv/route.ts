import { getTranslations } from 'next-intl/server';
import { resultsCsvLabels } from '@/components/results/csv-labels';
import { filterPhrases, resultsReportText } from '@/components/results/words';
import { isLocale, routing, type Locale } from '@/i18n/routing';
import { parseResultsQuery } from '@/lib/api/results-query';
import { resultsCsvFilename, resultsFigures, writeResultsCsv } from '@/lib/domain/results-report';
import { getCurrentStaff } from '@/lib/server/auth/current-staff';
import { getDatabase } from '@/lib/server/database';
import { loadOfficerResults } from '@/lib/server/officer-results';
import { describeError } from '@/lib/server/error-log';

const ROUTE = 'GET /[locale]/results/report/csv';

function text(body: string, status: number): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

async function statusText(locale: Locale, status: 404 | 500): Promise<Response> {
  const t = await getTranslations({ locale, namespace: 'Common' });
  return text(status === 404 ? t('notFoundTitle') : t('errorTitle'), status);
}

/**
 * The evaluation report's figures as CSV, one per row: the same disclosed results and the same
 * figure list as the report page. Signed out or not an officer or administrator: the same 404
 * as a page that doesn't exist.
 */
export async function GET(request: Request, { params }: RouteContext<'/[locale]/results/report/csv'>): Promise<Response> {
  const { locale: requested } = await params;
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  if (!isLocale(requested)) return statusText(locale, 404);
  try {
    const staff = await getCurrentStaff();
    if (staff === null || (staff.role !== 'officer' && staff.role !== 'administrator')) return statusText(locale, 404);
    const parsed = parseResultsQuery(new URL(request.url).searchParams);
    if (!parsed.ok) {
      const t = await getTranslations({ locale, namespace: 'Results.filterErrors' });
      return text(parsed.problems.map((p) => `${p.field}: ${t(p.key)}`).join('\n'), 400);
    }
    const view = await loadOfficerResults(await getDatabase(), parsed.filters);
    const names = await resultsReportText(locale, view.moduleText[locale], view.organisationNames);
    const labels = await resultsCsvLabels(locale, view.results.policy, {
      phrases: await filterPhrases(locale, parsed.filters, view.organisationNames),
      demo: view.results.demo,
      stillOpen: view.stillOpen,
    });
    return new Response(writeResultsCsv(resultsFigures(view.results, names), labels), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${resultsCsvFilename(parsed.filters, view.moduleId)}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    console.error(`[results] 500 ${ROUTE}: ${describeError(error)}`);
    return statusText(locale, 500);
  }
}
