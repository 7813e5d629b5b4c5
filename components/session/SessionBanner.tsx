'use client';

import { useTranslations } from 'next-intl';
import { useSyncExternalStore } from 'react';
import type { ClassSessionStateBody } from '@/lib/api/class-session-schemas';
import { formatJoinCode } from '@/lib/domain/join-code';

const noSubscription = () => () => {};

/** Which class session this phone is in and, when self-paced, until when. */
export function SessionBanner({ joinCode, state }: { joinCode: string; state: ClassSessionStateBody }) {
  const t = useTranslations('Session');
  // The closing time in the phone's own time zone: worked out in the browser only, so the
  // server's rendering (in UTC) never disagrees with it.
  const closesAt = useSyncExternalStore(
    noSubscription,
    () => (state.closesAt ? new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(new Date(state.closesAt)) : null),
    () => null,
  );
  return (
    <p className="session-banner">
      <span>{t('banner', { code: formatJoinCode(joinCode) })}</span>
      {state.mode === 'self_paced' && closesAt && <span>{t('openUntil', { time: closesAt })}</span>}
    </p>
  );
}
