import 'server-only';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { closedReasonOf, notOpenYet, type SessionLifecycle } from '@/lib/domain/session-lifecycle';
import { env } from '@/lib/env';

/**
 * A session's state in a teacher's words: open, opening on a day, or closed and why
 * ("Closed automatically after 90 minutes without activity, at 11:35").
 */
export async function sessionStatusText(
  session: SessionLifecycle,
  locale: Locale,
  now: Date,
  { withTime = false }: { withTime?: boolean } = {},
): Promise<string> {
  const t = await getTranslations({ locale, namespace: 'Session.lifecycle' });
  const format = await getFormatter({ locale });
  const reason = closedReasonOf(session, now);
  if (reason === null) {
    return session.opensAt !== null && notOpenYet(session, now) ? t('opensOn', { date: format.dateTime(session.opensAt, { dateStyle: 'long' }) }) : t('open');
  }
  const text = t(reason, { minutes: env.LIVE_SESSION_IDLE_MINUTES });
  const closedAt = session.closedAt ?? session.closesAt;
  return withTime && closedAt !== null ? t('at', { reason: text, time: format.dateTime(closedAt, { dateStyle: 'medium', timeStyle: 'short' }) }) : text;
}
