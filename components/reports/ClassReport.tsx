import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { DisclosedClassReport, ReportContentText } from '@/lib/domain/class-report';
import type { DisclosurePolicies } from '@/lib/domain/disclosure';
import { formatJoinCode } from '@/lib/domain/join-code';
import { ChangeSection } from './ChangeSection';
import { DisclosureNote } from './DisclosureNote';
import { FactsSection } from './FactsSection';
import { reportFigures } from './figures';
import { HeadlineSection } from './HeadlineSection';
import { KnowledgeSection } from './KnowledgeSection';
import { PlansSection } from './PlansSection';
import { ScenariosSection } from './ScenariosSection';
import './report.css';

interface Props {
  /** Already disclosed (class-view policies): this component only draws what it is given. */
  report: DisclosedClassReport;
  content: ReportContentText;
  policies: DisclosurePolicies;
  locale: Locale;
  csvHref: string;
  sessionHref: string;
  /** Whether the session still takes answers, for the "figures may still change" line. */
  open: boolean;
  /** A follow-up session: the session it follows (null once that one is deleted). */
  follows?: { joinCode: string; createdAt: Date } | null;
}

/** A class session's report, as a page that prints well: headings, tables, and bars as SVG. */
export async function ClassReport({ report, content, policies, locale, csvHref, sessionHref, open, follows = null }: Props) {
  const t = await getTranslations({ locale, namespace: 'Report' });
  const format = await getFormatter({ locale });
  const figures = await reportFigures(locale);
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'long', timeStyle: 'short' });
  const { session } = report;
  const sections = { report, content, figures, locale };

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
        {open && <li>{t('details.open')}</li>}
      </ul>

      <nav className="report-actions" aria-label={t('actions.label')}>
        <p>
          <a className="button" href={csvHref} download>
            {t('actions.downloadCsv')}
          </a>
        </p>
        <p className="muted">{t('actions.downloadCsvHint')}</p>
        <p className="muted">{t('actions.printHint')}</p>
        <p>
          <a href={sessionHref}>{t('actions.backToSession')}</a>
        </p>
      </nav>

      <DisclosureNote locale={locale} policies={policies} />
      <HeadlineSection report={report} figures={figures} locale={locale} />
      <KnowledgeSection {...sections} />
      {/* A follow-up asks only its recap questions: the first visit's report has the rest. */}
      {!session.followUp && (
        <>
          <FactsSection {...sections} />
          <ScenariosSection {...sections} />
          <ChangeSection {...sections} />
          <PlansSection {...sections} />
        </>
      )}
    </article>
  );
}
