'use client';

import { useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import { ScreenHeading } from '@/components/ui/ScreenHeading';
import type { PlayerApi } from '../Player';
import { PrimaryAction } from '@/components/ui/PrimaryAction';

export function IntroScreen({ api, resumable }: { api: PlayerApi; resumable: boolean }) {
  const t = useTranslations('Player.intro');
  const { module } = api;
  return (
    <>
      <p className="eyebrow">{module.tagline}</p>
      <ScreenHeading focus={false} className="title">
        {module.title}
      </ScreenHeading>
      {api.followUp ? (
        <div className="card">
          <h2>{t('followUpHeading')}</h2>
          <p>{t('followUpBody')}</p>
        </div>
      ) : (
        <p className="lead">{module.intro}</p>
      )}
      <div className="card">
        <h2>{t('beforeYouStart')}</h2>
        <p>{module.contentNote}</p>
        <p>
          <Link href="/support" className="tap-link">
            {t('supportLink')}
          </Link>
        </p>
      </div>
      <ul className="checklist">
        <li>{t('anonymous')}</li>
        <li>{t('noTimer')}</li>
        <li>{t('saved')}</li>
      </ul>
      <PrimaryAction onClick={api.start}>{resumable ? t('continue') : t('start')}</PrimaryAction>
      <p className="muted">
        <Link href="/privacy" className="tap-link">
          {t('privacyLink')}
        </Link>
      </p>
    </>
  );
}
