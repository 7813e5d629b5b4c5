import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { ModuleText } from '@/lib/content/schema';
import type { DisclosedFigure, DisclosedMean, DisclosedShare } from '@/lib/domain/disclosure';
import type { DisclosedMeasure, DisclosedOfficerResults } from '@/lib/domain/officer-disclosure';
import type { ResultsFigure, ResultsReportText } from '@/lib/domain/results-report';
import { ChartFigure } from './charts/ChartFigure';
import { PairedBars, type BarValue } from './charts/PairedBars';
import { ShareBars } from './charts/ShareBars';
import { TrendLines } from './charts/TrendLines';
import { FigureTable } from './FigureTable';
import { ResultsDisclosureNote } from './ResultsHeader';
import { ResultsSection } from './ResultsSection';
import type { FigureText } from './words';

interface Props {
  locale: Locale;
  results: DisclosedOfficerResults;
  figures: readonly ResultsFigure[];
  names: ResultsReportText;
  content: ModuleText;
  text: FigureText;
}

/** Long lists chart their first few (the most); their tables keep every row. */
const CHART_TOP = 10;

const fraction = (share: DisclosedShare): number | null => (share.kind === 'share' ? share.value : null);
const meanFraction = (mean: DisclosedMean, max: number): number | null => (mean.kind === 'mean' ? mean.value / max : null);

