import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { ResultsPageData } from '@/lib/server/results-pages';
import { EvaluationReport } from './EvaluationReport';
import { resultsKit } from './kit';
import { resultsHrefs } from './paths';
import { ResultsFilterForm } from './ResultsFilterForm';
import { ResultsNav } from './ResultsHeader';
import { filterPhrases } from './words';
import '@/components/reports/report.css';
import './results.css';

/** The printable evaluation report for the filters chosen; refused filters show the form instead. */
export async function ReportPageView({ locale, data }: { locale: Locale; data: ResultsPageData }) {
  const hrefs = resultsHrefs(locale, data.values);
  const screenOnly = (
    <div className="results-screen-only">
      <ResultsNav locale={locale} current="report" hrefs={hrefs} />
      <div className="results-selection">
        <ResultsFilterForm
          locale={locale}
          action={hrefs.base('report')}
          options={data.ok ? data.view.options : data.options}
          values={data.values}
          problems={data.ok ? [] : data.problems}
        />
      </div>
    </div>
  );
  if (!data.ok) {
    const t = await getTranslations({ locale, namespace: 'Results' });
    return (
      <article className="results">
        <p className="eyebrow">{t('report.eyebrow')}</p>
        <h1>{t('report.invalidHeading')}</h1>
        {screenOnly}
      </article>
    );
  }
  const { view, filters } = data;
  return (
    <EvaluationReport
      kit={await resultsKit(locale, view)}
      versions={[...new Set(view.quality.map((q) => q.contentVersion))]}
      phrases={await filterPhrases(locale, filters, view.organisationNames)}
      hrefs={hrefs}
      screenOnly={screenOnly}
    />
  );
}
