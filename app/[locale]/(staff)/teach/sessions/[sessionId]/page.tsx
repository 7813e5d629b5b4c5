import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { sessionStatusText } from '@/components/session/session-status';
import { LiveSession } from '@/components/session/teach/LiveSession';
import { Link } from '@/i18n/navigation';
import { pageLocale } from '@/i18n/page-locale';
import { formatJoinCode } from '@/lib/domain/join-code';
import { canReadClassReport } from '@/lib/domain/staff-access';
import { getDatabase } from '@/lib/server/database';
import { followUpOfSession } from '@/lib/server/follow-ups';
import { sessionJourneyOptions } from '@/lib/domain/session-journey';
import { presenterSteps } from '@/lib/server/step-shows';
import { loadLiveScreen } from '@/lib/server/teach-pages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Teach');
  return { title: t('session.pageTitle') };
}

/** The teacher's laptop: join details, live counts and controls, and the way to the projector and report. */
export default async function SessionPage({ params }: PageProps<'/[locale]/teach/sessions/[sessionId]'>) {
  const locale = await pageLocale(params);
  const { sessionId } = await params;
  const { staff, session, link, qrSvg, outline, view, module } = await loadLiveScreen(locale, sessionId, `/teach/sessions/${sessionId}`);
  const steps = await presenterSteps(locale, sessionJourneyOptions(session), module);
  const t = await getTranslations('Teach.session');
  const format = await getFormatter();
  const followUp = await followUpOfSession(await getDatabase(), session);
  return (
    <>
      <p className="eyebrow">{t(`modes.${session.mode}`)}</p>
      <h1>{t('heading', { code: formatJoinCode(session.joinCode) })}</h1>
      {followUp && (
        <p className="lead">
          {followUp.follows
            ? t('followUpOf', { date: format.dateTime(followUp.follows.createdAt, { dateStyle: 'long' }), code: formatJoinCode(followUp.follows.joinCode) })
            : t('followUpOfDeleted')}
        </p>
      )}
      <ul className="inline-list">
        {/* How many devices paired is a head count that grows one phone at a time: the report gives it once the session has closed. */}
        {followUp ? <li>{t('pairedInReport')}</li> : <li>{session.beforeAfter ? t('beforeAfterOn') : t('beforeAfterOff')}</li>}
        {!followUp && <li>{session.path === 'full' ? t('pathFull') : t('pathCore')}</li>}
        {session.closesAt && <li>{t('closesAt', { time: format.dateTime(session.closesAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</li>}
        <li>{t('created', { time: format.dateTime(session.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</li>
        <li data-session-status>{await sessionStatusText(session, locale, new Date(), { withTime: true })}</li>
        {/* Links in the line, not buttons in a row of their own: the presenter's controls stay above the fold at 1366×768. */}
        {canReadClassReport(staff, session) && (
          <li>
            <Link href={`/teach/sessions/${session.id}/report`}>{t('openReport')}</Link>
          </li>
        )}
        {!followUp && (
          <li>
            <Link href={{ pathname: '/teach/sessions/new', query: { followUpOf: session.id } }}>{t('planFollowUp')}</Link>
          </li>
        )}
      </ul>
      <LiveSession
        sessionId={session.id}
        joinCode={session.joinCode}
        joinLink={link}
        qrSvg={qrSvg}
        locale={locale}
        outline={outline}
        notes={steps.map((s) => s.note)}
        shows={steps.map((s) => s.show)}
        initial={view}
        projectorHref={`/${locale}/teach/sessions/${session.id}/projector`}
      />
    </>
  );
}
