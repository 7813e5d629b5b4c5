'use client';

import { useTranslations } from 'next-intl';
import { sectionProgress, type JourneyStep } from '@/lib/domain/journey';

export function ProgressBar({ steps, index }: { steps: readonly JourneyStep[]; index: number }) {
  const t = useTranslations('Player');
  const percent = Math.round((index / Math.max(1, steps.length - 1)) * 100);
  const within = sectionProgress(steps, index);
  return (
    <div className="progress">
      <div className="progress__label">
        <span>{within ? t('sectionProgress', { section: t(`sections.${within.section}`), at: within.at, of: within.of }) : ''}</span>
        <span>{t('percentDone', { percent })}</span>
      </div>
      <div
        className="progress__bar"
        role="progressbar"
        aria-label={t('progressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
