import { ChartFigure } from '../charts/ChartFigure';
import { ShareBars } from '../charts/ShareBars';
import { TrendLines } from '../charts/TrendLines';
import type { ResultsKit } from '../kit';
import { shareValue } from './values';

/** The if–then plans students picked, most picked first. */
export function PlansFigures({ kit }: { kit: ResultsKit }) {
  const { t, results, names } = kit;
  return (
    <ChartFigure
      id="results-plans-chart"
      caption={t('detail.plans.caption')}
      summary={t('charts.summary', { what: t('detail.plans.caption') })}
      chart={
        <ShareBars bars={results.plans.plans.map((p) => ({ key: p.planId, label: names.plan(p.planId), ...shareValue(kit, p.share, results.plans.answered) }))} />
      }
      table={kit.table('results-plans-table', t('detail.plans.tableCaption'), kit.of('plans'), t('tables.plan'))}
    />
  );
}

/** Answers right at the end and risky choices, term by term, as lines; intentions in the table. */
export function TrendsFigures({ kit }: { kit: ResultsKit }) {
  const { t, results, format } = kit;
  if (results.trends.length === 0) return <p className="muted">{t('detail.trends.none')}</p>;
  const termShort = (termId: string) => {
    const [year, term] = termId.split('-') as [string, 'autumn' | 'spring' | 'summer'];
    return t(`terms.short.${term}`, { year: term === 'autumn' ? year : String(Number(year) + 1) });
  };
  return (
    <ChartFigure
      id="results-trends-chart"
      caption={t('detail.trends.caption')}
      summary={t('charts.summary', { what: t('detail.trends.caption') })}
      chart={
        <TrendLines
          terms={results.trends.map((trend) => termShort(trend.termId))}
          tickLabels={[0, 0.25, 0.5, 0.75, 1].map((v) => format.number(v, { style: 'percent' }))}
          series={[
            {
              key: 'knowledge',
              name: t('detail.trends.knowledge'),
              points: results.trends.map((trend) => shareValue(kit, trend.knowledgeAfter.share, trend.knowledgeAfter.total).fraction),
              texts: results.trends.map((trend) => kit.text(trend.knowledgeAfter.share, 'share', trend.knowledgeAfter.total)),
            },
            {
              key: 'risky',
              name: t('detail.trends.risky'),
              points: results.trends.map((trend) => shareValue(kit, trend.riskyChoices.share, trend.riskyChoices.total).fraction),
              texts: results.trends.map((trend) => kit.text(trend.riskyChoices.share, 'share', trend.riskyChoices.total)),
            },
          ]}
        />
      }
      table={kit.table('results-trends-table', t('detail.trends.tableCaption'), kit.of('trends'), t('tables.term'))}
    />
  );
}
