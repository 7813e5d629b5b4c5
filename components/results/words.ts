import { getFormatter, getTranslations } from 'next-intl/server';
import { reportFigures } from '@/components/reports/figures';
import type { Locale } from '@/i18n/routing';
import type { ResultsFilters } from '@/lib/api/results-schemas';
import type { ModuleText } from '@/lib/content/schema';
import { reportContentText } from '@/lib/domain/class-report';
import type { DisclosedFigure, DisclosedValue } from '@/lib/domain/disclosure';
import { outOfNothing, type FigureUnit, type ResultsReportText } from '@/lib/domain/results-report';
import { isTermId, schoolTerm, type TermId } from '@/lib/domain/school-terms';

/**
 * The words of the officers' results, server side: figures in the locale's format (and
 * "fewer than 10", "not shown"), names from the module text, terms and filters in words.
 */

/** A value in words; a share of nothing (n = 0) reads "no answers" rather than "not shown". */
export type FigureText = (value: DisclosedValue, unit: FigureUnit, n?: DisclosedFigure | null) => string;

export async function resultsFigureText(locale: Locale): Promise<FigureText> {
  const figures = await reportFigures(locale);
  const format = await getFormatter({ locale });
  return (value, unit, n) => {
    // "none" is the one value whose words are "no answers".
    if (outOfNothing(value, n)) return figures.scale({ kind: 'none' });
    switch (unit) {
      case 'exact':
        return value.kind === 'count' ? format.number(value.value) : figures.count({ kind: 'withheld' });
      case 'count':
        return value.kind === 'share' || value.kind === 'mean' || value.kind === 'none' ? figures.count({ kind: 'withheld' }) : figures.count(value);
      case 'share':
        return value.kind === 'share' || value.kind === 'withheld' ? figures.share(value) : figures.share({ kind: 'withheld' });
      case 'percentScore':
      case 'percentChange':
      case 'scale':
      case 'scaleChange': {
        // A mean withheld reads "not shown", as any withheld figure does; only "none" is "no answers".
        const mean = value.kind === 'count' || value.kind === 'share' ? { kind: 'withheld' as const } : value;
        return figures[unit](mean);
      }
      case 'percentBound':
      case 'scaleBound': {
        // A bare number: the change beside it in the row gives the unit.
        const digits = unit === 'percentBound' ? 0 : 1;
        return value.kind === 'mean'
          ? format.number(value.value, { minimumFractionDigits: digits, maximumFractionDigits: digits })
          : figures.scale(value.kind === 'count' || value.kind === 'share' ? { kind: 'withheld' } : value);
      }
      case 'effectSize':
        // Two decimals, with a minus sign for a fall; in words when not shown.
        return value.kind === 'mean'
          ? format.number(value.value, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
          : figures.scale(value.kind === 'count' || value.kind === 'share' ? { kind: 'withheld' } : value);
    }
  };
}

export async function termName(locale: Locale): Promise<(termId: TermId) => string> {
  const t = await getTranslations({ locale, namespace: 'Results.terms' });
  return (termId) => {
    const term = schoolTerm(termId);
    return t(term.term, { year: String(term.year) });
  };
}

/** "School year 2025–26" style names for a school year's first calendar year. */
export async function schoolYearName(locale: Locale): Promise<(start: number) => string> {
  const t = await getTranslations({ locale, namespace: 'Results.terms' });
  return (start) => t('year', { start: String(start), end: String(start + 1) });
}

export async function resultsReportText(locale: Locale, text: ModuleText, organisationNames: Record<string, string>): Promise<ResultsReportText> {
  const t = await getTranslations({ locale, namespace: 'Results.names' });
  const report = await getTranslations({ locale, namespace: 'Report' });
  const term = await termName(locale);
  const content = reportContentText(text);
  return {
    topic: (kind, id) => (kind === 'fact' ? content.factTitle(id) : (text.considerations[id]?.title ?? id)),
    misconception: content.misconception,
    item: (itemId, phase) => t('itemAt', { item: content.item(itemId), phase: report(`knowledge.phases.${phase}`) }),
    decision: (scenarioId, nodeId) => t('decision', { scenario: content.scenarioTitle(scenarioId), decision: content.node(scenarioId, nodeId) }),
    ending: (scenarioId, nodeId, outcome) =>
      t('ending', { scenario: content.scenarioTitle(scenarioId), ending: content.node(scenarioId, nodeId), outcome: report(`scenarios.outcomes.${outcome}`) }),
    scenario: content.scenarioTitle,
    plan: (planId) => report('plans.planText', content.plan(planId)),
    construct: (construct) => report(`change.constructs.${construct}`),
    knowledgeScore: report('change.knowledgeScore'),
    followUpWave: t('followUpWave'),
    ownPlan: report('plans.ownPlans'),
    retrieval: t('retrieval'),
    intentionSinceBefore: t('intentionSinceBefore'),
    intentionSinceAfter: t('intentionSinceAfter'),
    organisation: (id) => organisationNames[id] ?? t('unknownOrganisation'),
    term,
    breakdown: (decision, group) => t('breakdown', { decision, group }),
  };
}

/** The chosen filters in words, one phrase each; "all results" when none. */
export async function filterPhrases(
  locale: Locale,
  filters: ResultsFilters,
  organisationNames: Record<string, string>,
): Promise<string[]> {
  const t = await getTranslations({ locale, namespace: 'Results.summary' });
  const term = await termName(locale);
  const phrases: string[] = [];
  if (filters.organisation !== undefined) phrases.push(t('organisation', { name: organisationNames[filters.organisation] ?? t('unknownOrganisation') }));
  if (filters.area !== undefined) phrases.push(t('area', { area: filters.area }));
  if (filters.term !== undefined && isTermId(filters.term)) phrases.push(term(filters.term));
  if (filters.year !== undefined) phrases.push(t('year', { start: filters.year, end: String(Number(filters.year) + 1) }));
  if (filters.module !== undefined) phrases.push(t('module', { module: filters.module }));
  if (filters.version !== undefined) phrases.push(t('version', { version: filters.version }));
  if (filters.mode !== undefined) phrases.push(t(`modes.${filters.mode}`));
  return phrases;
}
