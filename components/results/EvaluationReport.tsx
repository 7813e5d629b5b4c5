import type { ReactNode } from 'react';
import { BeliefsFigures } from './details/BeliefsFigures';
import { ChangeFigures } from './details/ChangeFigures';
import { KnowledgeFigures } from './details/KnowledgeFigures';
import { PlansFigures, TrendsFigures } from './details/PlansAndTrendsFigures';
import { StoriesFigures, StoryBreakdowns } from './details/StoriesFigures';
import { changeSentence, persistentBeliefs, quizOnlyBeliefCount, riskiestChoices } from './findings';
import type { ResultsKit } from './kit';
import type { ResultsHrefs } from './paths';
import { DemoBanner, FilterSummary, StillOpenNotice } from './ResultsHeader';
import { ResultsSection } from './ResultsSection';
import { FindingList } from './ResultsSummary';

interface Props {
  kit: ResultsKit;
  versions: readonly string[];
  phrases: readonly string[];
  hrefs: ResultsHrefs;
  /** The nav and the filter form: on screen, never on paper. */
  screenOnly: ReactNode;
}

const LIMITATIONS = ['noControl', 'selfReport', 'noise', 'attrition', 'closed', 'sample', 'pairing', 'ceiling', 'effectSize', 'terms'] as const;

/**
 * The evaluation report in the shape of RoSPA's E-valu-it toolkit: a summary of findings, aim,
 * the module, method, sample and attrition, results (each chart with its table, the same figures
 * as the CSV), what the figures can and can't show, and an appendix of the long breakdowns.
 * Prints cleanly (results.css): figures and short tables are kept whole, headings stay with
 * what follows them, and the nav, form and buttons are left off.
 */
export function EvaluationReport({ kit, versions, phrases, hrefs, screenOnly }: Props) {
  const { t, format, results, content, locale } = kit;
  const { k, roundTo } = results.policy;
  const { headline } = results;
  const sample = kit.of('sample');
  const waves = kit.of('change', (f) => f.item === 'knowledge' && ['nBefore', 'nAfter', 'nMatched', 'attrition'].includes(f.measure));
  const quizOnly = quizOnlyBeliefCount(kit);
  const beliefs = persistentBeliefs(kit);
  const risky = riskiestChoices(kit);
  const whoValues = {
    sessions: headline.sessions,
    organisations: headline.organisations,
    completion: kit.text(headline.completion, 'share'),
  };

  return (
    <article className="report results-report">
      <p className="eyebrow">{t('report.eyebrow')}</p>
      <h1>{t('report.heading', { module: content.title })}</h1>
      <p className="results-report__date">{t('report.produced', { date: format.dateTime(new Date(), { dateStyle: 'long' }) })}</p>
      {screenOnly}
      {results.demo && <DemoBanner locale={locale} />}
      <FilterSummary locale={locale} phrases={phrases} />
      <StillOpenNotice locale={locale} count={kit.stillOpen} />

      <nav className="report-actions" aria-label={t('report.actionsLabel')}>
        <p>
          <a className="button" href={hrefs.csv} download>
            {t('report.downloadCsv')}
          </a>
        </p>
        <p className="muted">{t('report.csvHint')}</p>
        <p className="muted">{t('report.printHint')}</p>
      </nav>

      <section className="report-section results-report__findings" aria-labelledby="report-findings">
        <h2 id="report-findings">{t('report.findings.heading')}</h2>
        <p>
          {headline.students.kind === 'withheld'
            ? t('report.findings.whoWithheld', whoValues)
            : t('report.findings.who', { ...whoValues, students: kit.text(headline.students, 'count') })}
        </p>
        <ul className="results-findings">
          {(['knowledge', 'intention'] as const).map((which) => {
            const sentence = changeSentence(kit, which);
            return sentence === null ? null : <li key={which}>{sentence}</li>;
          })}
        </ul>
        <h3>{t('glance.beliefs.heading')}</h3>
        {beliefs.length === 0 ? <p>{t('glance.beliefs.none')}</p> : <FindingList findings={beliefs} />}
        {quizOnly > 0 && <p>{t('glance.beliefs.quizOnly', { count: quizOnly })}</p>}
        <h3>{t('glance.risky.heading')}</h3>
        {risky.length === 0 ? <p>{t('glance.risky.none')}</p> : <FindingList findings={risky} />}
        <p className="results-report__caveat">{t('report.findings.caveat')}</p>
      </section>

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
        <p>{t('report.method.closed')}</p>
        {/* How privacy is protected belongs to the method: noise, thresholds, rounding, and why parts may not add up. */}
        <h3 id="results-disclosure">{t('disclosure.heading')}</h3>
        <p>{t('disclosure.text', { k, roundTo })}</p>
        <h3 id="results-uncertainty">{t('uncertainty.heading')}</h3>
        <p>{t('uncertainty.interval')}</p>
        <p>{t('uncertainty.effectSize')}</p>
      </section>

      <section className="report-section" aria-labelledby="report-sample">
        <h2 id="report-sample">{t('report.sample.heading')}</h2>
        <p>{t('report.sample.body')}</p>
        {kit.table('report-sample-table', t('report.sample.caption'), sample, t('report.itemHeaders.sample'))}
        {kit.table('report-waves-table', t('report.sample.wavesCaption'), waves, t('report.itemHeaders.change'))}
      </section>

      <section className="report-section" aria-labelledby="report-results">
        <h2 id="report-results">{t('report.results.heading')}</h2>
        <p>{t('report.results.body')}</p>
        <ResultsSection id="report-knowledge" level={3} heading={t('report.results.knowledge')}>
          <KnowledgeFigures kit={kit} />
        </ResultsSection>
        <ResultsSection id="report-change" level={3} heading={t('report.results.change')}>
          <ChangeFigures kit={kit} level={4} />
        </ResultsSection>
        <ResultsSection id="report-beliefs" level={3} heading={t('report.results.beliefs')}>
          <BeliefsFigures kit={kit} level={4} />
        </ResultsSection>
        <ResultsSection id="report-stories" level={3} heading={t('report.results.stories')}>
          <StoriesFigures kit={kit} level={4} breakdowns="elsewhere" />
        </ResultsSection>
        <ResultsSection id="report-plans" level={3} heading={t('report.results.plans')}>
          <PlansFigures kit={kit} />
        </ResultsSection>
        <ResultsSection id="report-trends" level={3} heading={t('report.results.trends')}>
          <TrendsFigures kit={kit} />
        </ResultsSection>
      </section>

      <section className="report-section results-report__limits" aria-labelledby="report-limitations">
        <h2 id="report-limitations">{t('report.limitations.heading')}</h2>
        <p>{t('report.limitations.can')}</p>
        <p>{t('report.limitations.cannot')}</p>
        <ul>
          {LIMITATIONS.map((key) => (
            <li key={key}>{t(`report.limitations.${key}`, { k, roundTo })}</li>
          ))}
        </ul>
      </section>

      <section className="report-section results-report__appendix" aria-labelledby="report-appendix">
        <h2 id="report-appendix">{t('report.appendix.heading')}</h2>
        <p>{t('report.appendix.body')}</p>
        <StoryBreakdowns kit={kit} />
      </section>
    </article>
  );
}
