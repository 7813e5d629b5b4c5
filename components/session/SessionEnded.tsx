'use client';

import { useLocale, useTranslations } from 'next-intl';
import { lazy, Suspense, useState, useSyncExternalStore } from 'react';
import type { PlayerApi } from '@/components/player/Player';
import type { ClassSessionStateBody } from '@/lib/api/class-session-schemas';
import { PrimaryAction } from '@/components/ui/PrimaryAction';
import { ScreenHeading } from '@/components/ui/ScreenHeading';
import { Link } from '@/i18n/navigation';

const noSubscription = () => () => {};

/** Only a student who asks for it sees the summary: its code is not part of the page's first load. */
const SummaryScreen = lazy(() => import('@/components/player/screens/SummaryScreen').then((m) => ({ default: m.SummaryScreen })));

type Closing = { reason: 'teacher' } | { reason: 'time' | 'inactive'; at: string };

/**
 * Why the session closed, in the words that fit: a closing time the phone saw pass by itself
 * (the server had not written it down yet) is the teacher's time too.
 */
function closingOf(state: ClassSessionStateBody): Closing {
  const at = state.closedAt ?? state.closesAt;
  const reason = state.closedReason ?? (state.closesAt !== null ? 'time' : 'teacher');
  return reason === 'teacher' || at === null ? { reason: 'teacher' } : { reason, at };
}

/** A closed session takes no more answers and says so; what the student did stays theirs to see. */
export function SessionEnded({ api, state }: { api: PlayerApi; state: ClassSessionStateBody }) {
  const t = useTranslations('Session.ended');
  const [showSummary, setShowSummary] = useState(false);
  const closing = closingOf(state);
  const locale = useLocale();
  // In the phone's own time zone, worked out in the browser only (as SessionBanner does), in the page's language.
  const time = useSyncExternalStore(
    noSubscription,
    () => (closing.reason === 'teacher' ? null : new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(closing.at))),
    () => null,
  );
  if (showSummary) {
    return (
      <Suspense fallback={null}>
        <SummaryScreen api={api} />
      </Suspense>
    );
  }
  const answered = Object.keys(api.state.answers).length;
  const unsent = api.state.refused.length;
  return (
    <div data-session-status="closed">
      <ScreenHeading>{t('title')}</ScreenHeading>
      <p className="lead" data-closed-reason={closing.reason}>
        {closing.reason === 'teacher' ? t('body') : t(closing.reason === 'time' ? 'bodyTime' : 'bodyInactive', { time: time ?? 'none' })}
      </p>
      {answered > 0 && <p>{t('saved', { count: answered - unsent })}</p>}
      {unsent > 0 && <p className="sync sync--offline">{t('tooLate', { count: unsent })}</p>}
      {answered > 0 && <PrimaryAction onClick={() => setShowSummary(true)}>{t('seeSummary')}</PrimaryAction>}
      <p>
        <Link href="/learn">{t('onYourOwn')}</Link>
      </p>
    </div>
  );
}
