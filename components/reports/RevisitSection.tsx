import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { DisclosedClassReport, ReportContentText } from '@/lib/domain/class-report';
import { revisitFirst, REVISIT_WRONG_SHARE } from '@/lib/domain/class-report-revisit';
import type { ReportFigures } from './figures';

interface Props {
  report: DisclosedClassReport;
  content: ReportContentText;
  figures: ReportFigures;
  locale: Locale;
}

/**
 * The report's first section: what to take up next lesson, from the figures the detail shows
 * (class-report-revisit.ts). A teacher with five minutes reads this and nothing else.
 */
export async function RevisitSection({ report, content, figures, locale }: Props) {
  const t = await getTranslations({ locale, namespace: 'Report.revisit' });
  const { mostWrong, confidentErrors, notJudged } = revisitFirst(report);
  const belief = (b: { misconceptionId: string; value: Parameters<ReportFigures['count']>[0] } | null) =>
    b && t('belief', { belief: content.misconception(b.misconceptionId), count: figures.count(b.value) });
  return (
    <section className="report-section report-revisit" aria-labelledby="report-revisit">
      <h2 id="report-revisit">{t('heading')}</h2>
      <div className="report-revisit__lists">
        <div>
          <h3>{t('mostWrongHeading')}</h3>
          {mostWrong.length === 0 ? (
            <p className="muted">{t('mostWrongNone', { share: Math.round(REVISIT_WRONG_SHARE * 100) })}</p>
          ) : (
            <ol>
              {mostWrong.map((item) => (
                <li key={`${item.itemId}:${item.phase}`}>
                  <strong>{content.item(item.itemId)}</strong>{' '}
                  {t('wrongShare', { share: figures.share({ kind: 'share', value: item.wrongShare }), answered: figures.count(item.answered) })}
                  {item.belief && <span className="report-revisit__belief">{belief(item.belief)}</span>}
                </li>
              ))}
            </ol>
          )}
        </div>
        <div>
          <h3>{t('confidentHeading')}</h3>
          <p className="muted">{t('confidentLead')}</p>
          {confidentErrors.length === 0 ? (
            <p className="muted">{t('confidentNone')}</p>
          ) : (
            <ol>
              {confidentErrors.map((item) => (
                <li key={`${item.itemId}:${item.phase}`}>
                  <strong>{content.item(item.itemId)}</strong> {t('confidentCount', { count: figures.count(item.value) })}
                  {item.belief && <span className="report-revisit__belief">{belief(item.belief)}</span>}
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
      {notJudged > 0 && <p className="muted">{t('notJudged', { count: notJudged })}</p>}
      <p>
        <a href="#report-knowledge">{t('toDetail')}</a>
      </p>
    </section>
  );
}
