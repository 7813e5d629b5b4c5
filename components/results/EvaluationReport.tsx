import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { ModuleText } from '@/lib/content/schema';
import type { DisclosedOfficerResults } from '@/lib/domain/officer-disclosure';
import { RESULTS_SECTIONS, type ResultsFigure } from '@/lib/domain/results-report';
import { FigureTable } from './FigureTable';
import { DemoBanner, FilterSummary, ResultsDisclosureNote } from './ResultsHeader';
import type { FigureText } from './words';

interface Props {
  locale: Locale;
  results: DisclosedOfficerResults;
  /** The same figures the CSV writes. */
  figures: readonly ResultsFigure[];
  content: ModuleText;
  versions: readonly string[];
  phrases: readonly string[];
  text: FigureText;
  csvHref: string;
  resultsHref: string;
}

const LIMITATIONS = ['selfReport', 'ceiling', 'noControl', 'attrition', 'pairing', 'terms', 'disclosure'] as const;

/**
 * The evaluation report in the shape of RoSPA's E-valu-it toolkit: aim, the module, method,
 * sample and attrition, results with their n, and limitations. Prints cleanly (report.css,
 * results.css): the actions are left off the printout, tables keep their header rows.
 */
export async function EvaluationReport({ locale, results, figures, content, versions, phrases, text, csvHref, resultsHref }: Props) {
  const t = await getTranslations({ locale, namespace: 'Results' });
  const format = await getFormatter({ locale });
  const measureName = (m: ResultsFigure['measure']) => t(`measures.${m}`);
  const table = (id: string, caption: string, rows: readonly ResultsFigure[]) =>
    rows.length === 0 ? null : (
      <FigureTable
        id={id}
        caption={caption}
        figures={rows}
        itemHeader={t(`report.itemHeaders.${rows[0]?.section ?? 'sample'}`)}
        measureName={measureName}
        outOf={t('tables.outOf')}
        valueHeader={t('tables.value')}
        text={text}
      />
    );
  const of = (section: ResultsFigure['section']) => figures.filter((f) => f.section === section);
  const waves = figures.filter((f) => f.section === 'change' && f.item === 'knowledge' && ['nBefore', 'nAfter', 'nMatched', 'attrition'].includes(f.measure));
  const resultSections = RESULTS_SECTIONS.filter((s) => s !== 'sample');
  const { k, roundTo } = results.policy;

  return (
    <article className="report results-report">
      <p className="eyebrow">{t('report.eyebrow')}</p>
      <h1>{t('report.heading', { module: content.title })}</h1>
      <p className="results-report__date">{t('report.produced', { date: format.dateTime(new Date(), { dateStyle: 'long' }) })}</p>
      {results.demo && <DemoBanner locale={locale} />}
      <FilterSummary locale={locale} phrases={phrases} />

      <nav className="report-actions" aria-label={t('report.actionsLabel')}>
        <p>
          <a className="button" href={csvHref} download>
            {t('report.downloadCsv')}
          </a>
        </p>
        <p className="muted">{t('report.csvHint')}</p>
        <p className="muted">{t('report.printHint')}</p>
        <p>
          <a href={resultsHref}>{t('report.backToResults')}</a>
        </p>
      </nav>

      <section className="report-section" aria-labelledby="report-aim">
        <h2 id="report-aim">{t('report.aim.heading')}</h2>
        <p>{t('report.aim.body', { module: content.title })}</p>
      </section>

      <section className="report-section" aria-labelledby="report-module">
        <h2 id="report-module">{t('report.module.heading')}</h2>
        <p>{t('report.module.body', { module: content.title })}</p>
        <p>{versions.length === 0 ? t('report.module.noVersions') : t('report.module.versions', { count: versions.length, versions: versions.join(', ') })}</p>
      </section>

      <section className="report-section" aria-labelledby="report-method">
        <h2 id="report-method">{t('report.method.heading')}</h2>
        <p>{t('report.method.questionnaires')}</p>
        <p>{t('report.method.matched')}</p>
        <p>{t('report.method.followUp')}</p>
        <p>{t('report.method.disclosure', { k, roundTo })}</p>
      </section>

      <section className="report-section" aria-labelledby="report-sample">
        <h2 id="report-sample">{t('report.sample.heading')}</h2>
        <p>{t('report.sample.body')}</p>
        {table('report-sample-table', t('report.sample.caption'), of('sample'))}
        {table('report-waves-table', t('report.sample.wavesCaption'), waves)}
        {results.followUp !== null && table('report-follow-up-heads', t('report.sample.followUpCaption'), figures.filter((f) => f.section === 'followUp' && f.item === ''))}
      </section>

      <section className="report-section" aria-labelledby="report-results">
        <h2 id="report-results">{t('report.results.heading')}</h2>
        <p>{t('report.results.body')}</p>
        {resultSections.map((section) => {
          const rows = of(section);
          if (rows.length === 0) return null;
          return (
            <section key={section} className="results-report__part" aria-labelledby={`report-${section}`}>
              <h3 id={`report-${section}`}>{t(`sections.${section}`)}</h3>
              {table(`report-${section}-table`, t(`report.captions.${section}`), rows)}
            </section>
          );
        })}
      </section>

      <section className="report-section" aria-labelledby="report-limitations">
        <h2 id="report-limitations">{t('report.limitations.heading')}</h2>
        <ul>
          {LIMITATIONS.map((key) => (
            <li key={key}>{t(`report.limitations.${key}`, { k })}</li>
          ))}
        </ul>
      </section>

      <ResultsDisclosureNote locale={locale} policy={results.policy} />
    </article>
  );
}