/** The officers' results page: headline figures, then each measure as a chart with its table. */
export async function ResultsOverview({ locale, results, figures, names, content, text }: Props) {
  const t = await getTranslations({ locale, namespace: 'Results' });
  const format = await getFormatter({ locale });
  const measureName = (m: ResultsFigure['measure']) => t(`measures.${m}`);
  const table = (id: string, caption: string, rows: readonly ResultsFigure[], itemHeader: string) => (
    <FigureTable
      id={id}
      caption={caption}
      figures={rows}
      itemHeader={itemHeader}
      measureName={measureName}
      outOf={t('tables.outOf')}
      valueHeader={t('tables.value')}
      text={text}
    />
  );
  const of = (section: ResultsFigure['section'], keep: (f: ResultsFigure) => boolean = () => true) =>
    figures.filter((f) => f.section === section && keep(f));
  const summary = (what: string) => t('chartSummary', { what });
  const shareValue = (share: DisclosedShare, n: DisclosedFigure): BarValue => ({ fraction: fraction(share), text: text(share, 'share', n) });
  const { headline } = results;

  const factIds = new Set(results.topics.filter((topic) => topic.kind === 'fact').map((topic) => topic.id));
  const topicFigure = (kind: 'fact' | 'consideration') => {
    const topics = results.topics.filter((topic) => topic.kind === kind);
    const id = `results-knowledge-${kind}`;
    const caption = t(`overview.knowledge.${kind}Caption`);
    return (
      <ChartFigure
        id={id}
        caption={caption}
        summary={summary(caption)}
        chart={
          <PairedBars
            beforeLabel={t('overview.before')}
            duringLabel={t('overview.during')}
            afterLabel={t('overview.after')}
            pairs={topics.map((topic) => ({
              key: topic.id,
              label: names.topic(topic.kind, topic.id),
              before: shareValue(topic.waves.before.share, topic.waves.before.total),
              during: shareValue(topic.waves.main.share, topic.waves.main.total),
              after: shareValue(topic.waves.after.share, topic.waves.after.total),
            }))}
          />
        }
        table={table(`${id}-table`, t('overview.knowledge.tableCaption', { what: caption }), of('knowledge', (f) => factIds.has(f.item) === (kind === 'fact')), t(`tables.${kind}`))}
      />
    );
  };

  const measureBars = (rows: { key: string; label: string; measure: DisclosedMeasure; max: number; unit: 'percentScore' | 'scale' }[]) => (
    <PairedBars
      beforeLabel={t('overview.before')}
      afterLabel={t('overview.after')}
      pairs={rows.map((row) => ({
        key: row.key,
        label: row.label,
        before: { fraction: meanFraction(row.measure.before, row.max), text: text(row.measure.before, row.unit) },
        after: { fraction: meanFraction(row.measure.after, row.max), text: text(row.measure.after, row.unit) },
      }))}
    />
  );
  const knowledgeChange = results.change.knowledge;
  const changeReading =
    knowledgeChange.before.kind === 'mean' && knowledgeChange.after.kind === 'mean' && knowledgeChange.nMatched.kind === 'count'
      ? t('overview.change.readingWithFigures', {
          n: format.number(knowledgeChange.nMatched.value),
          before: text(knowledgeChange.before, 'percentScore'),
          after: text(knowledgeChange.after, 'percentScore'),
        })
      : t('overview.change.reading');

  const scenarioTitle = (id: string) => content.scenarios[id]?.title ?? id;
  const terms = results.trends.map((trend) => trend.termId);
  const termShort = await getTranslations({ locale, namespace: 'Results.terms.short' });
  const termLabels = terms.map((id) => {
    const [year, term] = id.split('-') as [string, 'autumn' | 'spring' | 'summer'];
    return termShort(term, { year: term === 'autumn' ? year : String(Number(year) + 1) });
  });
  const percentTicks = [0, 0.25, 0.5, 0.75, 1].map((v) => format.number(v, { style: 'percent' }));

  return (
    <>
      <section className="report-section" aria-labelledby="results-headline">
        <h2 id="results-headline">{t('overview.headline.heading')}</h2>
        <dl className="results-headline">
          {[
            { key: 'students', value: text(headline.students, 'count') },
            { key: 'sessions', value: text({ kind: 'count', value: headline.sessions }, 'exact') },
            { key: 'organisations', value: text({ kind: 'count', value: headline.organisations }, 'exact') },
            { key: 'completion', value: text(headline.completion, 'share') },
            { key: 'followUpSessions', value: text({ kind: 'count', value: headline.followUpSessions }, 'exact') },
          ].map((item) => (
            <div key={item.key} className="results-headline__item">
              <dt>{t(`overview.headline.${item.key as 'students'}`)}</dt>
              <dd>{item.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <ResultsSection id="results-knowledge" heading={t('overview.knowledge.heading')} reading={t('overview.knowledge.reading')}>
        {topicFigure('fact')}
        {topicFigure('consideration')}
      </ResultsSection>

      <ResultsSection id="results-misconceptions" heading={t('overview.misconceptions.heading')} reading={t('overview.misconceptions.reading')}>
        <ChartFigure
          id="results-misconceptions-chart"
          caption={t('overview.misconceptions.caption')}
          summary={summary(t('overview.misconceptions.caption'))}
          chart={
            <PairedBars
              beforeLabel={t('overview.before')}
              duringLabel={t('overview.during')}
              afterLabel={t('overview.after')}
              pairs={results.misconceptions.map((m) => ({
                key: m.misconceptionId,
                label: names.misconception(m.misconceptionId),
                before: shareValue(m.waves.before.share, m.waves.before.total),
                during: shareValue(m.waves.main.share, m.waves.main.total),
                after: shareValue(m.waves.after.share, m.waves.after.total),
              }))}
            />
          }
          table={table('results-misconceptions-table', t('overview.misconceptions.tableCaption'), of('misconceptions'), t('tables.misconception'))}
        />
      </ResultsSection>

      <ResultsSection id="results-confident" heading={t('overview.confident.heading')} reading={t('overview.confident.reading')}>
        {results.confidentErrors.length === 0 ? (
          <p className="muted">{t('overview.confident.none')}</p>
        ) : (
          <ChartFigure
            id="results-confident-chart"
            caption={t('overview.confident.caption', { top: CHART_TOP })}
            summary={summary(t('overview.confident.caption', { top: CHART_TOP }))}
            chart={
              <ShareBars
                bars={results.confidentErrors.slice(0, CHART_TOP).map((c) => ({
                  key: `${c.itemId}/${c.phase}`,
                  label: names.item(c.itemId, c.phase),
                  fraction: fraction(c.confident.share),
                  text: text(c.confident.share, 'share', c.confident.total),
                }))}
              />
            }
            table={table('results-confident-table', t('overview.confident.tableCaption'), of('confidentErrors'), t('tables.question'))}
          />
        )}
      </ResultsSection>

      <ResultsSection id="results-change" heading={t('overview.change.heading')} reading={changeReading}>
        <ChartFigure
          id="results-change-chart"
          caption={t('overview.change.caption')}
          summary={summary(t('overview.change.caption'))}
          chart={measureBars([
            { key: 'knowledge', label: names.knowledgeScore, measure: knowledgeChange, max: 100, unit: 'percentScore' },
            ...results.change.constructs.map((c) => ({ key: c.construct, label: names.construct(c.construct), measure: c, max: 5, unit: 'scale' as const })),
          ])}
          table={table('results-change-table', t('overview.change.tableCaption'), of('change'), t('tables.measure'))}
        />
      </ResultsSection>

      {results.changeByOrganisation.length > 1 && (
        <ResultsSection id="results-where" heading={t('overview.where.heading')} reading={t('overview.where.reading')}>
          {table('results-where-table', t('overview.where.caption'), of('changeByOrganisation'), t('report.itemHeaders.changeByOrganisation'))}
        </ResultsSection>
      )}

      <ResultsSection id="results-follow-up" heading={t('overview.followUp.heading')} reading={t('overview.followUp.reading')}>
        {results.followUp === null ? (
          <p className="muted">{t('overview.followUp.none')}</p>
        ) : (
          <>
            {table('results-follow-up-heads', t('overview.followUp.headsCaption'), of('followUp', (f) => f.item === ''), t('tables.measure'))}
            <ChartFigure
              id="results-follow-up-chart"
              caption={t('overview.followUp.caption')}
              summary={summary(t('overview.followUp.caption'))}
              chart={measureBars([
                { key: 'retrieval', label: names.retrieval, measure: results.followUp.retrieval, max: 100, unit: 'percentScore' },
                { key: 'intention', label: names.intentionSinceBefore, measure: results.followUp.intention, max: 5, unit: 'scale' },
                { key: 'intentionSinceAfter', label: names.intentionSinceAfter, measure: results.followUp.intentionSinceAfter, max: 5, unit: 'scale' },
              ])}
              table={table('results-follow-up-table', t('overview.followUp.tableCaption'), of('followUp', (f) => f.item !== ''), t('tables.measure'))}
            />
          </>
        )}
      </ResultsSection>

      <ResultsSection id="results-scenarios" heading={t('overview.scenarios.heading')} reading={t('overview.scenarios.reading')}>
        {results.scenarios.map((scenario) => {
          const id = `results-scenario-${scenario.scenarioId}`;
          const inScenario = (f: ResultsFigure) => f.item.startsWith(`${scenario.scenarioId}/`);
          const title = scenarioTitle(scenario.scenarioId);
          return (
            <div key={scenario.scenarioId} className="report-scenario">
              <h3>{title}</h3>
              <ChartFigure
                id={`${id}-risky`}
                caption={t('overview.scenarios.riskyCaption', { title })}
                summary={summary(t('overview.scenarios.riskyCaption', { title }))}
                chart={
                  <ShareBars
                    bars={scenario.decisions.map((d) => ({
                      key: d.nodeId,
                      label: content.scenarios[scenario.scenarioId]?.nodes[d.nodeId]?.title ?? content.scenarios[scenario.scenarioId]?.nodes[d.nodeId]?.text ?? d.nodeId,
                      fraction: fraction(d.risky.share),
                      text: text(d.risky.share, 'share', d.risky.total),
                    }))}
                  />
                }
                table={table(`${id}-decisions`, t('overview.scenarios.decisionsCaption', { title }), of('decisions', inScenario), t('tables.decision'))}
              />
              {/* Long tables (every decision for every school and term): open on request; the report prints them in full. */}
              <details className="results-breakdown">
                <summary>{t('overview.scenarios.byOrganisationCaption', { title })}</summary>
                {table(`${id}-organisations`, t('overview.scenarios.byOrganisationCaption', { title }), of('decisionsByOrganisation', inScenario), t('tables.decisionAndOrganisation'))}
              </details>
              <details className="results-breakdown">
                <summary>{t('overview.scenarios.byTermCaption', { title })}</summary>
                {table(`${id}-terms`, t('overview.scenarios.byTermCaption', { title }), of('decisionsByTerm', inScenario), t('tables.decisionAndTerm'))}
              </details>
              <ChartFigure
                id={`${id}-endings`}
                caption={t('overview.scenarios.endingsCaption', { title })}
                summary={summary(t('overview.scenarios.endingsCaption', { title }))}
                chart={
                  <ShareBars
                    bars={scenario.endings.map((e) => ({
                      key: e.nodeId,
                      label: names.ending(scenario.scenarioId, e.nodeId, e.outcome),
                      fraction: fraction(e.share),
                      text: text(e.share, 'share', scenario.reachedEnding),
                    }))}
                  />
                }
                table={table(`${id}-endings-table`, t('overview.scenarios.endingsTableCaption', { title }), of('endings', inScenario), t('tables.ending'))}
              />
            </div>
          );
        })}
      </ResultsSection>

      <ResultsSection id="results-plans" heading={t('overview.plans.heading')} reading={t('overview.plans.reading')}>
        <ChartFigure
          id="results-plans-chart"
          caption={t('overview.plans.caption')}
          summary={summary(t('overview.plans.caption'))}
          chart={
            <ShareBars
              bars={results.plans.plans.map((p) => ({
                key: p.planId,
                label: names.plan(p.planId),
                fraction: fraction(p.share),
                text: text(p.share, 'share', results.plans.answered),
              }))}
            />
          }
          table={table('results-plans-table', t('overview.plans.tableCaption'), of('plans'), t('tables.plan'))}
        />
      </ResultsSection>

      <ResultsSection id="results-trends" heading={t('overview.trends.heading')} reading={t('overview.trends.reading')}>
        {results.trends.length === 0 ? (
          <p className="muted">{t('overview.trends.none')}</p>
        ) : (
          <ChartFigure
            id="results-trends-chart"
            caption={t('overview.trends.caption')}
            summary={summary(t('overview.trends.caption'))}
            chart={
              <TrendLines
                terms={termLabels}
                tickLabels={percentTicks}
                series={[
                  {
                    key: 'knowledge',
                    name: t('overview.trends.knowledge'),
                    points: results.trends.map((trend) => fraction(trend.knowledgeAfter.share)),
                    texts: results.trends.map((trend) => text(trend.knowledgeAfter.share, 'share', trend.knowledgeAfter.total)),
                  },
                  {
                    key: 'risky',
                    name: t('overview.trends.risky'),
                    points: results.trends.map((trend) => fraction(trend.riskyChoices.share)),
                    texts: results.trends.map((trend) => text(trend.riskyChoices.share, 'share', trend.riskyChoices.total)),
                  },
                ]}
              />
            }
            table={table('results-trends-table', t('overview.trends.tableCaption'), of('trends'), t('tables.term'))}
          />
        )}
      </ResultsSection>

      <ResultsDisclosureNote locale={locale} policy={results.policy} />
    </>
  );
}
