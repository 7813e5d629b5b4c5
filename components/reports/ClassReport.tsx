import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { DisclosedClassReport, ReportSession } from '@/lib/domain/class-report-types';
import type { ReportRelease } from '@/lib/domain/class-report-release';
import type { ReportContentText } from '@/lib/domain/class-report-text';
import type { DisclosurePolicies } from '@/lib/domain/disclosure';
import { formatJoinCode } from '@/lib/domain/join-code';
import { ChangeSection } from './ChangeSection';
import { DisclosureNote } from './DisclosureNote';
import { FactsSection } from './FactsSection';
import { reportFigures } from './figures';
import { HeadlineSection } from './HeadlineSection';
import { KnowledgeSection } from './KnowledgeSection';
import { PlansSection } from './PlansSection';
import { ReleaseNotice } from './ReleaseNotice';
import { RevisitSection } from './RevisitSection';
import { ScenariosSection } from './ScenariosSection';
import './report.css';

interface Props {
  session: ReportSession;
  /** Whether the figures are shown yet (class-report-release.ts). */
  release: ReportRelease;
  /** Already disclosed (class-view policies), when released: this component only draws what it is given. */
  report: DisclosedClassReport | null;
  content: ReportContentText;
  policies: DisclosurePolicies;
  locale: Locale;
  csvHref: string;
  sessionHref: string;
  /** A follow-up session: the session it follows (null once that one is deleted). */
  follows?: { joinCode: string; createdAt: Date } | null;
}

/** A class session's report, as a page that prints well: headings, tables, and bars as SVG. */
export async function ClassReport({ session, release, report, content, policies, locale, csvHref, sessionHref, follows = null }: Props) {
  const t = await getTranslations({ locale, namespace: 'Report' });
  const format = await getFormatter({ locale });
  const figures = await reportFigures(locale);
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'long', timeStyle: 'short' });

  return (
    <article className="report">
      <p className="eyebrow">{t('eyebrow')}</p>
      <h1>{t('heading', { code: formatJoinCode(session.joinCode) })}</h1>
      <p className="lead">{t('lead')}</p>
      <ul className="report-details" aria-label={t('details.label')}>
        <li>{t(`details.modes.${session.mode}`)}</li>
        {session.followUp ? (
          <li>
            {follows
              ? t('details.followUpOf', { date: format.dateTime(follows.createdAt, { dateStyle: 'long' }), code: formatJoinCode(follows.joinCode) })
              : t('details.followUpOfDeleted')}
          </li>
        ) : (
          <li>{session.beforeAfter ? t('details.beforeAfterOn') : t('details.beforeAfterOff')}</li>
        )}
        <li>{t('details.started', { time: when(session.createdAt) })}</li>
        {session.closedAt && <li>{t('details.ended', { time: when(session.closedAt) })}</li>}
        {!session.closedAt && session.closesAt && <li>{t('details.closes', { time: when(session.closesAt) })}</li>}
        {release.kind === 'final' && release.cutoff !== null && <li>{t('details.final', { time: when(release.cutoff) })}</li>}
      </ul>

      <ReleaseNotice release={release} locale={locale} />
      {report && <RevisitSection report={report} content={content} figures={figures} locale={locale} />}

      <nav className="report-actions" aria-label={t('actions.label')}>
        {report && (
          <>
            <p>
              <a className="button" href={csvHref} download>
                {t('actions.downloadCsv')}
              </a>
            </p>
            <p className="muted">{t('actions.downloadCsvHint')}</p>
            <p className="muted">{t('actions.printHint')}</p>
          </>
        )}
        <p>
          <a href={sessionHref}>{t('actions.backToSession')}</a>
        </p>
      </nav>

      <DisclosureNote locale={locale} policies={policies} />
      {report && (
        <>
          <HeadlineSection report={report} figures={figures} locale={locale} />
          <KnowledgeSection report={report} content={content} figures={figures} locale={locale} />
          {/* A follow-up asks its recap questions and the intention statements: the first visit's report has the rest. */}
          {session.followUp && <ChangeSection report={report} content={content} figures={figures} locale={locale} />}
          {!session.followUp && (
            <>
              <FactsSection report={report} content={content} figures={figures} locale={locale} />
              <ScenariosSection report={report} content={content} figures={figures} locale={locale} />
              <ChangeSection report={report} content={content} figures={figures} locale={locale} />
              <PlansSection report={report} content={content} figures={figures} locale={locale} />
            </>
          )}
        </>
      )}
    </article>
  );
}
