import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { getModule } from '@/lib/content/load';
import { resultsFigures } from '@/lib/domain/results-report';
import type { ResultsPageData } from '@/lib/server/results-pages';
import { EvaluationReport } from './EvaluationReport';
import { resultsHrefs } from './paths';
import { ResultsFilterForm } from './ResultsFilterForm';
import { filterPhrases, resultsFigureText, resultsReportText } from './words';
import '@/components/reports/report.css';
import './results.css';

/** The printable evaluation report for the filters chosen; refused filters show the form instead. */
export async function ReportPageView({ locale, data }: { locale: Locale; data: ResultsPageData }) {
  const hrefs = resultsHrefs(locale, data.values);
  if (!data.ok) {
    const t = await getTranslations({ locale, namespace: 'Results' });
    return (
      <article className="results">
        <p className="eyebrow">{t('report.eyebrow')}</p>
        <h1>{t('report.invalidHeading')}</h1>
        <ResultsFilterForm locale={locale} action={hrefs.reportBase} options={data.options} values={data.values} problems={data.problems} />
      </article>
    );
  }
  const { view, filters } = data;
  const { text } = await getModule();
  const content = text[locale];
  const names = await resultsReportText(locale, content, view.organisationNames);
  return (
    <EvaluationReport
      locale={locale}
      results={view.results}
      figures={resultsFigures(view.results, names)}
      content={content}
      versions={[...new Set(view.quality.map((q) => q.contentVersion))]}
      phrases={await filterPhrases(locale, filters, view.organisationNames)}
      text={await resultsFigureText(locale)}
      csvHref={hrefs.csv}
      resultsHref={hrefs.overview}
    />
  );
}
