import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { DisclosedClassReport, ReportContentText } from '@/lib/domain/class-report';
import { DistributionTable } from './DistributionTable';
import type { ReportFigures } from './figures';

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
      <DistributionTable
        id="report-plans"
        caption={t('caption')}
        columns={{ option: t('plan'), students: t('students'), share: t('share') }}
        rows={[
          ...plans.plans.map((plan) => ({ ...plan, key: `plan:${plan.planId}`, label: t('planText', content.plan(plan.planId)) })),
          { ...plans.ownPlanWriters, key: 'own', label: t('ownPlans') },
        ]}
        total={{ label: t('answered'), value: plans.answered }}
        figures={figures}
      />
    </section>
  );
}
