import { getFormatter, getTranslations } from 'next-intl/server';
import { NumberHeader, ScrollingTable } from '@/components/reports/ReportTable';
import type { Locale } from '@/i18n/routing';
import type { ModuleStructure, ModuleText, Phase } from '@/lib/content/schema';
import {
  MIN_ANSWERS_TO_JUDGE,
  POOR_DISCRIMINATION_BELOW,
  TOO_EASY_ABOVE,
  TOO_HARD_BELOW,
  type DisclosedItemQuality,
} from '@/lib/domain/question-quality';
import { MIN_EXPECTED_PER_POSITION, MIN_ORDERED_ANSWERS } from '@/lib/domain/position-effect';
import type { DisclosedPositionQuality } from '@/lib/domain/position-quality';
import { configuredDisclosurePolicies } from '@/lib/server/disclosure-config';
import { PositionQuality } from './PositionQuality';
import type { FigureText } from './words';

interface Props {
  locale: Locale;
  quality: readonly DisclosedItemQuality[];
  positions: readonly DisclosedPositionQuality[];
  structure: ModuleStructure;
  content: ModuleText;
  text: FigureText;
}

const PHASES: readonly Phase[] = ['before', 'main', 'after', 'followup'];

/** Per content version, each question's facility, discrimination and flags, in content order. */
export async function QuestionQuality({ locale, quality, positions, structure, content, text }: Props) {
  const t = await getTranslations({ locale, namespace: 'Results.questions' });
  // The smallest group a measure is shown for: officers' figures use the export policy.
  const { k } = configuredDisclosurePolicies().export;
  const phases = await getTranslations({ locale, namespace: 'Report.knowledge.phases' });
  const format = await getFormatter({ locale });
  const percent = (value: number) => format.number(value, { style: 'percent' });
  const order = new Map(structure.items.map((item, i) => [item.id, i]));
  const rank = (q: DisclosedItemQuality) => (order.get(q.itemId) ?? order.size) * PHASES.length + PHASES.indexOf(q.phase);
  const versions = [...new Set([...quality, ...positions].map((q) => q.contentVersion))];

  return (
    <>
      <section className="report-section report-note" aria-labelledby="results-measures">
        <h2 id="results-measures">{t('measuresHeading')}</h2>
        <dl className="results-measures">
          <dt>{t('facility')}</dt>
          <dd>{t('facilityExplained', { easy: percent(TOO_EASY_ABOVE), hard: percent(TOO_HARD_BELOW) })}</dd>
          <dt>{t('discrimination')}</dt>
          <dd>{t('discriminationExplained', { poor: format.number(POOR_DISCRIMINATION_BELOW, { minimumFractionDigits: 1 }) })}</dd>
          <dt>{t('flagsHeading')}</dt>
          <dd>{t('tooFewExplained', { n: MIN_ANSWERS_TO_JUDGE })}</dd>
          <dd>{t('smallGroupExplained', { k })}</dd>
          <dt>{t('positionHeading')}</dt>
          <dd>{t('positionExplained', { n: MIN_ORDERED_ANSWERS, expected: MIN_EXPECTED_PER_POSITION })}</dd>
        </dl>
      </section>
      {versions.length === 0 && <p className="muted">{t('none')}</p>}
      {versions.map((version) => {
        const items = quality.filter((q) => q.contentVersion === version).sort((a, b) => rank(a) - rank(b));
        return (
          <section key={version} className="report-section" aria-labelledby={`results-version-${version}`}>
            <h2 id={`results-version-${version}`}>{t('versionHeading', { version })}</h2>
            <ScrollingTable id={`results-version-${version}-table`} caption={t('caption', { version })}>
              <thead>
                <tr>
                  <th scope="col">{t('question')}</th>
                  <th scope="col">{t('phase')}</th>
                  <NumberHeader>{t('answered')}</NumberHeader>
                  <NumberHeader>{t('correct')}</NumberHeader>
                  <NumberHeader>{t('facility')}</NumberHeader>
                  <NumberHeader>{t('discrimination')}</NumberHeader>
                  <th scope="col">{t('flagsHeading')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((q) => (
                  <tr key={`${q.itemId}:${q.phase}`}>
                    <th scope="row">{content.items[q.itemId]?.prompt ?? q.itemId}</th>
                    <td>{phases(q.phase)}</td>
                    <td className="report-num">{text(q.answered, 'count')}</td>
                    <td className="report-num">{text(q.correct, 'count')}</td>
                    <td className="report-num">{text(q.facility, 'share')}</td>
                    <td className="report-num">
                      {q.discrimination.kind === 'mean'
                        ? format.number(q.discrimination.value, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
                        : q.discrimination.kind === 'none'
                          ? t('noVariation')
                          : t('smallGroup', { k })}
                    </td>
                    <td>{q.flags.length === 0 ? t('flags.none') : q.flags.map((flag) => t(`flags.${flag}`, { k })).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollingTable>
            <PositionQuality
              locale={locale}
              version={version}
              positions={positions.filter((q) => q.contentVersion === version)}
              structure={structure}
              content={content}
            />
          </section>
        );
      })}
    </>
  );
}
