import type { ResultsFigure, ResultsMeasure } from '@/lib/domain/results-report';
import { ChartFigure } from '../charts/ChartFigure';
import { IntervalBars, type IntervalGroup } from '../charts/IntervalBars';
import type { ResultsKit } from '../kit';
import { ResultsSection, type HeadingLevel } from '../ResultsSection';
import { intervalRow } from './values';

/** A paired change's figures: where it went from and to, by how much, and how sure. */
const CHANGE: readonly ResultsMeasure[] = ['meanBefore', 'meanAfter', 'meanChange', 'ciLow', 'ciHigh', 'effectSize'];
/** Who answered at each point: the matched pairs the change rests on, and attrition. */
const WAVES: readonly ResultsMeasure[] = ['nBefore', 'nAfter', 'nMatched', 'attrition'];
const among = (measures: readonly ResultsMeasure[]) => (f: ResultsFigure) => measures.includes(f.measure);

/**
 * Change from the start to the end for matched pairs: each measure's change as a bar with its 95%
 * interval (knowledge in percentage points and the 1–5 scales apart, as their units differ),
 * then who answered, each school's change, and the follow-up.
 */
export function ChangeFigures({ kit, level }: { kit: ResultsKit; level: HeadingLevel }) {
  const { t, results, names } = kit;
  const { knowledge, constructs } = results.change;
  const groups: IntervalGroup[] = [
    { key: 'knowledge', title: t('detail.change.knowledgeGroup'), rows: [intervalRow(kit, 'knowledge', names.knowledgeScore, knowledge, 'percentChange')] },
    {
      key: 'scales',
      title: t('detail.change.scaleGroup'),
      rows: constructs.map((c) => intervalRow(kit, c.construct, names.construct(c.construct), c, 'scaleChange')),
    },
  ];
  const followUp = results.followUp;
  return (
    <>
      <ResultsSection id="results-change-intervals" level={level} heading={t('detail.change.changeHeading')}>
        <ChartFigure
          id="results-change-chart"
          caption={t('detail.change.changeCaption')}
          summary={t('detail.change.changeSummary')}
          chart={<IntervalBars groups={groups} zeroLabel={t('charts.noChange')} />}
          table={kit.table('results-change-table', t('detail.change.changeTableCaption'), kit.of('change', among(CHANGE)), t('tables.measure'))}
        />
      </ResultsSection>

      <ResultsSection id="results-change-waves" level={level} heading={t('detail.change.wavesHeading')} reading={t('detail.change.wavesReading')}>
        {kit.table('results-change-waves-table', t('detail.change.wavesTableCaption'), kit.of('change', among(WAVES)), t('tables.measure'))}
      </ResultsSection>

      {results.changeByOrganisation.length > 0 && (
        <ResultsSection id="results-where" level={level} heading={t('detail.change.where.heading')} reading={t('detail.change.where.reading')}>
          {kit.table('results-where-table', t('detail.change.where.caption'), kit.of('changeByOrganisation'), t('report.itemHeaders.changeByOrganisation'))}
        </ResultsSection>
      )}

      <ResultsSection id="results-follow-up" level={level} heading={t('detail.change.followUp.heading')} reading={t('detail.change.followUp.reading')}>
        {followUp === null ? (
          <p className="muted">{t('detail.change.followUp.none')}</p>
        ) : (
          <>
            {kit.table('results-follow-up-heads', t('detail.change.followUp.headsCaption'), kit.of('followUp', (f) => f.item === ''), t('tables.measure'))}
            <ChartFigure
              id="results-follow-up-chart"
              caption={t('detail.change.followUp.caption')}
              summary={t('detail.change.changeSummary')}
              chart={
                <IntervalBars
                  zeroLabel={t('charts.noChange')}
                  groups={[
                    { key: 'retrieval', title: t('detail.change.knowledgeGroup'), rows: [intervalRow(kit, 'retrieval', names.retrieval, followUp.retrieval, 'percentChange')] },
                    {
                      key: 'intentions',
                      title: t('detail.change.scaleGroup'),
                      rows: [
                        intervalRow(kit, 'intention', names.intentionSinceBefore, followUp.intention, 'scaleChange'),
                        intervalRow(kit, 'intentionSinceAfter', names.intentionSinceAfter, followUp.intentionSinceAfter, 'scaleChange'),
                      ],
                    },
                  ]}
                />
              }
              table={kit.table('results-follow-up-table', t('detail.change.followUp.tableCaption'), kit.of('followUp', (f) => f.item !== '' && CHANGE.includes(f.measure)), t('tables.measure'))}
            />
            {kit.table('results-follow-up-waves', t('detail.change.followUp.wavesTableCaption'), kit.of('followUp', (f) => f.item !== '' && WAVES.includes(f.measure)), t('tables.measure'))}
          </>
        )}
      </ResultsSection>
    </>
  );
}
