import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { DisclosurePolicies } from '@/lib/domain/disclosure';
import { CSV_COLUMNS, CSV_MEASURES, CSV_SECTIONS, type ReportCsvLabels } from '@/lib/domain/report-csv';

/** Every word the CSV needs, in one locale, from the `Report` messages. */
export async function reportCsvLabels(locale: Locale, policies: DisclosurePolicies): Promise<ReportCsvLabels> {
  const t = await getTranslations({ locale, namespace: 'Report' });
  const { k, roundTo } = policies.export;
  const each = <K extends string>(keys: readonly K[], word: (key: K) => string) =>
    Object.fromEntries(keys.map((key) => [key, word(key)])) as Record<K, string>;
  return {
    columns: each(CSV_COLUMNS, (c) => t(`csv.columns.${c}`)),
    sections: each(CSV_SECTIONS, (s) => t(`csv.sections.${s}`)),
    measures: each(CSV_MEASURES, (m) => t(`csv.measures.${m}`)),
    phases: each(['before', 'main', 'after', 'followup'] as const, (p) => t(`knowledge.phases.${p}`)),
    constructs: each(['attitude', 'norm', 'control', 'intention'] as const, (c) => t(`change.constructs.${c}`)),
    outcomes: each(['safe', 'mixed', 'risky'] as const, (o) => t(`scenarios.outcomes.${o}`)),
    modes: each(['live', 'self_paced'] as const, (m) => t(`csv.modes.${m}`)),
    yes: t('csv.yes'),
    no: t('csv.no'),
    knowledgeScore: t('csv.knowledgeScore'),
    risky: t('csv.risky'),
    noMisconception: t('knowledge.noMisconception'),
    plan: (parts) => t('plans.planText', parts),
    fewerThan: (threshold) => t('values.fewerThan', { k: threshold }),
    withheld: t('values.withheld'),
    withheldFewer: (count, threshold) => t('csv.withheldFewer', { count, k: threshold }),
    withheldLinked: (count, threshold) => t('csv.withheldLinked', { count, k: threshold }),
    none: t('values.none'),
    note: t('csv.note', { k, roundTo }),
  };
}
