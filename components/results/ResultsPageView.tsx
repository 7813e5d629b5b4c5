import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { ResultsPageData } from '@/lib/server/results-pages';
import { ResultsDetailBody } from './details/ResultsDetailBody';
import { resultsKit } from './kit';
import { resultsHrefs, type ResultsHrefs, type ResultsPage } from './paths';
import { QuestionQuality } from './QuestionQuality';
import { ResultsFilterForm } from './ResultsFilterForm';
import { DemoBanner, FilterSummary, ResultsDisclosureNote, ResultsNav, StillOpenNotice, UncertaintyNote } from './ResultsHeader';
import { ResultsSummary } from './ResultsSummary';
import { filterPhrases } from './words';
import '@/components/reports/report.css';
import './results.css';

type ResultsScreen = Exclude<ResultsPage, 'report'>;

/**
 * A results page on screen: heading, the pages' nav, the selection in words with the filter
 * form folded under it, then the summary, one detail page or question quality; the notes on
 * privacy (and on intervals, where changes show) last.
 */
export async function ResultsPageView({ locale, data, page }: { locale: Locale; data: ResultsPageData; page: ResultsScreen }) {
  const t = await getTranslations({ locale, namespace: 'Results' });
  const hrefs = resultsHrefs(locale, data.values);
  const heading = page === 'summary' ? t('overview.heading') : page === 'questions' ? t('questions.heading') : t(`detail.${page}.heading`);
  const lead = page === 'summary' ? t('overview.lead') : page === 'questions' ? t('questions.lead') : t(`detail.${page}.lead`);

  if (!data.ok) {
    return (
      <article className="results">
        <ResultsTop locale={locale} page={page} heading={heading} lead={lead} hrefs={hrefs} />
        <div className="results-selection">
          <ResultsFilterForm locale={locale} action={hrefs.base(page)} options={data.options} values={data.values} problems={data.problems} />
        </div>
      </article>
    );
  }

  const { view, filters } = data;
  const empty = view.results.headline.sessions === 0;
  const kit = await resultsKit(locale, view);
  return (
    <article className="results">
      <ResultsTop locale={locale} page={page} heading={heading} lead={lead} hrefs={hrefs} />
      {view.results.demo && <DemoBanner locale={locale} />}
      <div className="results-selection">
        <FilterSummary locale={locale} phrases={await filterPhrases(locale, filters, view.organisationNames)} />
        <ResultsFilterForm locale={locale} action={hrefs.base(page)} options={view.options} values={data.values} problems={[]} />
      </div>
      {/* The summary says it among who took part; the other pages under the selection. */}
      {(page !== 'summary' || empty) && <StillOpenNotice locale={locale} count={view.stillOpen} />}
      {empty ? (
        <div className="results-empty">
          <h2>{t('empty.heading')}</h2>
          <p>{t('empty.body')}</p>
          <p>
            <a href={hrefs.base(page)}>{t('filters.clear')}</a>
          </p>
        </div>
      ) : (
        <>
          {page === 'summary' ? (
            <ResultsSummary kit={kit} hrefs={hrefs} />
          ) : page === 'questions' ? (
            <QuestionQuality locale={locale} quality={view.quality} positions={view.positions} structure={view.structure} content={kit.content} text={kit.text} />
          ) : (
            <ResultsDetailBody kit={kit} page={page} />
          )}
          {(page === 'summary' || page === 'change') && <UncertaintyNote locale={locale} />}
          <ResultsDisclosureNote locale={locale} policy={view.results.policy} />
        </>
      )}
    </article>
  );
}

/** Eyebrow, heading, lead and the results pages' nav. */
async function ResultsTop({ locale, page, heading, lead, hrefs }: { locale: Locale; page: ResultsPage; heading: string; lead: string; hrefs: ResultsHrefs }) {
  const t = await getTranslations({ locale, namespace: 'Results' });
  return (
    <>
      <p className="eyebrow">{t('eyebrow')}</p>
      <h1>{heading}</h1>
      <p className="lead">{lead}</p>
      <ResultsNav locale={locale} current={page} hrefs={hrefs} />
    </>
  );
}
