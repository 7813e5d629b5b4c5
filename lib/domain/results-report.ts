/**
 * The officers' evaluation report as a list of figures, one per row (section, item, label,
 * measure, value, n): the report page draws its tables from this list and the CSV writes the
 * same list, so the two can never disagree. Pure, and no words of its own: content texts and
 * names come in `text`, headings and measure names are keys the caller translates.
 */
import type { AttitudeConstruct, Phase } from '@/lib/content/schema';
import { csvDocument, type CsvCell } from './csv';
import type { DisclosedFigure, DisclosedMean, DisclosedValue } from './disclosure';
import type { DisclosedMeasure, DisclosedOfficerResults, DisclosedPart } from './officer-disclosure';
import type { TermId } from './school-terms';

export const RESULTS_SECTIONS = [
  'sample',
  'knowledge',
  'misconceptions',
  'quizOnlyMisconceptions',
  'confidentErrors',
  'change',
  'changeByOrganisation',
  'followUp',
  'decisions',
  'decisionsByOrganisation',
  'decisionsByTerm',
  'endings',
  'plans',
  'trends',
] as const;
export type ResultsSection = (typeof RESULTS_SECTIONS)[number];

export const RESULTS_MEASURES = [
  'students',
  'started',
  'finished',
  'completion',
  'sessions',
  'organisations',
  'followUpSessions',
  'answeredBefore',
  'rightBefore',
  'answeredDuring',
  'rightDuring',
  'answeredAfter',
  'rightAfter',
  'shownBefore',
  'shownDuring',
  'shownAfter',
  'wrongAnswers',
  'confidentErrors',
  'confidentShare',
  'nBefore',
  'nAfter',
  'nMatched',
  'attrition',
  'meanBefore',
  'meanAfter',
  'meanChange',
  'ciLow',
  'ciHigh',
  'effectSize',
  'followUpStudents',
  'paired',
  'choices',
  'riskyChoices',
  'riskyShare',
  'reached',
  'reachedShare',
  'picked',
  'pickedShare',
  'answersAfter',
  'rightAfterShare',
  'intentionMatched',
  'intentionChange',
  'knowledgeMatched',
  'knowledgeChange',
] as const;
export type ResultsMeasure = (typeof RESULTS_MEASURES)[number];

/**
 * How a value is read: a count of people or answers (disclosed), an exact count of things that
 * are not people (sessions, organisations), a share (0 to 1), a knowledge score or its change
 * in percentage points, a 1–5 scale mean or its change, one end of a change's interval (a bare
 * number in the change's units, which its row states), an effect size (Cohen's dz).
 */
export type FigureUnit =
  | 'count'
  | 'exact'
  | 'share'
  | 'percentScore'
  | 'percentChange'
  | 'percentBound'
  | 'scale'
  | 'scaleChange'
  | 'scaleBound'
  | 'effectSize';

export interface ResultsFigure {
  section: ResultsSection;
  /** A stable id: a topic, item, scenario node, term… ('' for the selection as a whole). */
  item: string;
  /** The item in words, in the reader's language. */
  label: string;
  measure: ResultsMeasure;
  unit: FigureUnit;
  value: DisclosedValue;
  /** What a share or mean is out of; null where the value is itself a head count. */
  n: DisclosedFigure | null;
}

/** The names the figures need, in the reader's language. */
export interface ResultsReportText {
  topic(kind: 'fact' | 'consideration', id: string): string;
  misconception(id: string): string;
  item(itemId: string, phase: Phase): string;
  decision(scenarioId: string, nodeId: string): string;
  ending(scenarioId: string, nodeId: string, outcome: 'safe' | 'mixed' | 'risky'): string;
  scenario(scenarioId: string): string;
  plan(planId: string): string;
  construct(construct: AttitudeConstruct): string;
  knowledgeScore: string;
  /** The row of the follow-up wave's head counts. */
  followUpWave: string;
  /** The row of students who wrote a plan of their own. */
  ownPlan: string;
  retrieval: string;
  intentionSinceBefore: string;
  intentionSinceAfter: string;
  organisation(id: string): string;
  term(termId: TermId): string;
  /** A breakdown row: "{decision} – {group}". */
  breakdown(decision: string, group: string): string;
}

const exact = (value: number): DisclosedFigure => ({ kind: 'count', value });

