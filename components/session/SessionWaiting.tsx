'use client';

import { useTranslations } from 'next-intl';
import { ScreenHeading } from '@/components/ui/ScreenHeading';

/** Live mode: before the teacher starts, and after this phone has done the class's current step. */
export function SessionWaiting({ waitingFor }: { waitingFor: 'start' | 'next' }) {
  const t = useTranslations('Session.waiting');
  return (
    <div className="waiting" role="status">
      <ScreenHeading>{t(`${waitingFor}.title`)}</ScreenHeading>
      <p className="lead">{t(`${waitingFor}.body`)}</p>
    </div>
  );
}
