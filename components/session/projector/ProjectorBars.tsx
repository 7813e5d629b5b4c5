'use client';

import type { CSSProperties } from 'react';
import { useTranslations } from 'next-intl';
import type { LiveFigure } from '@/lib/domain/live-tree';
import { useLiveFigure } from '../teach/use-live-figure';

export interface BarRow {
  key: string;
  label: string;
  count: LiveFigure;
  /** The right answer: marked in words and colour, not colour alone. */
  right: boolean;
  /** What followed a story's choice, on a line of its own. */
  followed?: string;
}

/** The longest figure a row can be: a range to its end, "fewer than k" as a stub. */
const reach = (figure: LiveFigure) => (figure.kind === 'count' ? figure.value : figure.kind === 'range' ? figure.to : 0);

/**
 * How far a bar goes: a number to its end; a range solid to its start and striped to its end; a
 * "fewer than k" (which may be none) only a short striped stub, so that it never looks like k − 1.
 */
export function barOf(figure: LiveFigure, largest: number): { solid: number; faint: number } {
  const share = (n: number) => (largest > 0 ? (n / largest) * 100 : 0);
  if (figure.kind === 'count') return { solid: share(figure.value), faint: 0 };
  if (figure.kind === 'range') return { solid: share(figure.from), faint: share(figure.to - figure.from) };
  return { solid: 0, faint: 3 };
}

/**
 * The class's answers as bars that grow from nothing when shown and glide to new counts: CSS
 * transitions from an `@starting-style` of zero width (session.css), none under "reduce motion",
 * so the projector loads no animation library. A table underneath for screen readers:
 * every figure is already released and disclosed by the server; this only draws it.
 */
export function ProjectorBars({ rows, caption, compact = false }: { rows: BarRow[]; caption: string; compact?: boolean }) {
  const t = useTranslations('Teach.projector');
  const figure = useLiveFigure();
  const largest = Math.max(1, ...rows.map((r) => reach(r.count)));
  return (
    <table className={compact ? 'pbars pbars--compact' : 'pbars'}>
      <caption className="visually-hidden">{caption}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">{t('answer')}</th>
          <th scope="col">{t('students')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const bar = barOf(row.count, largest);
          return (
            <tr key={row.key} className={row.right ? 'pbars__row pbars__row--right' : 'pbars__row'} data-figure={row.count.kind} data-row={row.key}>
              <th scope="row">
                {row.right && <span className="pbars__mark">✓ {t('right')} </span>}
                <span className="pbars__label">{row.label}</span>
                {row.followed && <span className="pbars__followed">→ {row.followed}</span>}
              </th>
              <td>
                <span className="pbars__bar" aria-hidden="true">
                  <span className="pbars__solid" style={{ '--bar': `${bar.solid}%` } as CSSProperties} />
                  <span className="pbars__faint" style={{ '--bar': `${bar.faint}%` } as CSSProperties} />
                </span>
                <span className="pbars__count">{figure(row.count)}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