/**
 * One end of a change's 95% interval as a value of its own. Withheld with the change it belongs
 * to, and for the same reason: beside "fewer than 10" it says "fewer than 10", beside "no
 * answers" it says "no answers", so a reader is told why it is missing.
 */
export function intervalEnd(measure: Pick<DisclosedMeasure, 'change' | 'interval'>, end: 'low' | 'high'): DisclosedMean {
  if (measure.interval.kind === 'interval') return { kind: 'mean', value: measure.interval[end] };
  return measure.change.kind === 'mean' ? { kind: 'withheld' } : measure.change;
}

export function resultsFigures(results: DisclosedOfficerResults, text: ResultsReportText): ResultsFigure[] {
  const figures: ResultsFigure[] = [];
  const add = (
    section: ResultsSection,
    item: string,
    label: string,
    measure: ResultsMeasure,
    unit: FigureUnit,
    value: DisclosedValue,
    n: DisclosedFigure | null = null,
  ) => figures.push({ section, item, label, measure, unit, value, n });
  const part = (section: ResultsSection, item: string, label: string, measures: [ResultsMeasure, ResultsMeasure], p: DisclosedPart) => {
    add(section, item, label, measures[0], 'count', p.total);
    add(section, item, label, measures[1], 'share', p.share, p.total);
  };
  const measure = (section: ResultsSection, item: string, label: string, m: DisclosedMeasure, scale: 'percent' | 'scale') => {
    add(section, item, label, 'nBefore', 'count', m.nBefore);
    add(section, item, label, 'nAfter', 'count', m.nAfter);
    add(section, item, label, 'nMatched', 'count', m.nMatched);
    add(section, item, label, 'attrition', 'share', m.attrition, m.nBefore);
    const [mean, change, bound] =
      scale === 'percent' ? (['percentScore', 'percentChange', 'percentBound'] as const) : (['scale', 'scaleChange', 'scaleBound'] as const);
    const means: [ResultsMeasure, DisclosedMean, FigureUnit][] = [
      ['meanBefore', m.before, mean],
      ['meanAfter', m.after, mean],
      ['meanChange', m.change, change],
    ];
    for (const [name, value, unit] of means) add(section, item, label, name, unit, value, m.nMatched);
    // Its uncertainty, under the same disclosure: shown only beside a shown change.
    add(section, item, label, 'ciLow', bound, intervalEnd(m, 'low'), m.nMatched);
    add(section, item, label, 'ciHigh', bound, intervalEnd(m, 'high'), m.nMatched);
    add(section, item, label, 'effectSize', 'effectSize', m.effectSize, m.nMatched);
  };

  const { headline } = results;
  add('sample', '', '', 'students', 'count', headline.students);
  add('sample', '', '', 'started', 'count', headline.started);
  add('sample', '', '', 'finished', 'count', headline.finished);
  add('sample', '', '', 'completion', 'share', headline.completion, headline.students);
  add('sample', '', '', 'sessions', 'exact', exact(headline.sessions));
  add('sample', '', '', 'organisations', 'exact', exact(headline.organisations));
  add('sample', '', '', 'followUpSessions', 'exact', exact(headline.followUpSessions));

  for (const topic of results.topics) {
    const label = text.topic(topic.kind, topic.id);
    part('knowledge', topic.id, label, ['answeredBefore', 'rightBefore'], topic.waves.before);
    // The module's own quiz, between the waves: most facts are asked only there.
    part('knowledge', topic.id, label, ['answeredDuring', 'rightDuring'], topic.waves.main);
    part('knowledge', topic.id, label, ['answeredAfter', 'rightAfter'], topic.waves.after);
  }

  for (const m of results.misconceptions) {
    const label = text.misconception(m.misconceptionId);
    // Persistence needs the start and the end; a belief only the quiz shows (after the facts)
    // is listed apart, so no reader takes it for one that lasted.
    const section = m.evidence === 'startAndEnd' ? 'misconceptions' : 'quizOnlyMisconceptions';
    part(section, m.misconceptionId, label, ['answeredBefore', 'shownBefore'], m.waves.before);
    part(section, m.misconceptionId, label, ['answeredDuring', 'shownDuring'], m.waves.main);
    part(section, m.misconceptionId, label, ['answeredAfter', 'shownAfter'], m.waves.after);
  }

  for (const c of results.confidentErrors) {
    const item = `${c.itemId}/${c.phase}`;
    const label = text.item(c.itemId, c.phase);
    add('confidentErrors', item, label, 'wrongAnswers', 'count', c.confident.total);
    add('confidentErrors', item, label, 'confidentErrors', 'count', c.confident.count, c.confident.total);
    add('confidentErrors', item, label, 'confidentShare', 'share', c.confident.share, c.confident.total);
  }

  measure('change', 'knowledge', text.knowledgeScore, results.change.knowledge, 'percent');
  for (const c of results.change.constructs) measure('change', c.construct, text.construct(c.construct), c, 'scale');

  for (const row of results.changeByOrganisation) {
    const label = text.organisation(row.organisationId);
    add('changeByOrganisation', row.organisationId, label, 'students', 'count', row.students);
    add('changeByOrganisation', row.organisationId, label, 'knowledgeMatched', 'count', row.knowledge.nMatched);
    add('changeByOrganisation', row.organisationId, label, 'knowledgeChange', 'percentChange', row.knowledge.change, row.knowledge.nMatched);
    add('changeByOrganisation', row.organisationId, label, 'intentionMatched', 'count', row.intention.nMatched);
    add('changeByOrganisation', row.organisationId, label, 'intentionChange', 'scaleChange', row.intention.change, row.intention.nMatched);
  }

  if (results.followUp !== null) {
    const f = results.followUp;
    add('followUp', '', text.followUpWave, 'followUpStudents', 'count', f.students);
    add('followUp', '', text.followUpWave, 'paired', 'count', f.paired, f.students);
    measure('followUp', 'retrieval', text.retrieval, f.retrieval, 'percent');
    measure('followUp', 'intention', text.intentionSinceBefore, f.intention, 'scale');
    measure('followUp', 'intentionSinceAfter', text.intentionSinceAfter, f.intentionSinceAfter, 'scale');
  }

  for (const scenario of results.scenarios) {
    for (const decision of scenario.decisions) {
      const item = `${scenario.scenarioId}/${decision.nodeId}`;
      const label = text.decision(scenario.scenarioId, decision.nodeId);
      add('decisions', item, label, 'choices', 'count', decision.risky.total);
      add('decisions', item, label, 'riskyChoices', 'count', decision.risky.count, decision.risky.total);
      add('decisions', item, label, 'riskyShare', 'share', decision.risky.share, decision.risky.total);
      const breakdown = (section: ResultsSection, rows: typeof decision.byOrganisation, group: (key: string) => string) => {
        for (const row of rows) {
          const rowLabel = text.breakdown(label, group(row.key));
          add(section, `${item}/${row.key}`, rowLabel, 'choices', 'count', row.answered);
          add(section, `${item}/${row.key}`, rowLabel, 'riskyShare', 'share', row.share, row.answered);
        }
      };
      breakdown('decisionsByOrganisation', decision.byOrganisation, text.organisation);
      breakdown('decisionsByTerm', decision.byTerm, (key) => text.term(key as TermId));
    }
    for (const ending of scenario.endings) {
      const item = `${scenario.scenarioId}/${ending.nodeId}`;
      const label = text.ending(scenario.scenarioId, ending.nodeId, ending.outcome);
      add('endings', item, label, 'reached', 'count', ending.value, scenario.reachedEnding);
      add('endings', item, label, 'reachedShare', 'share', ending.share, scenario.reachedEnding);
    }
  }

  const { plans } = results;
  for (const plan of plans.plans) {
    const label = text.plan(plan.planId);
    add('plans', plan.planId, label, 'picked', 'count', plan.value, plans.answered);
    add('plans', plan.planId, label, 'pickedShare', 'share', plan.share, plans.answered);
  }
  add('plans', 'own', text.ownPlan, 'picked', 'count', plans.ownPlanWriters.count, plans.ownPlanWriters.total);
  add('plans', 'own', text.ownPlan, 'pickedShare', 'share', plans.ownPlanWriters.share, plans.ownPlanWriters.total);

  for (const trend of results.trends) {
    const label = text.term(trend.termId);
    add('trends', trend.termId, label, 'sessions', 'exact', exact(trend.sessions));
    add('trends', trend.termId, label, 'students', 'count', trend.students);
    add('trends', trend.termId, label, 'answersAfter', 'count', trend.knowledgeAfter.total);
    add('trends', trend.termId, label, 'rightAfterShare', 'share', trend.knowledgeAfter.share, trend.knowledgeAfter.total);
    add('trends', trend.termId, label, 'choices', 'count', trend.riskyChoices.total);
    add('trends', trend.termId, label, 'riskyShare', 'share', trend.riskyChoices.share, trend.riskyChoices.total);
    add('trends', trend.termId, label, 'intentionMatched', 'count', trend.intention.nMatched);
    add('trends', trend.termId, label, 'intentionChange', 'scaleChange', trend.intention.change, trend.intention.nMatched);
  }
  return figures;
}

