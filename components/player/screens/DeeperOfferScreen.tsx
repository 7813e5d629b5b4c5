'use client';

import { useTranslations } from 'next-intl';
import { Reveal } from '@/components/ui/Reveal';
import { ScreenHeading } from '@/components/ui/ScreenHeading';
import type { StepProps } from '../StepScreen';

/**
 * The end of the core for a student on their own: go on to the deeper sections, or finish with
 * the summary. Both are one tap; the choice is kept on the device with the rest of the player's
 * state, so a reload keeps it (decision note 014).
 */
export function DeeperOfferScreen({ index, api }: StepProps) {
  const t = useTranslations('Player.deeperOffer');
  const choose = (deeper: boolean) =>
    api.update((s) => (s.position <= index ? { ...s, deeper, position: index + 1 } : { ...s, deeper }));
  return (
    <Reveal>
      <p className="eyebrow">{t('eyebrow')}</p>
      <ScreenHeading>{t('title')}</ScreenHeading>
      <p className="lead">{t('body', { minutes: api.module.minutes.deeper })}</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => choose(true)}>
          {t('goDeeper')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => choose(false)}>
          {t('finish')}
        </button>
      </div>
    </Reveal>
  );
}
