import { ChartFigure } from '../charts/ChartFigure';
import { PairedBars } from '../charts/PairedBars';
import type { ResultsKit } from '../kit';
import { shareValue } from './values';

/** Answers right per fact and per key consideration: before, in the quiz and after, each a chart with its table. */
export function KnowledgeFigures({ kit }: { kit: ResultsKit }) {
  const { t, results, names } = kit;
  const factIds = new Set(results.topics.filter((topic) => topic.kind === 'fact').map((topic) => topic.id));
  return (['fact', 'consideration'] as const).map((kind) => {
    const topics = results.topics.filter((topic) => topic.kind === kind);
    if (topics.length === 0) return null;
    const id = `results-knowledge-${kind}`;
    const caption = t(`detail.knowledge.${kind}Caption`);
    return (
      <ChartFigure
        key={kind}
        id={id}
        caption={caption}
        summary={t('charts.summary', { what: caption })}
        chart={
          <PairedBars
            beforeLabel={t('charts.before')}
            duringLabel={t('charts.during')}
            afterLabel={t('charts.after')}
            pairs={topics.map((topic) => ({
              key: topic.id,
              label: names.topic(topic.kind, topic.id),
              before: shareValue(kit, topic.waves.before.share, topic.waves.before.total),
              during: shareValue(kit, topic.waves.main.share, topic.waves.main.total),
              after: shareValue(kit, topic.waves.after.share, topic.waves.after.total),
            }))}
          />
        }
        table={kit.table(
          `${id}-table`,
          t('detail.knowledge.tableCaption', { what: caption }),
          kit.of('knowledge', (f) => factIds.has(f.item) === (kind === 'fact')),
          t(`tables.${kind}`),
        )}
      />
    );
  });
}
