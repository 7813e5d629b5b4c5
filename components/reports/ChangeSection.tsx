import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { DisclosedClassReport, DisclosedMeasureChange, ReportContentText } from '@/lib/domain/class-report';
import type { ReportFigures } from './figures';
import { NumberHeader, ScrollingTable } from './ReportTable';

interface Props {
  report: DisclosedClassReport;
  content: ReportContentText;
  figures: ReportFigures;
  locale: Locale;
}

interface ChangeRow {
  key: string;
  label: string;
  change: DisclosedMeasureChange;
  /** Knowledge is a share of questions right; attitudes are points on the 1–5 scale. */
  unit: 'percent' | 'scale';
}

/** The columns after the first, in the order of the cells in each row. */
const NUMBER_COLUMNS = ['nBefore', 'nAfter', 'nMatched', 'before', 'after', 'change'] as const;

/** Matched before/after pairs: n at each wave, and the averages and change where n allows. */
export async function ChangeSection({ report, content, figures, locale }: Props) {
  const t = await getTranslations({ locale, namespace: 'Report.change' });
  const tf = await getTranslations({ locale, namespace: 'Report.change.followUp' });
  // A follow-up compares intentions now with the same devices' at the first session's start.
  const followUp = report.session.followUp;
  const columnLabel = (column: (typeof NUMBER_COLUMNS)[number]) => (followUp && column !== 'change' ? tf(column) : t(column));
  const measures: ChangeRow[] = [
    ...(followUp ? [] : [{ key: 'knowledge', label: t('knowledgeScore'), change: report.change.knowledge, unit: 'percent' as const }]),
    ...report.change.constructs.map(
      (c): ChangeRow => ({ key: c.construct, label: t(`constructs.${c.construct}`), change: c, unit: 'scale' }),
    ),
  ];
  const statements = report.change.attitudeItems.map(
    (item): ChangeRow => ({ key: item.itemId, label: content.attitudeStatement(item.itemId), change: item, unit: 'scale' }),
  );

  const table = (id: string, caption: string, firstColumn: string, rows: ChangeRow[]) => (
    <ScrollingTable id={id} caption={caption}>
      <thead>
        <tr>
          <th scope="col">{firstColumn}</th>
          {NUMBER_COLUMNS.map((column) => (
            <NumberHeader key={column}>{columnLabel(column)}</NumberHeader>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, label, change, unit }) => {
          const mean = unit === 'percent' ? figures.percentScore : figures.scale;
          const difference = unit === 'percent' ? figures.percentChange : figures.scaleChange;
          return (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td className="report-num">{figures.count(change.nBefore)}</td>
              <td className="report-num">{figures.count(change.nAfter)}</td>
              <td className="report-num">{figures.count(change.nMatched)}</td>
              <td className="report-num">{mean(change.before)}</td>
              <td className="report-num">{mean(change.after)}</td>
              <td className="report-num">{difference(change.change)}</td>
            </tr>
          );
        })}
      </tbody>
    </ScrollingTable>
  );

  return (
    <section className="report-section" aria-labelledby="report-change">
      <h2 id="report-change">{followUp ? tf('heading') : t('heading')}</h2>
      {followUp ? (
        <>
          <p>{tf('lead')}</p>
          {measures.length === 0 ? <p>{tf('none')}</p> : table('report-change-measures', tf('caption'), t('measure'), measures)}
          {statements.length > 0 && table('report-change-items', tf('itemsCaption'), t('statement'), statements)}
        </>
      ) : report.session.beforeAfter ? (
        <>
          <p>{t('lead')}</p>
          {table('report-change-measures', t('caption'), t('measure'), measures)}
          {statements.length > 0 && table('report-change-items', t('itemsCaption'), t('statement'), statements)}
        </>
      ) : (
        <p>{t('off')}</p>
      )}
    </section>
  );
}