export const RESULTS_CSV_COLUMNS = ['section', 'item', 'label', 'measure', 'value', 'n'] as const;

/** Every word the CSV uses, in the reader's language. */
export interface ResultsCsvLabels {
  columns: Record<(typeof RESULTS_CSV_COLUMNS)[number], string>;
  sections: Record<ResultsSection, string>;
  /** A measure's name; a share's says it is in per cent. */
  measures: Record<ResultsMeasure, string>;
  fewerThan: (k: number) => string;
  withheld: string;
  none: string;
  /** The section name of the notes written first: the filters in words, demo data, disclosure control. */
  noteSection: string;
  notes: { label: string; text: string }[];
}

/** A share or mean of nothing (n = 0) is withheld by disclosure, but reads as "no answers", not "not shown". */
export function outOfNothing(value: DisclosedValue, n: DisclosedFigure | null | undefined): boolean {
  return value.kind === 'withheld' && n?.kind === 'count' && n.value === 0;
}

/** A value as a CSV cell: numbers as numbers (shares in whole per cent), the rest in words. */
export function csvValue(
  value: DisclosedValue,
  unit: FigureUnit,
  labels: Pick<ResultsCsvLabels, 'fewerThan' | 'withheld' | 'none'>,
  n: DisclosedFigure | null = null,
): CsvCell {
  if (outOfNothing(value, n)) return labels.none;
  switch (value.kind) {
    case 'count':
    case 'mean':
      return value.value;
    case 'share':
      return unit === 'share' ? Math.round(value.value * 100) : value.value;
    case 'fewer-than':
      return labels.fewerThan(value.k);
    case 'withheld':
      return labels.withheld;
    case 'none':
      return labels.none;
  }
}

