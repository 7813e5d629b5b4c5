import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { Phase } from '@/lib/content/schema';
import type { DisclosedClassReport, DisclosedKnowledgeItem, ReportContentText } from '@/lib/domain/class-report';
import type { ReportFigures } from './figures';
import { NumberHeader, ScrollingTable } from './ReportTable';
import { ShareCell } from './ShareBar';

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
        <ScrollingTable key={phase} id={`report-knowledge-${phase}`} caption={t(`phases.${phase}`)}>
          <thead>
            <tr>
              <th scope="col">{t('question')}</th>
              <NumberHeader>{t('answered')}</NumberHeader>
              <NumberHeader>{t('correct')}</NumberHeader>
              <th scope="col">{t('shareCorrect')}</th>
              <NumberHeader>{t('confidentErrors')}</NumberHeader>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={`${item.itemId}:${item.phase}`}>
                <th scope="row">{content.item(item.itemId)}</th>
                <td className="report-num">{figures.count(item.answered)}</td>
                <td className="report-num">{figures.count(item.correct.value)}</td>
                <ShareCell share={item.correct.share} figures={figures} />
                <td className="report-num">{item.confidenceAsked ? figures.count(item.confidentErrors) : t('notAsked')}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      ))}

      <h3>{t('misconceptionsHeading')}</h3>
      <p>{t('misconceptionsLead')}</p>
      {withBeliefs.length === 0 ? (
        <p className="muted">{t('noneShown')}</p>
      ) : (
        <ScrollingTable id="report-misconceptions" caption={t('misconceptionsCaption')}>
          <thead>
            <tr>
              <th scope="col">{t('question')}</th>
              <th scope="col">{t('misconception')}</th>
              <NumberHeader>{t('students')}</NumberHeader>
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
                  <ShareCell share={belief.share} figures={figures} />
                </tr>
              ))}
            </tbody>
          ))}
        </ScrollingTable>
      )}
    </section>
  );
}
