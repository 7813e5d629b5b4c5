'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { Reveal } from '@/components/ui/Reveal';
import type { PlayerItem } from '@/lib/content/player';
import { confidenceFeedback } from '@/lib/domain/confidence-feedback';
import { SourceList } from '../SourceList';

/**
 * Feedback on the student's own answer: a verdict, the explanation of each option they chose
 * (every wrong option has its own), any right option they missed, and the general explanation.
 * The panel takes focus so a screen reader reads it at once. How sure the student said they were
 * changes it: a confident error is marked as the one to remember, a lucky guess is reinforced.
 */
export function ItemFeedback({
  item,
  chosen,
  correct,
  confidence,
}: {
  item: PlayerItem;
  chosen: readonly string[];
  correct: boolean;
  confidence?: number | undefined;
}) {
  const t = useTranslations('Player.feedback');
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const option = (id: string) => item.options.find((o) => o.id === id);
  const missed = item.kind === 'multiple' ? item.options.filter((o) => o.correct && !chosen.includes(o.id)) : [];
  // A wrong single answer shows the right one with its own explanation, not only "not quite".
  const rightOne = !correct && item.kind !== 'multiple' && item.kind !== 'ordering' ? item.options.find((o) => o.correct) : undefined;
  const reaction = confidenceFeedback(correct, confidence);

  return (
    <Reveal className={`feedback ${correct ? 'feedback--correct' : 'feedback--wrong'}`}>
      <h2 className="feedback__verdict" ref={ref} tabIndex={-1}>
        <span aria-hidden="true">{correct ? '✓' : '✗'}</span>
        {correct ? t('correct') : t('notQuite')}
      </h2>
      {reaction && (
        <div className={`confidence-note confidence-note--${reaction}`} data-confidence-feedback={reaction}>
          <p className="confidence-note__title">
            <span aria-hidden="true">{reaction === 'remember' ? '★ ' : '↺ '}</span>
            {t(`${reaction}.title`)}
          </p>
          <p>{t(`${reaction}.body`)}</p>
        </div>
      )}
      {item.kind === 'ordering' ? (
        <>
          {!correct && item.wrongOrder && <p>{item.wrongOrder}</p>}
          <h3>{t('rightOrder')}</h3>
          <ol>
            {item.options.map((o) => (
              <li key={o.id}>{o.label}</li>
            ))}
          </ol>
        </>
      ) : (
        <>
          <h3>{t(chosen.length > 1 ? 'yourAnswers' : 'yourAnswer')}</h3>
          <ul>
            {chosen.map((id) => {
              const o = option(id);
              return (
                <li key={id}>
                  <strong>
                    {o?.label} {o?.correct ? t('markRight') : t('markWrong')}
                  </strong>{' '}
                  {o?.explanation}
                </li>
              );
            })}
          </ul>
          {rightOne && (
            <>
              {/* One explanation, not two: the question's own, which says why, under the right option. */}
              <h3>{t('rightAnswer')}</h3>
              <p>
                <strong>{rightOne.label}</strong>
              </p>
              <p>{item.explanation}</p>
            </>
          )}
          {missed.length > 0 && (
            <>
              <h3>{t('missed')}</h3>
              <ul>
                {missed.map((o) => (
                  <li key={o.id}>
                    <strong>{o.label}</strong> {o.explanation}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {!rightOne && (
        <>
          {reaction === 'reinforce' && <h3>{t('why')}</h3>}
          <p>{item.explanation}</p>
        </>
      )}
      <SourceList sources={item.sources} />
    </Reveal>
  );
}