export function writeResultsCsv(figures: readonly ResultsFigure[], labels: ResultsCsvLabels): string {
  return csvDocument([
    RESULTS_CSV_COLUMNS.map((column) => labels.columns[column]),
    ...labels.notes.map((note) => [labels.noteSection, '', note.label, '', note.text, '']),
    ...figures.map((f) => [
      labels.sections[f.section],
      f.item,
      f.label,
      labels.measures[f.measure],
      csvValue(f.value, f.unit, labels, f.n),
      f.n === null ? '' : csvValue(f.n, 'count', labels),
    ]),
  ]);
}

/** `roads-kill-results-2025-autumn.csv`: the module, and the term or school year chosen (`all` without). */
export function resultsCsvFilename(filters: { module?: string; term?: string; year?: string }, moduleId: string): string {
  const safe = (value: string) => value.replace(/[^a-z0-9-]/gi, '').toLowerCase();
  const when = filters.term ?? (filters.year !== undefined ? `year-${filters.year}` : 'all');
  return `${safe(filters.module ?? moduleId) || 'module'}-results-${safe(when) || 'all'}.csv`;
}

/** Cohen's rule of thumb for an effect size: under 0.2 very small, then small, medium, and large from 0.8. */
export type EffectSizeBand = 'verySmall' | 'small' | 'medium' | 'large';

export function effectSizeBand(effectSize: number): EffectSizeBand {
  const size = Math.abs(effectSize);
  return size >= 0.8 ? 'large' : size >= 0.5 ? 'medium' : size >= 0.2 ? 'small' : 'verySmall';
}

/**
 * What a shown change may be called: it rose or fell only when its whole 95% interval, as shown,
 * lies on one side of zero; an interval that reaches zero may be chance.
 */
export type ChangeVerdict = 'rose' | 'fell' | 'unclear';

export function changeVerdict(interval: { low: number; high: number }): ChangeVerdict {
  return interval.low > 0 ? 'rose' : interval.high < 0 ? 'fell' : 'unclear';
}
