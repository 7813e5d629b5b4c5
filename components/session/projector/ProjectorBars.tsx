'use client';

import { m, useReducedMotion } from 'framer-motion';
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
 * The class's answers as bars that grow from nothing when shown (framer-motion; MotionConfig in
 * static under "reduce motion"). A table underneath for screen readers:
 * every figure is already released and disclosed by the server; this only draws it.
 */
export function ProjectorBars({ rows, caption, compact = false }: { rows: BarRow[]; caption: string; compact?: boolean }) {
  const t = useTranslations('Teach.projector');
  const figure = useLiveFigure();
  const largest = Math.max(1, ...rows.map((r) => reach(r.count)));
  // Under "reduce motion" the bars are drawn at their size at once (MotionConfig alone only stills transforms).
  const still = useReducedMotion() === true;
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
                  <m.span className="pbars__solid" initial={still ? false : { width: '0%' }} animate={{ width: `${bar.solid}%` }} transition={{ duration: 0.9, ease: 'easeOut' }} />
                  <m.span className="pbars__faint" initial={still ? false : { width: '0%' }} animate={{ width: `${bar.faint}%` }} transition={{ duration: 0.9, delay: 0.5, ease: 'easeOut' }} />
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
