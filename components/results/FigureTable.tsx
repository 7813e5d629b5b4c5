import type { ReactNode } from 'react';
import { NumberHeader, ScrollingTable } from '@/components/reports/ReportTable';
import type { DisclosedFigure } from '@/lib/domain/disclosure';
import type { ResultsFigure, ResultsMeasure } from '@/lib/domain/results-report';
import type { FigureText } from './words';

interface Props {
  id: string;
  caption: string;
  /** The figures of one table, in order: one row per item, one column per measure. */
  figures: readonly ResultsFigure[];
  itemHeader: string;
  measureName: (measure: ResultsMeasure) => string;
  outOf: string;
  text: FigureText;
  /** The heading of a table of one row, turned on its side: measure, value. */
  valueHeader: string;
}

/** A table of this many rows or fewer is kept whole on a printed page; a longer one may run on. */
const SHORT_TABLE = 12;

function Keep({ rows, children }: { rows: number; children: ReactNode }) {
  return <div className={rows <= SHORT_TABLE ? 'results-table--short' : 'results-table--long'}>{children}</div>;
}

const sameN = (a: DisclosedFigure, b: DisclosedFigure) =>
  a.kind === b.kind && (a.kind !== 'count' || (b.kind === 'count' && a.value === b.value));

/**
 * Figures as a table: items down the side, measures across. A row whose every figure is out of
 * the same n shows it in an "out of" column. A single row is shown on its side, as measure and
 * value. The figures are the ones the CSV writes, so the page and the file agree.
 */
export function FigureTable({ id, caption, figures, itemHeader, measureName, outOf, text, valueHeader }: Props) {
  const items = [...new Map(figures.map((f) => [f.item, f.label])).entries()];
  const measures = [...new Set(figures.map((f) => f.measure))];
  if (items.length === 1) {
    return (
      <Keep rows={figures.length}>
        <ScrollingTable id={id} caption={caption}>
          <thead>
            <tr>
              <th scope="col">{itemHeader}</th>
              <NumberHeader>{valueHeader}</NumberHeader>
            </tr>
          </thead>
          <tbody>
            {figures.map((f) => (
              <tr key={f.measure}>
                <th scope="row">{measureName(f.measure)}</th>
                <td className="report-num">{text(f.value, f.unit, f.n)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      </Keep>
    );
  }
  const rows = items.map(([item, label]) => {
    const own = figures.filter((f) => f.item === item);
    const ns = own.map((f) => f.n);
    const first = ns[0];
    const n = first && ns.every((m) => m !== null && sameN(m, first)) ? first : null;
    return { item, label, cells: new Map(own.map((f) => [f.measure, f])), n };
  });
  const withOutOf = rows.some((row) => row.n !== null);
  return (
    <Keep rows={rows.length}>
      <ScrollingTable id={id} caption={caption}>
        <thead>
          <tr>
            <th scope="col">{itemHeader}</th>
            {measures.map((m) => (
              <NumberHeader key={m}>{measureName(m)}</NumberHeader>
            ))}
            {withOutOf && <NumberHeader>{outOf}</NumberHeader>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.item}>
              <th scope="row">{row.label}</th>
              {measures.map((m) => {
                const figure = row.cells.get(m);
                return (
                  <td key={m} className="report-num">
                    {figure ? text(figure.value, figure.unit, figure.n) : ''}
                  </td>
                );
              })}
              {withOutOf && <td className="report-num">{row.n === null ? '' : text(row.n, 'count')}</td>}
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
    </Keep>
  );
}
