'use client';

import { useTranslations } from 'next-intl';
import type { DiscussionPoint } from '@/lib/domain/class-discussion';
import type { StepShow } from '@/lib/server/step-shows';
import { keepTogether, useDiscussionLabels } from '../discussion-labels';
import { useLiveFigure } from './use-live-figure';

/**
 * The presenter's end view: the same "what to talk about" as the projector (the most common wrong
 * answers, and those given while very sure, from the class's releases), for the teacher to read
 * out. Figures come from the server as disclosed; nothing is worked out here.
 */
export function PresenterDiscussion({ discuss, wrongButSure, shows, k }: { discuss: DiscussionPoint[]; wrongButSure: DiscussionPoint[]; shows: readonly StepShow[]; k: number }) {
  const t = useTranslations('Teach.projector');
  const figure = useLiveFigure();
  const labelOf = useDiscussionLabels(shows);
  return (
    <section className="card presenter__discuss" aria-labelledby="discuss-heading">
      <h2 id="discuss-heading">{t('discussHeading')}</h2>
      <h3>{t('commonHeading')}</h3>
      {discuss.length > 0 ? (
        <ol>
          {discuss.map((point) => {
            const label = labelOf(point.itemId, point.optionId);
            return (
              <li key={`${point.itemId}:${point.optionId ?? ''}`}>
                {label.question} <strong>{t.rich('mistake', { answer: label.answer, count: figure(point.figure), figure: keepTogether })}</strong>
              </li>
            );
          })}
        </ol>
      ) : (
        <p>{t('noCommonMistakes', { k })}</p>
      )}
      <h3>{t('sureHeading')}</h3>
      {wrongButSure.length > 0 ? (
        <ol data-list="wrong-but-sure">
          {wrongButSure.map((point) => {
            const label = labelOf(point.itemId, point.optionId);
            return (
              <li key={`${point.itemId}:${point.optionId ?? ''}`}>
                {label.question} <strong>{t.rich('sureMistake', { answer: label.answer, count: figure(point.figure), figure: keepTogether })}</strong>
                {label.right && <> {t('rightAnswer', { answer: label.right })}</>}
              </li>
            );
          })}
        </ol>
      ) : (
        <p>{t('noWrongButSure', { k })}</p>
      )}
    </section>
  );
}
