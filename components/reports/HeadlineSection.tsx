import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { DisclosedClassReport } from '@/lib/domain/class-report';
import type { ReportFigures } from './figures';
import { NumberHeader } from './ReportTable';

/** How many joined, started and finished; in a follow-up, how many devices paired with the first session. */
export async function HeadlineSection({ report, figures, locale }: { report: DisclosedClassReport; figures: ReportFigures; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Report.headline' });
  const rows = [
    { key: 'joined', label: t('joined'), value: report.headline.joined },
    { key: 'started', label: t('started'), value: report.headline.started },
    { key: 'finished', label: t('finished'), value: report.headline.finished },
    ...(report.pairedDevices === null ? [] : [{ key: 'paired', label: t('paired'), value: report.pairedDevices }]),
  ];
  return (
    <section className="report-section" aria-labelledby="report-headline">
      <h2 id="report-headline">{t('heading')}</h2>
      <table className="report-table report-table--narrow">
        <caption>{t('caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('measure')}</th>
            <NumberHeader>{t('count')}</NumberHeader>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="report-num">{figures.count(row.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {report.session.followUp ? t('finishedFollowUp') : report.session.beforeAfter ? t('finishedAfter') : t('finishedPlan')}
      </p>
    </section>
  );
}
