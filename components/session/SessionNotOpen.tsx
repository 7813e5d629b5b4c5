import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';

/** A scheduled follow-up before its day: when to come back, and nothing to answer yet. */
export async function SessionNotOpen({ opensAt, locale }: { opensAt: Date; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Session.notOpen' });
  const format = await getFormatter({ locale });
  return (
    <div data-session-status="not-open">
      <h1>{t('title')}</h1>
      <p className="lead">{t('body', { date: format.dateTime(opensAt, { dateStyle: 'full' }) })}</p>
      <p>
        <Link href="/learn">{t('onYourOwn')}</Link>
      </p>
    </div>
  );
}
