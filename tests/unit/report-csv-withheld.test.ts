/**
 * How much of one class's CSV is withheld (issue 11, "Class reports"): a class of 31 from the
 * synthetic class generator, disclosed and written as the CSV route does, read back as a
 * spreadsheet would. The figures go into the closing note; the assertions hold the shape.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { beforeAll, describe, expect, it } from 'vitest';
import { getModule } from '@/lib/content/load';
import type { ModuleStructure, ModuleText } from '@/lib/content/schema';
import { buildClassReport, type ReportSession } from '@/lib/domain/class-report';
import { discloseClassReport } from '@/lib/domain/class-report-disclosure';
import { reportContentText } from '@/lib/domain/class-report-text';
import { disclosurePolicies } from '@/lib/domain/disclosure';
import { writeReportCsv, type ReportCsvLabels } from '@/lib/domain/report-csv';
import report from '@/messages/en-GB/Report.json';
import { parseCsv } from '@/tests/support/csv';
import { seededRandom, syntheticClass, syntheticFollowUp } from '@/tests/support/synthetic-class';

const policies = disclosurePolicies();
const { k, roundTo } = policies.export;
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));

/** The English words, straight from the messages (the route uses next-intl for the same). */
const labels: ReportCsvLabels = {
  columns: report.csv.columns,
  sections: report.csv.sections,
  measures: report.csv.measures,
  phases: report.knowledge.phases,
  constructs: report.change.constructs,
  outcomes: report.scenarios.outcomes,
  modes: report.csv.modes,
  yes: report.csv.yes,
  no: report.csv.no,
  knowledgeScore: report.csv.knowledgeScore,
  risky: report.csv.risky,
  noMisconception: report.knowledge.noMisconception,
  plan: (parts) => fill(report.plans.planText, parts),
  fewerThan: (threshold) => fill(report.values.fewerThan, { k: threshold }),
  withheld: report.values.withheld,
  withheldFewer: (count, threshold) => String(new IntlMessageFormat(report.csv.withheldFewer, 'en-GB').format({ count, k: threshold })),
  withheldLinked: (count, threshold) => String(new IntlMessageFormat(report.csv.withheldLinked, 'en-GB').format({ count, k: threshold })),
  none: report.values.none,
  note: fill(report.csv.note, { k, roundTo }),
};

const session = (followUp: boolean): ReportSession => ({
  id: 'session',
  joinCode: 'KXT4PM',
  mode: 'live',
  beforeAfter: !followUp,
  followUp,
  status: 'closed',
  createdAt: new Date('2026-11-27T09:00:00Z'),
  closedAt: new Date('2026-11-27T09:50:00Z'),
  closesAt: null,
});

let structure: ModuleStructure;
let text: ModuleText;
beforeAll(async () => {
  const loaded = await getModule();
  structure = loaded.structure;
  text = loaded.text['en-GB'];
});

/** The CSV's figure rows (not the session's details, not the note) and what they hold. */
function measure(csv: string) {
  const [, ...records] = parseCsv(csv.replace(/^\uFEFF/, ''));
  const details = new Set([labels.measures.joinCode, labels.measures.mode, labels.measures.beforeAfter, labels.measures.created, labels.measures.closed]);
  const figures = records.filter((r) => r[0] !== labels.sections.note && !details.has(r[3] ?? ''));
  const value = (r: string[]) => r[4] ?? '';
  return {
    lines: records.length,
    figures: figures.length,
    withheldCells: figures.filter((r) => value(r) === labels.withheld).length,
    fewerThan: figures.filter((r) => value(r) === labels.fewerThan(k)).length,
    summaryLines: figures.filter((r) => r[3] === labels.measures.withheld),
    zeros: figures.filter((r) => value(r) === '0' || value(r) === labels.none).length,
    records,
  };
}

function classCsv(seed: number, size: number) {
  const klass = syntheticClass(structure, seededRandom(seed), size);
  const exact = buildClassReport(structure, { session: session(false), participantIds: klass.participantIds, answers: klass.answers });
  return writeReportCsv(discloseClassReport(structure, exact, policies).file(), labels, reportContentText(text));
}

function followUpCsv(seed: number, size: number) {
  const first = syntheticClass(structure, seededRandom(seed), size);
  const ids = first.participantIds.map((id) => `f-${id}`);
  const entries = (list: readonly string[], hash: (id: string) => string) => list.map((participantId) => ({ participantId, pairingHash: hash(participantId) }));
  const exact = buildClassReport(structure, {
    session: session(true),
    participantIds: ids,
    answers: syntheticFollowUp(structure, seededRandom(seed + 1), ids),
    pairing: {
      first: entries(first.participantIds, (id) => `h-${id}`),
      followUp: entries(ids, (id) => `h-${id.slice(2)}`),
      firstAnswers: first.answers,
    },
  });
  return writeReportCsv(discloseClassReport(structure, exact, policies).file(), labels, reportContentText(text));
}

describe('the withheld share of a class CSV (31 students)', () => {
  it('reports the figures', () => {
    for (const seed of [3101, 3102, 3103]) {
      const m = measure(classCsv(seed, 31));
      const summarised = m.summaryLines.reduce((sum, r) => sum + Number(r[4]), 0);
      console.info(
        `[csv] class of 31, seed ${seed}: ${m.lines} lines, ${m.figures} figure rows, ${m.withheldCells} "not shown", ${m.fewerThan} "fewer than ${k}", ${m.zeros} zero; ` +
          `${m.summaryLines.length} lines stand for ${summarised} withheld figures`,
      );
      const f = measure(followUpCsv(seed, 31));
      const fSummarised = f.summaryLines.reduce((sum, r) => sum + Number(r[4]), 0);
      console.info(
        `[csv] follow-up of 31, seed ${seed}: ${f.lines} lines, ${f.figures} figure rows, ${f.withheldCells} "not shown", ${f.fewerThan} "fewer than ${k}", ${f.zeros} zero; ` +
          `${f.summaryLines.length} lines stand for ${fSummarised} withheld figures`,
      );
    }
    expect(measure(classCsv(3101, 31)).figures).toBeGreaterThan(0);
  });

  it('gives a withheld figure no row of its own outside the session details, and each section one line per reason', () => {
    const m = measure(classCsv(3101, 31));
    const hiddenRows = m.records.filter((r) => r[0] !== labels.sections.session && (r[4] === labels.withheld || r[4] === labels.fewerThan(k)));
    expect(hiddenRows).toEqual([]);
    const perSection = new Map<string, number>();
    for (const line of m.summaryLines) perSection.set(`${line[0]}|${line[2]?.split(':')[1]}`, (perSection.get(`${line[0]}|${line[2]?.split(':')[1]}`) ?? 0) + 1);
    expect([...perSection.values()].every((n) => n === 1)).toBe(true);
    expect(m.summaryLines.reduce((sum, r) => sum + Number(r[4]), 0)).toBeGreaterThan(100);
  });

  it('lists in a follow-up’s CSV only what a follow-up asks', () => {
    const f = measure(followUpCsv(3101, 31));
    const sections = new Set(f.records.map((r) => r[0]));
    for (const absent of [labels.sections.facts, labels.sections.decisions, labels.sections.endings, labels.sections.plans]) expect(sections.has(absent)).toBe(false);
    // Was 232 lines, 201 of them zeros for parts a follow-up doesn't have: now its quiz and its intentions since the first session.
    expect(f.lines).toBeLessThan(60);
    expect(f.zeros).toBeLessThan(10);
  });
});
