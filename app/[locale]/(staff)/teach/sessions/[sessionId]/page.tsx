import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { LiveSession } from '@/components/session/teach/LiveSession';
import { Link } from '@/i18n/navigation';
import { pageLocale } from '@/i18n/page-locale';
import { formatJoinCode } from '@/lib/domain/join-code';
import { loadLiveScreen } from '@/lib/server/teach-pages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Teach');
  return { title: t('session.pageTitle') };
}

/** The teacher's laptop: join details, live counts and controls, and the way to the projector and report. */
export default async function SessionPage({ params }: PageProps<'/[locale]/teach/sessions/[sessionId]'>) {
  const locale = await pageLocale(params);
  const { sessionId } = await params;
  const { session, link, qrSvg, outline, view } = await loadLiveScreen(locale, sessionId, `/teach/sessions/${sessionId}`);
  const t = await getTranslations('Teach.session');
  const format = await getFormatter();
  return (
    <>
      <p className="eyebrow">{t(`modes.${session.mode}`)}</p>
      <h1>{t('heading', { code: formatJoinCode(session.joinCode) })}</h1>
      <ul className="inline-list">
        <li>{session.beforeAfter ? t('beforeAfterOn') : t('beforeAfterOff')}</li>
        {session.closesAt && <li>{t('closesAt', { time: format.dateTime(session.closesAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</li>}
        <li>{t('created', { time: format.dateTime(session.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</li>
      </ul>
      <div className="actions actions--inline">
        {session.mode === 'live' && (
          <Link href={`/teach/sessions/${session.id}/projector`} className="button" target="_blank">
            {t('openProjector')}
          </Link>
        )}
        <Link href={`/teach/sessions/${session.id}/report`} className="button button--secondary">
          {t('openReport')}
        </Link>
      </div>
      <LiveSession
        sessionId={session.id}
        joinCode={session.joinCode}
        joinLink={link}
        qrSvg={qrSvg}
        locale={locale}
        outline={outline}
        initial={view}
        variant="dashboard"
      />
    </>
  );
}
