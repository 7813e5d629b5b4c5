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

/** Per story: each decision's choices, and the endings the class's paths reached. */
export async function ScenariosSection({ report, content, figures, locale }: Props) {
  const t = await getTranslations({ locale, namespace: 'Report.scenarios' });
  return (
    <section className="report-section" aria-labelledby="report-scenarios">
      <h2 id="report-scenarios">{t('heading')}</h2>
      <p>{t('lead')}</p>
      {report.scenarios.map((scenario) => (
        <div key={scenario.scenarioId} className="report-scenario">
          <h3>{content.scenarioTitle(scenario.scenarioId)}</h3>
          {scenario.decisions.map((decision) => (
            <table className="report-table report-table--narrow" key={decision.nodeId}>
              <caption>{t('decisionCaption', { question: content.node(scenario.scenarioId, decision.nodeId) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('choice')}</th>
                  <th scope="col" className="report-num">
                    {t('students')}
                  </th>
                  <th scope="col">{t('share')}</th>
                </tr>
              </thead>
              <tbody>
                {decision.choices.map((choice) => (
                  <tr key={choice.choiceId}>
                    <th scope="row">
                      {content.choice(scenario.scenarioId, decision.nodeId, choice.choiceId)}
                      {choice.risky && <span className="report-tag"> {t('risky')}</span>}
                    </th>
                    <td className="report-num">{figures.count(choice.value)}</td>
                    <td>
                      <ShareBar share={choice.share} text={figures.share(choice.share)} />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('answered')}</th>
                  <td className="report-num">{figures.count(decision.answered)}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
          ))}
          <table className="report-table report-table--narrow">
            <caption>{t('endingsCaption', { title: content.scenarioTitle(scenario.scenarioId) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ending')}</th>
                <th scope="col" className="report-num">
                  {t('students')}
                </th>
                <th scope="col">{t('share')}</th>
              </tr>
            </thead>
            <tbody>
              {scenario.endings.map((ending) => (
                <tr key={ending.nodeId}>
                  <th scope="row">
                    {content.node(scenario.scenarioId, ending.nodeId)}
                    <span className="report-tag"> ({t(`outcomes.${ending.outcome}`)})</span>
                  </th>
                  <td className="report-num">{figures.count(ending.value)}</td>
                  <td>
                    <ShareBar share={ending.share} text={figures.share(ending.share)} />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('reached')}</th>
                <td className="report-num">{figures.count(scenario.reachedEnding)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      ))}
    </section>
  );
}
