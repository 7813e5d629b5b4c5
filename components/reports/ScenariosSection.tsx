import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { DisclosedClassReport, ReportContentText } from '@/lib/domain/class-report';
import { DistributionTable } from './DistributionTable';
import type { ReportFigures } from './figures';

interface Props {
  report: DisclosedClassReport;
  content: ReportContentText;
  figures: ReportFigures;
  locale: Locale;
}

/** Per story: each decision's choices, and the endings the class's paths reached. */
export async function ScenariosSection({ report, content, figures, locale }: Props) {
  const t = await getTranslations({ locale, namespace: 'Report.scenarios' });
  const columns = (option: string) => ({ option, students: t('students'), share: t('share') });
  return (
    <section className="report-section" aria-labelledby="report-scenarios">
      <h2 id="report-scenarios">{t('heading')}</h2>
      <p>{t('lead')}</p>
      {report.scenarios.map(({ scenarioId, decisions, endings, reachedEnding }) => (
        <div key={scenarioId} className="report-scenario">
          <h3>{content.scenarioTitle(scenarioId)}</h3>
          {decisions.map((decision) => (
            <DistributionTable
              key={decision.nodeId}
              id={`report-decision-${scenarioId}-${decision.nodeId}`}
              narrow
              caption={t('decisionCaption', { question: content.node(scenarioId, decision.nodeId) })}
              columns={columns(t('choice'))}
              rows={decision.choices.map((choice) => ({
                ...choice,
                key: choice.choiceId,
                label: content.choice(scenarioId, decision.nodeId, choice.choiceId),
                tag: choice.risky ? t('risky') : undefined,
              }))}
              total={{ label: t('answered'), value: decision.answered }}
              figures={figures}
            />
          ))}
          <DistributionTable
            narrow
            id={`report-endings-${scenarioId}`}
            caption={t('endingsCaption', { title: content.scenarioTitle(scenarioId) })}
            columns={columns(t('ending'))}
            rows={endings.map((ending) => ({
              ...ending,
              key: ending.nodeId,
              label: content.node(scenarioId, ending.nodeId),
              tag: `(${t(`outcomes.${ending.outcome}`)})`,
            }))}
            total={{ label: t('reached'), value: reachedEnding }}
            figures={figures}
          />
        </div>
      ))}
    </section>
  );
}
