import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { DisclosedClassReport, ReportContentText } from '@/lib/domain/class-report';
import { DistributionTable } from './DistributionTable';
import type { ReportFigures } from './figures';
import { NumberHeader, ScrollingTable } from './ReportTable';
import { ShareCell } from './ShareBar';

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
      <ScrollingTable id="report-facts-caption" caption={t('caption')}>
        <thead>
          <tr>
            <th scope="col">{t('fact')}</th>
            <NumberHeader>{t('answered')}</NumberHeader>
            <NumberHeader>{t('correct')}</NumberHeader>
            <th scope="col">{t('share')}</th>
          </tr>
        </thead>
        <tbody>
          {report.facts.map((fact) => (
            <tr key={fact.factId}>
              <th scope="row">{content.factTitle(fact.factId)}</th>
              <td className="report-num">{figures.count(fact.answered)}</td>
              <td className="report-num">{figures.count(fact.correct.value)}</td>
              <ShareCell share={fact.correct.share} figures={figures} />
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
      {choiceFacts.map((fact) => (
        <DistributionTable
          key={fact.factId}
          id={`report-fact-${fact.factId}`}
          narrow
          caption={t('optionsCaption', { fact: content.factTitle(fact.factId) })}
          columns={{ option: t('option'), students: t('students'), share: t('shareOfGuesses') }}
          rows={fact.options.map((option) => ({
            ...option,
            key: option.optionId,
            label: content.factOption(fact.factId, option.optionId),
            tag: option.correct ? t('rightOption') : undefined,
          }))}
          total={{ label: t('answered'), value: fact.answered }}
          figures={figures}
        />
      ))}
    </section>
  );
}
