import type { DisclosedPart } from '@/lib/domain/class-report';
import type { DisclosedFigure } from '@/lib/domain/disclosure';
import type { ReportFigures } from './figures';
import { NumberHeader } from './ReportTable';
import { ShareCell } from './ShareBar';

/** One option, and how many of the students who answered picked it. */
export interface DistributionRow extends DisclosedPart {
  key: string;
  label: string;
  /** Said after the label in a lighter weight, e.g. "(right answer)". */
  tag?: string;
}

interface Props {
  /** Unique on the page: names the scrolling box by the table's caption. */
  id: string;
  caption: string;
  /** The column headings: the option, how many students, and their share. */
  columns: { option: string; students: string; share: string };
  rows: DistributionRow[];
  /** The footer: how many answered, the number the shares are of. */
  total: { label: string; value: DisclosedFigure };
  figures: ReportFigures;
  /** A short list, kept to reading width. */
  narrow?: boolean;
}

/**
 * How the students who answered one question split between its options, with a bar a share.
 * Wider than a phone, it scrolls sideways in its own box (reachable by keyboard), not the page.
 */
export function DistributionTable({ id, caption, columns, rows, total, figures, narrow = false }: Props) {
  return (
    <div className="report-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table className={narrow ? 'report-table report-table--narrow' : 'report-table'}>
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.option}</th>
            <NumberHeader>{columns.students}</NumberHeader>
            <th scope="col">{columns.share}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {row.label}
                {row.tag !== undefined && <span className="report-tag"> {row.tag}</span>}
              </th>
              <td className="report-num">{figures.count(row.value)}</td>
              <ShareCell share={row.share} figures={figures} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{total.label}</th>
            <td className="report-num">{figures.count(total.value)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
