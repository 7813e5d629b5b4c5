import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { DisclosurePolicy } from '@/lib/domain/disclosure';
import { RESULTS_CSV_COLUMNS, RESULTS_MEASURES, RESULTS_SECTIONS, type ResultsCsvLabels } from '@/lib/domain/results-report';

/** Every word of the results CSV, in one locale: the same names the report page uses. */
export async function resultsCsvLabels(
  locale: Locale,
  policy: DisclosurePolicy,
  context: { phrases: readonly string[]; demo: boolean; stillOpen: number },
): Promise<ResultsCsvLabels> {
  const t = await getTranslations({ locale, namespace: 'Results' });
  const values = await getTranslations({ locale, namespace: 'Report.values' });
  const each = <K extends string>(keys: readonly K[], word: (key: K) => string) =>
    Object.fromEntries(keys.map((key) => [key, word(key)])) as Record<K, string>;
  return {
    columns: each(RESULTS_CSV_COLUMNS, (c) => t(`csv.columns.${c}`)),
    sections: each(RESULTS_SECTIONS, (s) => t(`sections.${s}`)),
    measures: each(RESULTS_MEASURES, (m) => t(`csv.measures.${m}`)),
    fewerThan: (k) => values('fewerThan', { k }),
    withheld: values('withheld'),
    none: values('none'),
    noteSection: t('csv.note'),
    notes: [
      { label: t('summary.label'), text: context.phrases.length === 0 ? t('summary.all') : context.phrases.join('; ') },
      ...(context.demo ? [{ label: t('demo.title'), text: t('demo.body') }] : []),
      ...(context.stillOpen > 0 ? [{ label: t('csv.stillOpen'), text: t('stillOpen', { count: context.stillOpen }) }] : []),
      { label: t('disclosure.heading'), text: t('disclosure.text', { k: policy.k, roundTo: policy.roundTo }) },
      // The interval and effect size rows are read with how they are worked out.
      { label: t('uncertainty.heading'), text: `${t('uncertainty.interval')} ${t('uncertainty.effectSize')}` },
    ],
  };
}
