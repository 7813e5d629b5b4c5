import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { DisclosedClassReport, ReportContentText } from '@/lib/domain/class-report';
import type { ReportFigures } from './figures';
import { ShareBar } from './ShareBar';

interface Props {
  report: DisclosedClassReport;
  content: ReportContentText;
  figures: ReportFigures;
  locale: Locale;
}

/** How close the class's guesses were, and what they guessed where the guess was a choice. */
export async function FactsSection({ report, content, figures, locale }: Props) {
  const t = await getTranslations({ locale, namespace: 'Report.facts' });
  const choiceFacts = report.facts.filter((fact) => fact.options.length > 0);
  return (
    <section className="report-section" aria-labelledby="report-facts">
      <h2 id="report-facts">{t('heading')}</h2>
      <p>{t('lead')}</p>
      <div className="report-scroll" role="region" aria-labelledby="report-facts-caption" tabIndex={0}>
        <table className="report-table">
          <caption id="report-facts-caption">{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fact')}</th>
              <th scope="col" className="report-num">
                {t('answered')}
              </th>
              <th scope="col" className="report-num">
                {t('correct')}
              </th>
              <th scope="col">{t('share')}</th>
            </tr>
          </thead>
          <tbody>
            {report.facts.map((fact) => (
              <tr key={fact.factId}>
                <th scope="row">{content.factTitle(fact.factId)}</th>
                <td className="report-num">{figures.count(fact.answered)}</td>
                <td className="report-num">{figures.count(fact.correct.value)}</td>
                <td>
                  <ShareBar share={fact.correct.share} text={figures.share(fact.correct.share)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {choiceFacts.map((fact) => (
        <table className="report-table report-table--narrow" key={fact.factId}>
          <caption>{t('optionsCaption', { fact: content.factTitle(fact.factId) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('option')}</th>
              <th scope="col" className="report-num">
                {t('students')}
              </th>
              <th scope="col">{t('shareOfGuesses')}</th>
            </tr>
          </thead>
          <tbody>
            {fact.options.map((option) => (
              <tr key={option.optionId}>
                <th scope="row">
                  {content.factOption(fact.factId, option.optionId)}
                  {option.correct && <span className="report-tag"> {t('rightOption')}</span>}
                </th>
                <td className="report-num">{figures.count(option.value)}</td>
                <td>
                  <ShareBar share={option.share} text={figures.share(option.share)} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('answered')}</th>
              <td className="report-num">{figures.count(fact.answered)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      ))}
    </section>
  );
}
