import { ChartFigure } from '../charts/ChartFigure';
import { PairedBars } from '../charts/PairedBars';
import { ShareBars } from '../charts/ShareBars';
import type { ResultsKit } from '../kit';
import { ResultsSection, type HeadingLevel } from '../ResultsSection';
import { shareValue } from './values';

/** Long lists chart their first few (the most); their tables keep every row. */
const CHART_TOP = 10;

/**
 * Mistaken beliefs in two groups that are never ranked together: those measured at the start
 * and the end (persistence can be judged), and those only the quiz shows, after the facts
 * (it can't). Then the questions answered wrong while "very sure".
 */
export function BeliefsFigures({ kit, level }: { kit: ResultsKit; level: HeadingLevel }) {
  const { t, results, names } = kit;
  const persistent = results.misconceptions.filter((m) => m.evidence === 'startAndEnd');
  const quizOnly = results.misconceptions.filter((m) => m.evidence === 'quizOnly');
  const confidentCaption = t('detail.beliefs.confident.caption', { top: CHART_TOP });
  return (
    <>
      <ResultsSection id="results-beliefs-persistent" level={level} heading={t('detail.beliefs.persistent.heading')} reading={t('detail.beliefs.persistent.reading')}>
        {persistent.length === 0 ? (
          <p className="muted">{t('detail.beliefs.persistent.none')}</p>
        ) : (
          <ChartFigure
            id="results-beliefs-persistent-chart"
            caption={t('detail.beliefs.persistent.caption')}
            summary={t('charts.summary', { what: t('detail.beliefs.persistent.caption') })}
            chart={
              <PairedBars
                beforeLabel={t('charts.before')}
                duringLabel={t('charts.during')}
                afterLabel={t('charts.after')}
                pairs={persistent.map((m) => ({
                  key: m.misconceptionId,
                  label: names.misconception(m.misconceptionId),
                  before: shareValue(kit, m.waves.before.share, m.waves.before.total),
                  during: shareValue(kit, m.waves.main.share, m.waves.main.total),
                  after: shareValue(kit, m.waves.after.share, m.waves.after.total),
                }))}
              />
            }
            table={kit.table('results-beliefs-persistent-table', t('detail.beliefs.persistent.tableCaption'), kit.of('misconceptions'), t('tables.misconception'))}
          />
        )}
      </ResultsSection>

      {quizOnly.length > 0 && (
        <ResultsSection id="results-beliefs-quiz-only" level={level} heading={t('detail.beliefs.quizOnly.heading')} reading={t('detail.beliefs.quizOnly.reading')}>
          <ChartFigure
            id="results-beliefs-quiz-only-chart"
            caption={t('detail.beliefs.quizOnly.caption')}
            summary={t('charts.summary', { what: t('detail.beliefs.quizOnly.caption') })}
            chart={
              <ShareBars
                bars={quizOnly.map((m) => ({
                  key: m.misconceptionId,
                  label: names.misconception(m.misconceptionId),
                  ...shareValue(kit, m.waves.main.share, m.waves.main.total),
                  tone: 'compare',
                  prefix: t('charts.during'),
                }))}
              />
            }
            table={kit.table('results-beliefs-quiz-only-table', t('detail.beliefs.quizOnly.tableCaption'), kit.of('quizOnlyMisconceptions'), t('tables.misconception'))}
          />
        </ResultsSection>
      )}

      <ResultsSection id="results-confident" level={level} heading={t('detail.beliefs.confident.heading')} reading={t('detail.beliefs.confident.reading')}>
        {results.confidentErrors.length === 0 ? (
          <p className="muted">{t('detail.beliefs.confident.none')}</p>
        ) : (
          <ChartFigure
            id="results-confident-chart"
            caption={confidentCaption}
            summary={t('charts.summary', { what: confidentCaption })}
            chart={
              <ShareBars
                bars={results.confidentErrors.slice(0, CHART_TOP).map((c) => ({
                  key: `${c.itemId}/${c.phase}`,
                  label: names.item(c.itemId, c.phase),
                  ...shareValue(kit, c.confident.share, c.confident.total),
                }))}
              />
            }
            table={kit.table('results-confident-table', t('detail.beliefs.confident.tableCaption'), kit.of('confidentErrors'), t('tables.question'))}
          />
        )}
      </ResultsSection>
    </>
  );
}
