import type { ReactNode } from 'react';

/**
 * A chart with its caption and its data table: the chart is one image to a screen reader
 * (named by a sentence that says what it shows), and the table beside it holds every figure,
 * for screen readers, for copying and for anyone who prefers numbers.
 */
export function ChartFigure({ id, caption, summary, chart, table }: { id: string; caption: string; summary: string; chart: ReactNode; table: ReactNode }) {
  return (
    <figure className="results-figure" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="results-figure__caption">
        {caption}
      </figcaption>
      <div className="results-chart" role="img" aria-label={summary}>
        {chart}
      </div>
      {table}
    </figure>
  );
}
