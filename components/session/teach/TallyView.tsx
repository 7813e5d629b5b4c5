'use client';

import { useTranslations } from 'next-intl';
import type { DisclosedTally } from '@/lib/domain/class-tally-disclosure';
import type { DisclosedFigure } from '@/lib/domain/disclosure';
import type { TallyLabels } from '@/lib/server/session-outline';

/**
 * How the class answered one question, as a table a screen reader can read, with a bar per row
 * for the room. Small groups arrive from the server already as "fewer than k"; this only
 * draws what it is given.
 */
export function TallyView({ tally, labels }: { tally: DisclosedTally; labels: TallyLabels | undefined }) {
  const t = useTranslations('Teach.tally');
  const figure = (value: DisclosedFigure) =>
    value.kind === 'count' ? String(value.value) : value.kind === 'fewer-than' ? t('fewerThan', { k: value.k }) : t('withheld');
  const heading = labels?.heading ?? null;

  if (tally.kind === 'hidden') {
    return (
      <div className="tally">
        {heading && <h3>{heading}</h3>}
        <p className="muted">{t('hidden', { k: tally.k })}</p>
      </div>
    );
  }
  if (tally.kind === 'order' || tally.kind === 'number') {
    return (
      <div className="tally">
        {heading && <h3>{heading}</h3>}
        <p className="tally__single">
          {t(tally.kind === 'order' ? 'orderCorrect' : 'numberClose', { correct: figure(tally.correct), respondents: figure(tally.respondents) })}
        </p>
      </div>
    );
  }

  const rows =
    tally.kind === 'options'
      ? tally.options.map((o) => ({ key: o.id, label: labels?.labels[o.id] ?? o.id, count: o.count, correct: o.correct }))
      : tally.points.map((p) => ({
          key: String(p.value),
          label: labels?.labels[p.value === null ? 'skip' : String(p.value)] ?? String(p.value),
          count: p.count,
          correct: null,
        }));
  const largest = Math.max(1, ...rows.map((r) => (r.count.kind === 'count' ? r.count.value : 0)));

  return (
    <table className="tally">
      <caption>
        {heading ?? t('caption')} <span className="tally__respondents">{t('respondents', { respondents: figure(tally.respondents) })}</span>
      </caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">{t('answer')}</th>
          <th scope="col">{t('count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={row.correct ? 'tally__row tally__row--correct' : 'tally__row'}>
            <th scope="row">
              {row.label}
              {row.correct && <span className="tally__correct"> {t('correct')}</span>}
            </th>
            <td>
              <span className="tally__bar" aria-hidden="true">
                <span style={{ width: `${row.count.kind === 'count' ? (row.count.value / largest) * 100 : 0}%` }} />
              </span>
              <span className="tally__count">{figure(row.count)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
