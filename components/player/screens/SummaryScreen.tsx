'use client';

import { useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import { Reveal } from '@/components/ui/Reveal';
import { ScreenHeading } from '@/components/ui/ScreenHeading';
import type { PlayerItem } from '@/lib/content/player';
import type { Phase } from '@/lib/content/schema';
import { confidenceHighlights, inAnsweredOrder, rightAnswerLabels } from '@/lib/domain/confidence-highlights';
import { isCorrectAnswer } from '@/lib/domain/correctness';
import { answerKey } from '@/lib/domain/journey';
import type { PlayerApi } from '../Player';
import { StartAgainDialog } from './StartAgainDialog';
import { YourPlan } from './YourPlan';

/** At most this many of each highlight, so the summary stays about one and a half phone screens. */
const MOST_WRONG_BUT_SURE = 3;
const MOST_RIGHT_BUT_GUESSING = 2;

/**
 * What to take away, in the order it matters: the questions the student got wrong while very
 * sure (and the right answers), those they got right while guessing, their plan as a card to
 * keep, then the key points in a line each.
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
  const scores = api.followUp
    ? [t('followUp', score('followup'))]
    : [...(api.beforeAfter ? [t('before', score('before'))] : []), t('quiz', score('main')), ...(api.beforeAfter ? [t('after', score('after'))] : [])];
  const highlights = confidenceHighlights(module.items, inAnsweredOrder(state.answers));
  const itemById = new Map(module.items.map((i) => [i.id, i]));
  const pick = (ids: string[], most: number) => ids.slice(0, most).flatMap((id) => itemById.get(id) ?? []);
  const wrongButSure = pick(highlights.wrongButSure, MOST_WRONG_BUT_SURE);
  const rightButGuessing = pick(highlights.rightButGuessing, MOST_RIGHT_BUT_GUESSING);
  const waiting = state.outbox.length > 0;

  return (
    <Reveal>
      <p className="eyebrow">{t('eyebrow')}</p>
      <ScreenHeading>{module.summary.heading}</ScreenHeading>
      <p className="muted">{scores.join(' · ')}</p>
      {wrongButSure.length > 0 && (
        <Highlights id="remember" tone="remember" heading={t('remember')} hint={t('rememberHint')} items={wrongButSure} answerLabel={t('rightAnswer')} />
      )}
      {rightButGuessing.length > 0 && (
        <Highlights id="trust-it" tone="trust" heading={t('trustIt')} hint={t('trustItHint')} items={rightButGuessing} answerLabel={t('rightAnswer')} />
      )}
      {!api.followUp && <YourPlan api={api} />}
      <h2>{t('takeAway')}</h2>
      <ul className="take-away">
        {module.considerations.map((k) => (
          <li key={k.id}>{k.title}</li>
        ))}
      </ul>
      <p>
        <Link href="/support" className="tap-link">
          {t('supportLink')}
        </Link>
      </p>
      <p className="muted">{waiting ? t('stillSaving') : t('allSaved')}</p>
      {/* In a class session, starting again would count this phone twice in the class's results. */}
      {api.joinCode === null && <StartAgainDialog disabled={waiting} onConfirm={api.restart} />}
    </Reveal>
  );
}

function Highlights({
  id,
  tone,
  heading,
  hint,
  items,
  answerLabel,
}: {
  id: string;
  tone: 'remember' | 'trust';
  heading: string;
  hint: string;
  items: PlayerItem[];
  answerLabel: string;
}) {
  return (
    <section className={`card highlights highlights--${tone}`} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p className="hint">{hint}</p>
      <ul className="highlights__list">
        {items.map((item) => (
          <li key={item.id}>
            <p className="highlights__prompt">{item.prompt}</p>
            <p>
              <strong>{answerLabel}</strong> {rightAnswerLabels(item).join(item.kind === 'ordering' ? ' → ' : '; ')}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
