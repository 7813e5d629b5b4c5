/**
 * A disclosed class report as CSV: one figure per row (section, item, label, measure, value,
 * n), so a spreadsheet can filter and pivot it. Pure, and no words of its own: every heading,
 * measure name and "fewer than 10" comes in `labels`, every content text in `content`.
 *
 * It lists only what the session asked (a follow-up has no facts, stories, plans or before and
 * after), and a figure the rules hide is not a row of its own: each section ends with one line
 * per reason that counts them and names their items ("12 figures withheld: fewer than 10
 * students each"), so the rows a reader sees are figures.
 *
 * The file is written by csv.ts: RFC 4180, UTF-8 with a byte-order mark, formulas made inert.
 */
import type { AttitudeConstruct, Phase } from '@/lib/content/schema';
import type { ClassSessionMode } from '@/lib/db/schema';
import type { DisclosedClassReport, DisclosedMeasureChange, DisclosedPart } from './class-report-types';
import type { ReportContentText } from './class-report-text';
import { csvDocument, type CsvCell } from './csv';
import type { DisclosedFigure, DisclosedMean, DisclosedShare } from './disclosure';

export const CSV_COLUMNS = ['section', 'item', 'label', 'measure', 'value', 'n'] as const;
type Column = (typeof CSV_COLUMNS)[number];

export const CSV_MEASURES = [
  'joinCode',
  'mode',
  'beforeAfter',
  'created',
  'closed',
  'joined',
  'started',
  'finished',
  'pairedDevices',
  'answered',
  'correct',
  'close',
  'shareCorrect',
  'misconception',
  'confidentErrors',
  'chose',
  'reached',
  'nBefore',
  'nAfter',
  'nMatched',
  'meanBefore',
  'meanAfter',
  'meanChange',
  'picked',
  'ownPlans',
  'withheld',
] as const;
export type CsvMeasure = (typeof CSV_MEASURES)[number];

export const CSV_SECTIONS = ['session', 'knowledge', 'facts', 'decisions', 'endings', 'change', 'intentions', 'plans', 'note'] as const;
export type CsvSection = (typeof CSV_SECTIONS)[number];

/** Every word the CSV uses, in the reader's language. */
export interface ReportCsvLabels {
  columns: Record<Column, string>;
  sections: Record<CsvSection, string>;
  measures: Record<CsvMeasure, string>;
  phases: Record<Phase, string>;
  constructs: Record<AttitudeConstruct, string>;
  outcomes: Record<'safe' | 'mixed' | 'risky', string>;
  modes: Record<ClassSessionMode, string>;
  yes: string;
  no: string;
  /** The name of the knowledge score in the before/after section. */
  knowledgeScore: string;
  /** Beside a scenario choice the content marks as risky. */
  risky: string;
  /** A wrong answer that names no misconception. */
  noMisconception: string;
  /** "If {if}, then {then}" for a plan. */
  plan: (parts: { if: string; then: string }) => string;
  fewerThan: (k: number) => string;
  withheld: string;
  /** The line that stands for a section's figures hidden as "fewer than k": how many, and why. */
  withheldFewer: (count: number, k: number) => string;
  /** The line that stands for a section's figures withheld because the figures beside them would give a small group away. */
  withheldLinked: (count: number, k: number) => string;
  /** Nothing to show: nobody answered. */
  none: string;
  /** The note on disclosure control, written at the end. */
  note: string;
}

type Cell = CsvCell;
type Row = Record<Column, Cell>;
/** Why a figure is not in the file as a number; null for one that is. */
type Hidden = 'fewer' | 'linked' | null;

/**
 * The rows with each section's hidden figures taken out and counted, one line per reason at the
 * end of the section, naming the items (each once) so a reader can still see what they were.
 */
function collapseHidden(rows: readonly (Row & { hidden: Hidden })[], labels: ReportCsvLabels, k: number): Row[] {
  const out: Row[] = [];
  const sections = [...new Set(rows.map((r) => String(r.section)))];
  for (const section of sections) {
    const inSection = rows.filter((r) => r.section === section);
    for (const { hidden, ...row } of inSection) if (hidden === null) out.push(row);
    for (const reason of ['fewer', 'linked'] as const) {
      const hidden = inSection.filter((r) => r.hidden === reason);
      if (hidden.length === 0) continue;
      const items = [...new Set(hidden.map((r) => String(r.item)).filter((item) => item !== ''))].join('; ');
      const label = reason === 'fewer' ? labels.withheldFewer(hidden.length, k) : labels.withheldLinked(hidden.length, k);
      out.push({ section, item: items, label, measure: labels.measures.withheld, value: hidden.length, n: '' });
    }
  }
  return out;
}

