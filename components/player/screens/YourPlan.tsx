'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { answerKey } from '@/lib/domain/journey';
import type { PlanCardContent } from '@/lib/plan-card/card-layout';
import type { CardFormat } from '../plan-card/save-card';
import { useSupportLines } from '../plan-card/SupportLinesProvider';
import type { PlayerApi } from '../Player';

type SaveStatus = { kind: 'idle' } | { kind: 'making' } | { kind: 'saved'; format: CardFormat } | { kind: 'failed' };

/**
 * The plans a student picked and wrote, read back from the device, as a card they can keep:
 * saved as an image or a PDF made on this phone (plan-card/save-card.ts, loaded on the tap).
 */
export function YourPlan({ api }: { api: PlayerApi }) {
  const t = useTranslations('Player.plan');
  const tCard = useTranslations('Player.planCard');
  const tCommon = useTranslations('Common');
  const supportLines = useSupportLines();
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const answer = api.state.answers[answerKey('main', 'plan')];
  const picked = answer?.response.kind === 'plan' ? answer.response.planIds : [];
  const plans = [...api.module.plans.filter((p) => picked.includes(p.id)), ...api.state.ownPlans];

  const save = async (format: CardFormat) => {
    setStatus({ kind: 'making' });
    const content: PlanCardContent = {
      appName: tCommon('appName'),
      title: tCard('cardTitle'),
      ifLabel: t('if'),
      thenLabel: t('then'),
      plans,
      supportHeading: tCard('supportHeading'),
      supportLines: supportLines.flatMap((line) => [
        ...(line.phone ? [tCard('callLine', { name: line.name, phone: line.phone })] : []),
        ...(line.sms ? [tCard('textLine', { name: line.name, number: line.sms.number, message: line.sms.message })] : []),
      ]),
    };
    try {
      const { savePlanCard } = await import('../plan-card/save-card');
      await savePlanCard(content, format, tCard('fileName'));
      setStatus({ kind: 'saved', format });
    } catch (error) {
      // Say why in the console for whoever helps the student; the student is offered a screenshot.
      console.warn('The plan card could not be made:', error);
      setStatus({ kind: 'failed' });
    }
  };

  return (
    <section className="plan-card" aria-labelledby="plan-card-title">
      <div className="plan-card__face">
        <h2 className="plan-card__title" id="plan-card-title">
          {tCard('cardTitle')}
        </h2>
        <ul className="plan-card__plans">
          {plans.map((p, i) => (
            <li key={i}>
              <span className="plan-card__label">{t('if')}</span> {p.if},{' '}
              <span className="plan-card__label">{t('then')}</span> <strong>{p.then}</strong>
            </li>
          ))}
        </ul>
      </div>
      <div className="plan-card__actions">
        <button type="button" className="button button--secondary" disabled={status.kind === 'making'} onClick={() => void save('png')}>
          {tCard('savePng')}
        </button>
        <button type="button" className="button button--secondary" disabled={status.kind === 'making'} onClick={() => void save('pdf')}>
          {tCard('savePdf')}
        </button>
      </div>
      <p className="muted plan-card__note" role="status">
        {status.kind === 'making'
          ? tCard('making')
          : status.kind === 'saved'
            ? tCard(status.format === 'png' ? 'savedPng' : 'savedPdf')
            : status.kind === 'failed'
              ? tCard('failed')
              : tCard('privacy')}
      </p>
    </section>
  );
}
