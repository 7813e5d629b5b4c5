import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { LiveSession } from '@/components/session/teach/LiveSession';
import { Link } from '@/i18n/navigation';
import { pageLocale } from '@/i18n/page-locale';
import { formatJoinCode } from '@/lib/domain/join-code';
import { getDatabase } from '@/lib/server/database';
import { joinLink, qrCodeSvg } from '@/lib/server/join-link';
import { readTeacherLiveView } from '@/lib/server/live/snapshots';
import { sessionOutline } from '@/lib/server/session-outline';
import { requireSessionPage } from '@/lib/server/teach-pages';

async function readLiveView(id: string) {
  const view = await readTeacherLiveView(await getDatabase(), id, new Date());
  if (!view) notFound();
  return view;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Teach');
  return { title: t('session.pageTitle') };
}

/** The teacher's laptop: join details, live counts and controls, and the way to the projector and report. */
export default async function SessionPage({ params }: PageProps<'/[locale]/teach/sessions/[sessionId]'>) {
  const locale = await pageLocale(params);
  const { sessionId } = await params;
  const { session } = await requireSessionPage(locale, sessionId, `/teach/sessions/${sessionId}`);
  const t = await getTranslations('Teach.session');
  const format = await getFormatter();
  const link = joinLink(session.joinCode, await headers());
  const [qr, outline, view] = await Promise.all([
    qrCodeSvg(link),
    sessionOutline(locale, session.beforeAfter),
    readLiveView(session.id),
  ]);
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
        qrSvg={qr}
        locale={locale}
        outline={outline}
        initial={view}
        variant="dashboard"
      />
    </>
  );
}
