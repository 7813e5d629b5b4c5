import { getTranslations } from 'next-intl/server';
import { SelectField } from '@/components/staff/fields';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import type { Locale } from '@/i18n/routing';
import type { ResultsFilterField, ResultsFilterProblem, ResultsQueryValues } from '@/lib/api/results-query';
import type { FilterOptions } from '@/lib/domain/results-selection';
import { getDatabase } from '@/lib/server/database';
import { listModules } from '@/lib/server/session-module';
import { schoolYearName, termName } from './words';
import { DEFAULT_MODULE_ID } from '@/lib/content/schema';

interface Props {
  locale: Locale;
  /** The page the form reloads with its query (GET, so it works without JavaScript). */
  action: string;
  options: FilterOptions;
  values: ResultsQueryValues;
  problems: readonly ResultsFilterProblem[];
}

/**
 * The filters, as a GET form: organisation, area, term or school year, module, version, mode.
 * Folded away under "Change the selection" (the selection itself is written out above it), so
 * the figures come first; open when a filter was refused, so its error is in view.
 */
export async function ResultsFilterForm({ locale, action, options, values, problems }: Props) {
  const t = await getTranslations({ locale, namespace: 'Results.filters' });
  const errors = await getTranslations({ locale, namespace: 'Results.filterErrors' });
  const staff = await getTranslations({ locale, namespace: 'Staff' });
  const term = await termName(locale);
  const year = await schoolYearName(locale);
  // Modules by their title in the officer's language; the id stays the value (and the label of a
  // module with no published version, which no session can have: a fallback, not a case).
  const titles = new Map((await listModules(await getDatabase(), locale)).map((m) => [m.id, m.title]));
  const title = (id: string) => titles.get(id) ?? id;
  const messages = problems.map((p) => ({ field: p.field, message: errors(p.key) }));
  const error = (field: ResultsFilterField) => messages.find((m) => m.field === field)?.message;
  return (
    <>
      <ErrorSummary title={staff('errorSummaryTitle')} errors={messages} />
      <details className="results-filters" open={problems.length > 0 || undefined}>
        <summary className="results-filters__toggle">{t('open')}</summary>
        <form method="get" action={action} aria-label={t('heading')}>
          <div className="results-filters__grid">
            <SelectField
              name="organisation"
              label={t('organisation')}
              placeholder={t('anyOrganisation')}
              options={options.organisations.map((o) => ({ value: o.id, label: o.demo ? t('demoOrganisation', { name: o.name }) : o.name }))}
              defaultValue={values.organisation}
              error={error('organisation')}
            />
            <SelectField
              name="area"
              label={t('area')}
              placeholder={t('anyArea')}
              options={options.areas.map((a) => ({ value: a, label: a }))}
              defaultValue={values.area}
              error={error('area')}
            />
            <SelectField
              name="term"
              label={t('term')}
              hint={t('termHint')}
              placeholder={t('anyTerm')}
              options={options.terms.map((id) => ({ value: id, label: term(id) }))}
              defaultValue={values.term}
              error={error('term')}
            />
            <SelectField
              name="year"
              label={t('year')}
              placeholder={t('anyYear')}
              options={options.schoolYears.map((start) => ({ value: String(start), label: year(start) }))}
              defaultValue={values.year}
              error={error('year')}
            />
            <SelectField
              name="module"
              label={t('module')}
              placeholder={t('defaultModule', { title: title(DEFAULT_MODULE_ID) })}
              // Results are of one module at a time: the empty choice is roads-kill (lib/server/officer-results.ts).
              options={options.modules.filter((m) => m !== DEFAULT_MODULE_ID).map((m) => ({ value: m, label: title(m) }))}
              defaultValue={values.module}
              error={error('module')}
            />
            <SelectField
              name="version"
              label={t('version')}
              hint={t('versionHint')}
              placeholder={t('anyVersion')}
              options={options.versions.map((v) => ({ value: v, label: v }))}
              defaultValue={values.version}
              error={error('version')}
            />
            <SelectField
              name="mode"
              label={t('mode')}
              placeholder={t('anyMode')}
              options={(['live', 'self_paced'] as const).map((m) => ({ value: m, label: t(`modes.${m}`) }))}
              defaultValue={values.mode}
              error={error('mode')}
            />
          </div>
          <div className="results-filters__actions">
            <button type="submit" className="button">
              {t('submit')}
            </button>
            <a href={action}>{t('clear')}</a>
          </div>
        </form>
      </details>
    </>
  );
}
