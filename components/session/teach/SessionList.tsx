import { getFormatter, getTranslations } from 'next-intl/server';
import { reportFigures } from '@/components/reports/figures';
import { Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { discloseCount } from '@/lib/domain/disclosure';
import { formatJoinCode } from '@/lib/domain/join-code';
import type { ClassSessionListing } from '@/lib/server/class-sessions';
import { sessionStatusText } from '../session-status';
import { configuredDisclosurePolicies } from '@/lib/server/disclosure-config';

interface Props {
  sessions: ClassSessionListing[];
  locale: Locale;
  /**
   * How many joined each session: for a teacher's own classes only, under the class view's k
   * (the report counts it as known to the teacher). An officer's list has no head counts
   * (DESIGN.md: no officer view shows a small count exactly).
   */
  showJoined: boolean;
}

/** The sessions a member of staff may open, newest first. */
export async function SessionList({ sessions, locale, showJoined }: Props) {
  const t = await getTranslations({ locale, namespace: 'Teach.list' });
  const format = await getFormatter({ locale });
  const figures = await reportFigures(locale);
  const { classView } = configuredDisclosurePolicies();
  if (sessions.length === 0) return <p>{t('empty')}</p>;
  const now = new Date();
  const statuses = await Promise.all(sessions.map(({ session }) => sessionStatusText(session, locale, now)));
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('code')}</th>
          <th scope="col">{t('organisation')}</th>
          <th scope="col">{t('mode')}</th>
          <th scope="col">{t('created')}</th>
          {showJoined && <th scope="col">{t('joined')}</th>}
          <th scope="col">{t('status')}</th>
          <th scope="col">{t('followUp')}</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map(({ session, organisationName, joined }, index) => (
          <tr key={session.id}>
            <th scope="row">
              <Link href={`/teach/sessions/${session.id}`}>{formatJoinCode(session.joinCode)}</Link>
            </th>
            <td>{organisationName}</td>
            <td>{t(`modes.${session.mode}`)}</td>
            <td>{format.dateTime(session.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
            {showJoined && <td>{figures.count(discloseCount(joined, classView))}</td>}
            <td>{statuses[index]}</td>
            <td>
              {session.followUpOf !== null ? (
                t('isFollowUp')
              ) : (
                <Link
                  href={{ pathname: '/teach/sessions/new', query: { followUpOf: session.id } }}
                  aria-label={t('planFollowUpLabel', { code: formatJoinCode(session.joinCode) })}
                >
                  {t('planFollowUp')}
                </Link>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
