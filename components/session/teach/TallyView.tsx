'use client';

import { useTranslations } from 'next-intl';
import type { DisclosedTally } from '@/lib/domain/class-tally-disclosure';
import type { LiveFigure } from '@/lib/domain/live-tree';
import type { TallyLabels } from '@/lib/server/session-outline';
import { useLiveFigure } from './use-live-figure';

interface Row {
  key: string;
  label: string;
  count: LiveFigure;
  correct: boolean | null;
}

/**
 * How far a bar goes: a number to its end; a range solid to its start and striped to its end; a
 * small group (which may be none) only a short striped stub, so that it never looks like k − 1.
 */
function barOf(figure: LiveFigure, largest: number): { solid: number; faint: number } {
  const share = (n: number) => (n / largest) * 100;
  if (figure.kind === 'count') return { solid: share(figure.value), faint: 0 };
  if (figure.kind === 'range') return { solid: share(figure.from), faint: share(figure.to - figure.from) };
  return { solid: 0, faint: 3 };
}

/**
 * How the class answered one question, as a table a screen reader can read, with a bar per row
 * for the room. The figures arrive from the server already released and disclosed: a small group
 * as "fewer than k", a figure that would give one away as the range it lies in. This only draws
 * them, and says why when any figure isn't a plain number.
 */
export function TallyView({ tally, labels, k }: { tally: DisclosedTally; labels: TallyLabels | undefined; k: number }) {
  const t = useTranslations('Teach.tally');
  const tp = useTranslations('Teach.projector');
  const figure = useLiveFigure();
  const heading = labels?.heading ?? null;

  if (tally.kind === 'waiting') {
    return (
      <div className="tally">
        {heading && <h3>{heading}</h3>}
        <p className="muted">{tally.why === 'unsafe' ? t('unsafe') : t('hidden', { at: tally.at ?? tally.k, k: tally.k })}</p>
      </div>
    );
  }

  const rows: Row[] =
    tally.kind === 'options'
      ? tally.options.map((o) => ({ key: o.id, label: labels?.labels[o.id] ?? o.id, count: o.count, correct: o.correct }))
      : tally.kind === 'scale'
        ? tally.points.map((p) => ({
            key: String(p.value),
            label: labels?.labels[p.value === null ? 'skip' : String(p.value)] ?? String(p.value),
            count: p.count,
            correct: null,
          }))
        : [
            { key: 'right', label: t(tally.question === 'order' ? 'rightOrder' : 'closeGuess'), count: tally.right, correct: true },
            // A number guess shows the same spread as the projector: the bins of those not close.
            ...(tally.spread
              ? tally.spread.map((s) => ({ key: s.bin, label: tp(`bins.${s.bin}`), count: s.count, correct: null }))
              : [{ key: 'other', label: t(tally.question === 'order' ? 'otherOrder' : 'furtherOff'), count: tally.other, correct: null }]),
          ];
  const largest = Math.max(1, ...rows.map((r) => (r.count.kind === 'count' ? r.count.value : r.count.kind === 'range' ? r.count.to : 0)));
  const protectedFigures = rows.some((r) => r.count.kind !== 'count');
  const story = tally.itemId.includes('/');

  return (
    <div className="tally-block">
      <table className="tally">
        <caption>
          {heading ?? t('caption')}{' '}
          <span className="tally__respondents">{t(story ? 'reached' : 'counted', { count: figure(tally.reached) })}</span>
        </caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{t('answer')}</th>
            <th scope="col">{t('count')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const bar = barOf(row.count, largest);
            return (
              <tr key={row.key} className={row.correct ? 'tally__row tally__row--correct' : 'tally__row'} data-figure={row.count.kind}>
                <th scope="row">
                  {row.label}
                  {row.correct && tally.kind === 'options' && <span className="tally__correct"> {t('correct')}</span>}
                </th>
                <td>
                  <span className="tally__bar" aria-hidden="true">
                    <span style={{ width: `${bar.solid}%` }} />
                    <span className="tally__bar-faint" style={{ width: `${bar.faint}%` }} />
                  </span>
                  <span className="tally__count">{figure(row.count)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {tally.kind === 'options' && !tally.additive && <p className="tally__note">{t('tickAll')}</p>}
      {protectedFigures && <p className="tally__note">{t('why', { k })}</p>}
    </div>
  );
}
