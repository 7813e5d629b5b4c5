'use client';

import { useTranslations } from 'next-intl';
import type { StepProgress } from './progress';

export function ProgressBar({ progress: { percent, within } }: { progress: StepProgress }) {
  const t = useTranslations('Player');
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
