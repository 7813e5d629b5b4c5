'use client';

import { useTranslations } from 'next-intl';
import type { SyncStatus } from './sync';

/** Says, politely, whether answers have reached the server or are waiting safely on the phone. */
export function SyncNotice({ status, pending }: { status: SyncStatus; pending: number }) {
  const t = useTranslations('Player.sync');
  const offline = status === 'offline' && pending > 0;
  const text = offline ? t('offline', { count: pending }) : pending > 0 ? t('saving') : status === 'saved' ? t('saved') : '';
  return (
    <p className={offline ? 'sync sync--offline' : 'sync'} role="status" data-sync-status={offline ? 'offline' : pending > 0 ? 'saving' : status}>
      {text}
    </p>
  );
}
