'use client';

import { useTranslations } from 'next-intl';
import { answerKey } from '@/lib/domain/journey';
import type { PlayerApi } from '../Player';

/** The plans a student picked and wrote, read back from the device. */
export function YourPlan({ api }: { api: PlayerApi }) {
  const t = useTranslations('Player.plan');
  const answer = api.state.answers[answerKey('main', 'plan')];
  const picked = answer?.response.kind === 'plan' ? answer.response.planIds : [];
  const plans = api.module.plans.filter((p) => picked.includes(p.id));
  return (
    <div className="card">
      <ul className="checklist">
        {plans.map((p) => (
          <li key={p.id}>
            <strong>{t('if')}</strong> {p.if}, <strong>{t('then')}</strong> {p.then}
          </li>
        ))}
        {api.state.ownPlans.map((p, i) => (
          <li key={`own-${i}`}>
            <strong>{t('if')}</strong> {p.if}, <strong>{t('then')}</strong> {p.then}
          </li>
        ))}
      </ul>
      {api.state.ownPlans.length > 0 && <p className="muted">{t('ownStaysHere')}</p>}
    </div>
  );
}
