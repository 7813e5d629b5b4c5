'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { SummaryScreen } from '@/components/player/screens/SummaryScreen';
import type { PlayerApi } from '@/components/player/Player';
import { PrimaryAction } from '@/components/ui/PrimaryAction';
import { ScreenHeading } from '@/components/ui/ScreenHeading';
import { Link } from '@/i18n/navigation';

/** A closed session takes no more answers and says so; what the student did stays theirs to see. */
export function SessionEnded({ api }: { api: PlayerApi }) {
  const t = useTranslations('Session.ended');
  const [showSummary, setShowSummary] = useState(false);
  if (showSummary) return <SummaryScreen api={api} />;
  const answered = Object.keys(api.state.answers).length;
  const unsent = api.state.refused.length;
  return (
    <div data-session-status="closed">
      <ScreenHeading>{t('title')}</ScreenHeading>
      <p className="lead">{t('body')}</p>
      {answered > 0 && <p>{t('saved', { count: answered - unsent })}</p>}
      {unsent > 0 && <p className="sync sync--offline">{t('tooLate', { count: unsent })}</p>}
      {answered > 0 && <PrimaryAction onClick={() => setShowSummary(true)}>{t('seeSummary')}</PrimaryAction>}
      <p>
        <Link href="/learn">{t('onYourOwn')}</Link>
      </p>
    </div>
  );
}
