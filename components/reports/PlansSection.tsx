import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { DisclosedClassReport, ReportContentText } from '@/lib/domain/class-report';
import type { ReportFigures } from './figures';
import { ShareBar } from './ShareBar';

interface Props {
  report: DisclosedClassReport;
  content: ReportContentText;
  figures: ReportFigures;
  locale: Locale;
}

/** The if–then plans picked, most common first; own plans only as a count. */
export async function PlansSection({ report, content, figures, locale }: Props) {
  const t = await getTranslations({ locale, namespace: 'Report.plans' });
  const { plans } = report;
  return (
    <section className="report-section" aria-labelledby="report-plans">
      <h2 id="report-plans">{t('heading')}</h2>
      <p>{t('lead')}</p>
      <table className="report-table">
        <caption>{t('caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plan')}</th>
            <th scope="col" className="report-num">
              {t('students')}
            </th>
            <th scope="col">{t('share')}</th>
          </tr>
        </thead>
        <tbody>
          {plans.plans.map((plan) => (
            <tr key={plan.planId}>
              <th scope="row">{t('planText', content.plan(plan.planId))}</th>
              <td className="report-num">{figures.count(plan.value)}</td>
              <td>
                <ShareBar share={plan.share} text={figures.share(plan.share)} />
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('ownPlans')}</th>
            <td className="report-num">{figures.count(plans.ownPlanWriters.value)}</td>
            <td>
              <ShareBar share={plans.ownPlanWriters.share} text={figures.share(plans.ownPlanWriters.share)} />
            </td>
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('answered')}</th>
            <td className="report-num">{figures.count(plans.answered)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
