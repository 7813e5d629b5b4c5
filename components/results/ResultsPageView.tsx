import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { getModule } from '@/lib/content/load';
import { resultsFigures } from '@/lib/domain/results-report';
import type { ResultsPageData } from '@/lib/server/results-pages';
import { resultsHrefs } from './paths';
import { QuestionQuality } from './QuestionQuality';
import { ResultsFilterForm } from './ResultsFilterForm';
import { DemoBanner, FilterSummary, ResultsNav } from './ResultsHeader';
import { ResultsOverview } from './ResultsOverview';
import { filterPhrases, resultsFigureText, resultsReportText } from './words';
import '@/components/reports/report.css';
import './results.css';

/** The results overview or the question-quality page: heading, filters, then the figures. */
export async function ResultsPageView({ locale, data, page }: { locale: Locale; data: ResultsPageData; page: 'overview' | 'questions' }) {
  const t = await getTranslations({ locale, namespace: 'Results' });
  const hrefs = resultsHrefs(locale, data.values);
  const options = data.ok ? data.view.options : data.options;
  const { text } = await getModule();
  const content = text[locale];

  let body = null;
  if (data.ok) {
    const { view, filters } = data;
    const phrases = await filterPhrases(locale, filters, view.organisationNames);
    const empty = view.results.headline.sessions === 0;
    const figureText = await resultsFigureText(locale);
    const names = await resultsReportText(locale, content, view.organisationNames);
    body = (
      <>
        {view.results.demo && <DemoBanner locale={locale} />}
        <FilterSummary locale={locale} phrases={phrases} />
        {empty ? (
          <div className="results-empty">
            <h2>{t('empty.heading')}</h2>
            <p>{t('empty.body')}</p>
            <p>
              <a href={page === 'overview' ? hrefs.overviewBase : hrefs.questionsBase}>{t('filters.clear')}</a>
            </p>
          </div>
        ) : page === 'overview' ? (
          <ResultsOverview
            locale={locale}
            results={view.results}
            figures={resultsFigures(view.results, names)}
            names={names}
            content={content}
            text={figureText}
          />
        ) : (
          <QuestionQuality locale={locale} quality={view.quality} structure={view.structure} content={content} text={figureText} />
        )}
      </>
    );
  }

  return (
    <article className="results">
      <p className="eyebrow">{t('eyebrow')}</p>
      <h1>{t(`${page}.heading`)}</h1>
      <p className="lead">{t(`${page}.lead`)}</p>
      <ResultsNav locale={locale} current={page} hrefs={hrefs} />
      <ResultsFilterForm
        locale={locale}
        action={page === 'overview' ? hrefs.overviewBase : hrefs.questionsBase}
        options={options}
        values={data.values}
        problems={data.ok ? [] : data.problems}
      />
      {body}
    </article>
  );
}
