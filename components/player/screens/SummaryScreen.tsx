'use client';

import { useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import { Reveal } from '@/components/ui/Reveal';
import { ScreenHeading } from '@/components/ui/ScreenHeading';
import type { Phase } from '@/lib/content/schema';
import { isCorrectAnswer } from '@/lib/domain/correctness';
import { answerKey } from '@/lib/domain/journey';
import type { PlayerApi } from '../Player';
import { YourPlan } from './YourPlan';

/**
 * What the student learned: their scores before and after, their plan, and the key points. After
 * a follow-up: the recap's score and the key points (the plan was made on the first visit).
 */
export function SummaryScreen({ api }: { api: PlayerApi }) {
  const t = useTranslations('Player.summary');
  const { module, state } = api;
  const score = (phase: Phase) => {
    const items = module.items.filter((i) => i.phases.includes(phase));
    const right = items.filter((i) => {
      const answer = state.answers[answerKey(phase, i.id)];
      return answer !== undefined && isCorrectAnswer(i, answer.response);
    }).length;
    return { right, of: items.length };
  };
  const before = score('before');
  const quiz = score('main');
  const after = score('after');
  const recap = score('followup');
  const waiting = state.outbox.length > 0;

  return (
    <Reveal>
      <p className="eyebrow">{t('eyebrow')}</p>
      <ScreenHeading>{module.summary.heading}</ScreenHeading>
      <p className="lead">{api.followUp ? t('followUpBody') : module.summary.body}</p>
      <div className="card">
        <h2>{t('scoresHeading')}</h2>
        {api.followUp ? (
          <ul className="checklist">
            <li>{t('followUp', recap)}</li>
          </ul>
        ) : (
          <ul className="checklist">
            {api.beforeAfter && <li>{t('before', before)}</li>}
            <li>{t('quiz', quiz)}</li>
            {api.beforeAfter && <li>{t('after', after)}</li>}
          </ul>
        )}
      </div>
      {!api.followUp && (
        <>
          <h2>{t('planHeading')}</h2>
          <YourPlan api={api} />
        </>
      )}
      <h2>{t('keyPoints')}</h2>
      <ul className="checklist">
        {module.considerations.map((k) => (
          <li key={k.id}>
            <strong>{k.title}</strong> {k.body}
          </li>
        ))}
      </ul>
      <div className="card contact">
        <h2>{t('supportHeading')}</h2>
        <p>{t('supportBody')}</p>
        <p>
          <Link href="/support">{t('supportLink')}</Link>
        </p>
      </div>
      <p className="muted">{waiting ? t('stillSaving') : t('allSaved')}</p>
      {/* In a class session, starting again would count this phone twice in the class's results. */}
      {api.joinCode === null && (
        <div className="actions">
          <button type="button" className="button button--secondary" disabled={waiting} onClick={api.restart}>
            {t('startAgain')}
          </button>
        </div>
      )}
    </Reveal>
  );
}
