import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { Phase } from '@/lib/content/schema';
import type { DisclosedClassReport, DisclosedKnowledgeItem, ReportContentText } from '@/lib/domain/class-report';
import type { ReportFigures } from './figures';
import { ShareBar } from './ShareBar';

interface Props {
  report: DisclosedClassReport;
  content: ReportContentText;
  figures: ReportFigures;
  locale: Locale;
}

const PHASE_ORDER: readonly Phase[] = ['before', 'main', 'after', 'followup'];

/** Per knowledge question: how many got it right, and the mistaken beliefs wrong answers showed. */
export async function KnowledgeSection({ report, content, figures, locale }: Props) {
  const t = await getTranslations({ locale, namespace: 'Report.knowledge' });
  const phases = PHASE_ORDER.map((phase) => ({ phase, items: report.knowledge.filter((k) => k.phase === phase) })).filter(
    (group) => group.items.length > 0,
  );
  const withBeliefs = report.knowledge.filter((item) => item.misconceptions.length > 0);
  const question = (item: DisclosedKnowledgeItem) =>
    phases.length > 1 ? `${content.item(item.itemId)} (${t(`phases.${item.phase}`)})` : content.item(item.itemId);

  return (
    <section className="report-section" aria-labelledby="report-knowledge">
      <h2 id="report-knowledge">{t('heading')}</h2>
      <p>{t('lead')}</p>
      {phases.map(({ phase, items }) => (
        <div className="report-scroll" key={phase} role="region" aria-labelledby={`report-knowledge-${phase}`} tabIndex={0}>
          <table className="report-table">
            <caption id={`report-knowledge-${phase}`}>{t(`phases.${phase}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('question')}</th>
                <th scope="col" className="report-num">
                  {t('answered')}
                </th>
                <th scope="col" className="report-num">
                  {t('correct')}
                </th>
                <th scope="col">{t('shareCorrect')}</th>
                <th scope="col" className="report-num">
                  {t('confidentErrors')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.itemId}:${item.phase}`}>
                  <th scope="row">{content.item(item.itemId)}</th>
                  <td className="report-num">{figures.count(item.answered)}</td>
                  <td className="report-num">{figures.count(item.correct.value)}</td>
                  <td>
                    <ShareBar share={item.correct.share} text={figures.share(item.correct.share)} />
                  </td>
                  <td className="report-num">{item.confidenceAsked ? figures.count(item.confidentErrors) : t('notAsked')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}

      <h3>{t('misconceptionsHeading')}</h3>
      <p>{t('misconceptionsLead')}</p>
      {withBeliefs.length === 0 ? (
        <p className="muted">{t('noneShown')}</p>
      ) : (
        <div className="report-scroll" role="region" aria-labelledby="report-misconceptions" tabIndex={0}>
          <table className="report-table">
            <caption id="report-misconceptions">{t('misconceptionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('question')}</th>
                <th scope="col">{t('misconception')}</th>
                <th scope="col" className="report-num">
                  {t('students')}
                </th>
                <th scope="col">{t('shareOfAnswered')}</th>
              </tr>
            </thead>
            {withBeliefs.map((item) => (
              <tbody key={`${item.itemId}:${item.phase}`} className="report-group">
                {item.misconceptions.map((belief, i) => (
                  <tr key={belief.misconceptionId ?? 'none'}>
                    {i === 0 && (
                      <th scope="rowgroup" rowSpan={item.misconceptions.length}>
                        {question(item)}
                      </th>
                    )}
                    <td>{belief.misconceptionId === null ? t('noMisconception') : content.misconception(belief.misconceptionId)}</td>
                    <td className="report-num">{figures.count(belief.value)}</td>
                    <td>
                      <ShareBar share={belief.share} text={figures.share(belief.share)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  );
}
