import type { ResultsFigure } from '@/lib/domain/results-report';
import { ChartFigure } from '../charts/ChartFigure';
import { ShareBars } from '../charts/ShareBars';
import type { ResultsKit } from '../kit';
import { ResultsSection, type HeadingLevel } from '../ResultsSection';
import { shareValue } from './values';

const inScenario = (scenarioId: string) => (f: ResultsFigure) => f.item.startsWith(`${scenarioId}/`);

/**
 * Each story: the share of risky choices at each decision and the endings reached, each a chart
 * with its table. On a page the long breakdowns (every decision for every school and term) are
 * folded away under their own summaries; the report prints them in an appendix instead.
 */
export function StoriesFigures({ kit, level, breakdowns }: { kit: ResultsKit; level: HeadingLevel; breakdowns: 'folded' | 'elsewhere' }) {
  const { t, results, content, names } = kit;
  return results.scenarios.map((scenario) => {
    const id = `results-scenario-${scenario.scenarioId}`;
    const title = names.scenario(scenario.scenarioId);
    const nodes = content.scenarios[scenario.scenarioId]?.nodes;
    const mine = inScenario(scenario.scenarioId);
    const riskyCaption = t('detail.stories.riskyCaption', { title });
    const endingsCaption = t('detail.stories.endingsCaption', { title });
    return (
      <ResultsSection key={scenario.scenarioId} id={id} level={level} heading={title}>
        <ChartFigure
          id={`${id}-risky`}
          caption={riskyCaption}
          summary={t('charts.summary', { what: riskyCaption })}
          chart={
            <ShareBars
              bars={scenario.decisions.map((d) => ({
                key: d.nodeId,
                label: nodes?.[d.nodeId]?.title ?? nodes?.[d.nodeId]?.text ?? d.nodeId,
                ...shareValue(kit, d.risky.share, d.risky.total),
              }))}
            />
          }
          table={kit.table(`${id}-decisions`, t('detail.stories.decisionsCaption', { title }), kit.of('decisions', mine), t('tables.decision'))}
        />
        {breakdowns === 'folded' && (
          <>
            <details className="results-breakdown">
              <summary>{t('detail.stories.byOrganisationCaption', { title })}</summary>
              {kit.table(`${id}-organisations`, t('detail.stories.byOrganisationCaption', { title }), kit.of('decisionsByOrganisation', mine), t('tables.decisionAndOrganisation'))}
            </details>
            <details className="results-breakdown">
              <summary>{t('detail.stories.byTermCaption', { title })}</summary>
              {kit.table(`${id}-terms`, t('detail.stories.byTermCaption', { title }), kit.of('decisionsByTerm', mine), t('tables.decisionAndTerm'))}
            </details>
          </>
        )}
        <ChartFigure
          id={`${id}-endings`}
          caption={endingsCaption}
          summary={t('charts.summary', { what: endingsCaption })}
          chart={
            <ShareBars
              bars={scenario.endings.map((e) => ({
                key: e.nodeId,
                label: names.ending(scenario.scenarioId, e.nodeId, e.outcome),
                ...shareValue(kit, e.share, scenario.reachedEnding),
              }))}
            />
          }
          table={kit.table(`${id}-endings-table`, t('detail.stories.endingsTableCaption', { title }), kit.of('endings', mine), t('tables.ending'))}
        />
      </ResultsSection>
    );
  });
}

/** Every story's breakdowns by school and by term, as plain tables: the report's appendix. */
export function StoryBreakdowns({ kit }: { kit: ResultsKit }) {
  const { t, results, names } = kit;
  return results.scenarios.map((scenario) => {
    const id = `report-scenario-${scenario.scenarioId}`;
    const title = names.scenario(scenario.scenarioId);
    const mine = inScenario(scenario.scenarioId);
    return (
      <div key={scenario.scenarioId} className="results-appendix__story">
        {kit.table(`${id}-organisations`, t('detail.stories.byOrganisationCaption', { title }), kit.of('decisionsByOrganisation', mine), t('tables.decisionAndOrganisation'))}
        {kit.table(`${id}-terms`, t('detail.stories.byTermCaption', { title }), kit.of('decisionsByTerm', mine), t('tables.decisionAndTerm'))}
      </div>
    );
  });
}