/** A UTC timestamp a spreadsheet recognises, to the minute: 2025-03-14 10:05. */
function timestamp(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

export function writeReportCsv(report: DisclosedClassReport, labels: ReportCsvLabels, content: ReportContentText): string {
  const rows: (Row & { hidden: Hidden })[] = [];
  const hiddenAs = (value: Cell): Hidden =>
    value === labels.withheld ? 'linked' : value === labels.fewerThan(report.policy.k) ? 'fewer' : null;
  const add = (section: string, item: string, label: string, measure: CsvMeasure, value: Cell, n: Cell = '') =>
    rows.push({ section, item, label, measure: labels.measures[measure], value, n, hidden: section === labels.sections.session ? null : hiddenAs(value) });
  const figure = (value: DisclosedFigure | DisclosedMean): Cell => {
    switch (value.kind) {
      case 'count':
      case 'mean':
        return value.value;
      case 'fewer-than':
        return labels.fewerThan(value.k);
      case 'withheld':
        return labels.withheld;
      case 'none':
        return labels.none;
    }
  };
  const percent = (share: DisclosedShare): Cell => (share.kind === 'share' ? Math.round(share.value * 100) : labels.withheld);

  const session = labels.sections.session;
  const { session: s, headline } = report;
  add(session, '', '', 'joinCode', s.joinCode);
  add(session, '', '', 'mode', labels.modes[s.mode]);
  add(session, '', '', 'beforeAfter', s.beforeAfter ? labels.yes : labels.no);
  add(session, '', '', 'created', timestamp(s.createdAt));
  add(session, '', '', 'closed', s.closedAt ? timestamp(s.closedAt) : '');
  add(session, '', '', 'joined', figure(headline.joined));
  add(session, '', '', 'started', figure(headline.started));
  add(session, '', '', 'finished', figure(headline.finished));
  if (report.pairedDevices !== null) add(session, '', '', 'pairedDevices', figure(report.pairedDevices));

  for (const item of report.knowledge) {
    const section = `${labels.sections.knowledge} – ${labels.phases[item.phase]}`;
    const label = content.item(item.itemId);
    const n = figure(item.answered);
    add(section, item.itemId, label, 'answered', n);
    add(section, item.itemId, label, 'correct', figure(item.correct.value), n);
    add(section, item.itemId, label, 'shareCorrect', percent(item.correct.share), n);
    for (const m of item.misconceptions) {
      const text = m.misconceptionId === null ? labels.noMisconception : content.misconception(m.misconceptionId);
      add(section, item.itemId, text, 'misconception', figure(m.value), n);
    }
    if (item.confidenceAsked) add(section, item.itemId, label, 'confidentErrors', figure(item.confidentErrors), n);
  }

  // Only what the session asked: a follow-up is a short recap (DESIGN.md, step 8), and a
  // session without the before and after questions has no change to count.
  const asked = { firstVisit: !s.followUp, change: s.beforeAfter || s.followUp };
  for (const fact of asked.firstVisit ? report.facts : []) {
    const section = labels.sections.facts;
    const label = content.factTitle(fact.factId);
    const n = figure(fact.answered);
    add(section, fact.factId, label, 'answered', n);
    add(section, fact.factId, label, fact.kind === 'number' ? 'close' : 'correct', figure(fact.correct.value), n);
    add(section, fact.factId, label, 'shareCorrect', percent(fact.correct.share), n);
    for (const option of fact.options) {
      add(section, `${fact.factId}/${option.optionId}`, content.factOption(fact.factId, option.optionId), 'chose', figure(option.value), n);
    }
  }

  for (const scenario of asked.firstVisit ? report.scenarios : []) {
    for (const decision of scenario.decisions) {
      const item = `${scenario.scenarioId}/${decision.nodeId}`;
      const n = figure(decision.answered);
      add(labels.sections.decisions, item, content.node(scenario.scenarioId, decision.nodeId), 'answered', n);
      for (const choice of decision.choices) {
        const text = content.choice(scenario.scenarioId, decision.nodeId, choice.choiceId);
        add(labels.sections.decisions, `${item}/${choice.choiceId}`, choice.risky ? `${text} (${labels.risky})` : text, 'chose', figure(choice.value), n);
      }
    }
    const n = figure(scenario.reachedEnding);
    for (const ending of scenario.endings) {
      const text = `${content.node(scenario.scenarioId, ending.nodeId)} (${labels.outcomes[ending.outcome]})`;
      add(labels.sections.endings, `${scenario.scenarioId}/${ending.nodeId}`, text, 'reached', figure(ending.value), n);
    }
  }

  const change = (item: string, label: string, c: DisclosedMeasureChange) => {
    // A follow-up's change is its intentions since the first session (class-report.ts).
    const section = s.followUp ? labels.sections.intentions : labels.sections.change;
    add(section, item, label, 'nBefore', figure(c.nBefore));
    add(section, item, label, 'nAfter', figure(c.nAfter));
    add(section, item, label, 'nMatched', figure(c.nMatched));
    add(section, item, label, 'meanBefore', figure(c.before), figure(c.nMatched));
    add(section, item, label, 'meanAfter', figure(c.after), figure(c.nMatched));
    add(section, item, label, 'meanChange', figure(c.change), figure(c.nMatched));
  };
  if (asked.change) {
    if (!s.followUp) change('knowledge', labels.knowledgeScore, report.change.knowledge);
    for (const c of report.change.constructs) change(c.construct, labels.constructs[c.construct], c);
    for (const c of report.change.attitudeItems) change(c.itemId, content.attitudeStatement(c.itemId), c);
  }

  if (asked.firstVisit) {
    const plansN = figure(report.plans.answered);
    add(labels.sections.plans, 'plan', '', 'answered', plansN);
    for (const plan of report.plans.plans) {
      add(labels.sections.plans, plan.planId, labels.plan(content.plan(plan.planId)), 'picked', figure(plan.value), plansN);
    }
    const own: DisclosedPart = report.plans.ownPlanWriters;
    add(labels.sections.plans, 'plan', '', 'ownPlans', figure(own.value), plansN);
  }

  return csvDocument([
    CSV_COLUMNS.map((column) => labels.columns[column]),
    ...collapseHidden(rows, labels, report.policy.k).map((row) => CSV_COLUMNS.map((column) => row[column])),
    [labels.sections.note, '', labels.note, '', '', ''],
  ]);
}

/** `class-report-KXT4PM-2025-03-14.csv`: the join code (letters and digits only) and the session's day (UTC). */
export function reportCsvFilename(joinCode: string, createdAt: Date): string {
  const code = joinCode.replace(/[^A-Za-z0-9]/g, '').toUpperCase() || 'SESSION';
  return `class-report-${code}-${createdAt.toISOString().slice(0, 10)}.csv`;
}
