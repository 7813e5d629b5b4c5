/**
 * Officers' results as they may be shown: every figure of `OfficerResults` through disclosure
 * control (disclosure.ts) under the export policy (k = 10, counts rounded to 5). This is the
 * only form a page, a CSV or an API response for officers is made from.
 *
 * Which figures are disclosed together, so that no shown total gives a hidden cell away:
 * - a share's two counts (right of answered) are one two-cell table: when "wrong" is small,
 *   the number answered is withheld (`part`), or, where that number is shown elsewhere too,
 *   the count is withheld instead (`part` with `keepTotal`);
 * - head counts nest (finished ⊂ started ⊂ joined) and are one table whose total is kept;
 * - a measure's waves share their matched pairs: before = matched + before only, after =
 *   matched + after only, disclosed as linked tables; attrition is the before-only share;
 * - a decision's risky and safe choices by organisation and by term are two cross tables
 *   with the same margins, disclosed until both agree on which margins are withheld; the
 *   endings are linked with the decisions' totals;
 * - breakdowns by term (students, intentions) keep the whole selection's total.
 */
import type { AttitudeConstruct, Phase } from '@/lib/content/schema';
import {
  discloseCount,
  discloseCrossTable,
  discloseDistribution,
  discloseLinkedTables,
  discloseMean,
  shareOf,
  type DisclosedCount,
  type DisclosedCrossTable,
  type DisclosedFigure,
  type DisclosedMean,
  type DisclosedShare,
  type DisclosurePolicy,
} from './disclosure';
import type { OfficerResults, Part, WavePhase } from './officer-results';
import type { TermId } from './school-terms';
import { pairedChange } from './paired-change';
import type { MeasureSums } from './session-summary';

export interface DisclosedPart {
  count: DisclosedFigure;
  total: DisclosedFigure;
  share: DisclosedShare;
}

export interface DisclosedMeasure {
  nBefore: DisclosedFigure;
  nAfter: DisclosedFigure;
  nMatched: DisclosedFigure;
  /** The share of the first wave not matched at the second. */
  attrition: DisclosedShare;
  before: DisclosedMean;
  after: DisclosedMean;
  change: DisclosedMean;
  /**
   * The change's 95% confidence interval, widened for the perturbation noise
   * (paired-change.ts), in the change's units; shown only beside a shown change.
   */
  interval: { kind: 'interval'; low: number; high: number } | { kind: 'withheld' };
  /** Cohen's d for paired data (mean change over its standard deviation), two decimals. */
  effectSize: DisclosedMean;
}

export interface DisclosedBreakdownRow {
  key: string;
  answered: DisclosedFigure;
  risky: DisclosedFigure;
  share: DisclosedShare;
}

export interface DisclosedDecision {
  nodeId: string;
  /** The whole selection: risky choices of choices made. */
  risky: DisclosedPart;
  byOrganisation: DisclosedBreakdownRow[];
  byTerm: DisclosedBreakdownRow[];
}

export interface DisclosedScenario {
  scenarioId: string;
  decisions: DisclosedDecision[];
  endings: { nodeId: string; outcome: 'safe' | 'mixed' | 'risky'; value: DisclosedFigure; share: DisclosedShare }[];
  reachedEnding: DisclosedFigure;
}

export interface DisclosedTermTrend {
  termId: TermId;
  sessions: number;
  students: DisclosedFigure;
  knowledgeAfter: DisclosedPart;
  riskyChoices: DisclosedPart;
  intention: { nMatched: DisclosedFigure; change: DisclosedMean };
}

export interface DisclosedOrganisationChange {
  organisationId: string;
  students: DisclosedFigure;
  /** Percentage points of questions right. */
  knowledge: { nMatched: DisclosedFigure; change: DisclosedMean };
  /** Scale points. */
  intention: { nMatched: DisclosedFigure; change: DisclosedMean };
}

/** Whether a belief's persistence can be judged: shown at the start and the end, or only in the quiz. */
export type MisconceptionEvidence = 'startAndEnd' | 'quizOnly';

export interface DisclosedOfficerResults {
  policy: DisclosurePolicy;
  demo: boolean;
  headline: {
    students: DisclosedFigure;
    started: DisclosedFigure;
    finished: DisclosedFigure;
    completion: DisclosedShare;
    /** Sessions and organisations are not people: shown exactly. */
    sessions: number;
    organisations: number;
    followUpSessions: number;
  };
  topics: { kind: 'fact' | 'consideration'; id: string; waves: Record<WavePhase, DisclosedPart> }[];
  /**
   * Beliefs measured at the start and the end first (most shown at the end first), then those
   * only the quiz shows (by the quiz's share); beliefs no answer could show left out.
   */
  misconceptions: { misconceptionId: string; evidence: MisconceptionEvidence; waves: Record<WavePhase, DisclosedPart> }[];
  /** Items with the highest shown share of confident errors first; only those with any shown. */
  confidentErrors: { itemId: string; phase: Phase; confident: DisclosedPart }[];
  change: {
    /** Percentage points of questions right, whole numbers. */
    knowledge: DisclosedMeasure;
    /** Scale points, one decimal. */
    constructs: ({ construct: AttitudeConstruct } & DisclosedMeasure)[];
  };
  changeByOrganisation: DisclosedOrganisationChange[];
  followUp: {
    students: DisclosedFigure;
    paired: DisclosedFigure;
    /** Percentage points. */
    retrieval: DisclosedMeasure;
    intention: DisclosedMeasure;
    intentionSinceAfter: DisclosedMeasure;
  } | null;
  scenarios: DisclosedScenario[];
  plans: {
    answered: DisclosedFigure;
    plans: { planId: string; value: DisclosedFigure; share: DisclosedShare }[];
    ownPlanWriters: DisclosedPart;
  };
  trends: DisclosedTermTrend[];
}

const WITHHELD = { kind: 'withheld' } as const;

/** One count of a total, the rest being the other cell of a two-cell table. */
export function disclosePart(part: Part, policy: DisclosurePolicy, { keepTotal = false } = {}): DisclosedPart {
  if (part.count > part.total) throw new RangeError(`a part (${part.count}) is larger than its total (${part.total})`);
  if (keepTotal) {
    const table = discloseCrossTable([{ key: 'count', cells: [part.count] }, { key: 'rest', cells: [part.total - part.count] }], 1, policy);
    const count = table.rows[0]?.cells[0] ?? WITHHELD;
    return { count, total: table.total, share: shareOf(count, table.total) };
  }
  const table = discloseDistribution(
    [
      { key: 'count', count: part.count },
      { key: 'rest', count: part.total - part.count },
    ],
    part.total,
    policy,
    { additive: true },
  );
  const count = table.cells[0]?.value ?? WITHHELD;
  return { count, total: table.total, share: shareOf(count, table.total) };
}

/** Knowledge: a share right per student (span 1), shown in percentage points. */
export const PERCENT = { factor: 100, decimals: 0, span: 1 };
/** Attitudes: a point on a 1–5 scale (span 4), shown to one decimal. */
export const SCALE_POINTS = { factor: 1, decimals: 1, span: 4 };

/**
 * A measure at two waves. `sessions`: how many sessions' perturbed sums it adds up, for the
 * interval's noise term (0 for exact sums).
 */
export function discloseMeasure(
  measure: MeasureSums,
  policy: DisclosurePolicy,
  scale: { factor: number; decimals: number; span: number },
  sessions = 0,
): DisclosedMeasure {
  const { nBefore, nAfter, nMatched } = measure;
  const [before, after] = discloseLinkedTables(
    [
      { cells: [{ key: 'matched', count: nMatched }, { key: 'only', count: nBefore - nMatched }], total: nBefore, additive: true },
      { cells: [{ key: 'matched', count: nMatched }, { key: 'only', count: nAfter - nMatched }], total: nAfter, additive: true },
    ],
    policy,
  );
  const matchedBefore = before?.cells[0]?.value ?? WITHHELD;
  const matchedAfter = after?.cells[0]?.value ?? WITHHELD;
  const small = discloseCount(nMatched, policy);
  // Shown only where both tables show it; otherwise "fewer than k" if it is small, else withheld.
  const matched: DisclosedFigure =
    matchedBefore.kind === 'count' && matchedAfter.kind === 'count' ? matchedBefore : small.kind === 'fewer-than' ? small : WITHHELD;
  const meanBefore = nMatched === 0 ? null : measure.sumBefore / nMatched;
  const meanAfter = nMatched === 0 ? null : measure.sumAfter / nMatched;
  const mean = (value: number | null): DisclosedMean =>
    value === null ? { kind: 'none' } : discloseMean(value * scale.factor, nMatched, policy, scale.decimals);
  const change = mean(meanBefore === null || meanAfter === null ? null : meanAfter - meanBefore);
  const paired = change.kind === 'mean' ? pairedChange(measure, { sessions, span: scale.span }) : null;
  const factor = 10 ** scale.decimals;
  const round = (value: number) => Math.round(value * scale.factor * factor) / factor + 0;
  return {
    nBefore: before?.total ?? WITHHELD,
    nAfter: after?.total ?? WITHHELD,
    nMatched: matched,
    attrition: shareOf(before?.cells[1]?.value ?? WITHHELD, before?.total ?? WITHHELD),
    before: mean(meanBefore),
    after: mean(meanAfter),
    change,
    interval: paired === null ? WITHHELD : { kind: 'interval', low: round(paired.low), high: round(paired.high) },
    effectSize:
      paired === null
        ? change.kind === 'mean' ? WITHHELD : change
        : paired.effectSize === null ? { kind: 'none' } : { kind: 'mean', value: Math.round(paired.effectSize * 100) / 100 + 0 },
  };
}

function breakdownRows(table: DisclosedCrossTable<string>): DisclosedBreakdownRow[] {
  return table.rows.map((row) => {
    const risky = row.cells[0] ?? WITHHELD;
    return { key: row.key, answered: row.total, risky, share: shareOf(risky, row.total) };
  });
}

/** Two breakdowns of one decision (by organisation, by term) with the same margins, made to agree. */
function discloseDecision(
  decision: OfficerResults['scenarios'][number]['decisions'][number],
  linked: { cells: DisclosedFigure[]; total: DisclosedFigure },
  policy: DisclosurePolicy,
): DisclosedDecision {
  const rows = (breakdown: typeof decision.byOrganisation) =>
    breakdown.map((row) => ({ key: row.key, cells: [row.risky.count, row.risky.total - row.risky.count] }));
  const withheldColumns = new Set<number>(linked.cells.flatMap((cell, c) => (cell.kind === 'withheld' ? [c] : [])));
  let withholdTotal = linked.total.kind === 'withheld';
  for (;;) {
    const options = { withheldColumnTotals: withheldColumns, withholdTotal };
    const byOrganisation = discloseCrossTable(rows(decision.byOrganisation), 2, policy, options);
    const byTerm = discloseCrossTable(rows(decision.byTerm), 2, policy, options);
    let changed = false;
    for (const table of [byOrganisation, byTerm]) {
      table.columnTotals.forEach((cell, c) => {
        if (cell.kind === 'withheld' && !withheldColumns.has(c)) {
          withheldColumns.add(c);
          changed = true;
        }
      });
      if (table.total.kind === 'withheld' && !withholdTotal) {
        withholdTotal = true;
        changed = true;
      }
    }
    if (changed) continue;
    const risky = byOrganisation.columnTotals[0] ?? WITHHELD;
    return {
      nodeId: decision.nodeId,
      risky: { count: risky, total: byOrganisation.total, share: shareOf(risky, byOrganisation.total) },
      byOrganisation: breakdownRows(byOrganisation),
      byTerm: breakdownRows(byTerm),
    };
  }
}

function discloseScenario(scenario: OfficerResults['scenarios'][number], policy: DisclosurePolicy): DisclosedScenario {
  // Each decision's risky and safe choices, and the endings, count the same students along the story.
  const tables = [
    ...scenario.decisions.map((d) => {
      const risky = d.choices.filter((c) => c.risky).reduce((sum, c) => sum + c.count, 0);
      return {
        cells: [
          { key: 'risky', count: risky },
          { key: 'safe', count: d.answered - risky },
        ],
        total: d.answered,
        additive: true,
      };
    }),
    { cells: scenario.endings.map((e) => ({ key: e.nodeId, count: e.count })), total: scenario.reachedEnding, additive: true },
  ];
  const linked = discloseLinkedTables(tables, policy);
  const endings = linked[linked.length - 1] ?? { cells: [], total: WITHHELD };
  return {
    scenarioId: scenario.scenarioId,
    decisions: scenario.decisions.map((decision, d) => {
      const table = linked[d];
      return discloseDecision(
        decision,
        { cells: table?.cells.map((c) => c.value) ?? [WITHHELD, WITHHELD], total: table?.total ?? WITHHELD },
        policy,
      );
    }),
    endings: endings.cells.map((cell, e) => ({
      nodeId: cell.key,
      outcome: scenario.endings[e]?.outcome ?? 'mixed',
      value: cell.value,
      share: shareOf(cell.value, endings.total),
    })),
    reachedEnding: endings.total,
  };
}

/**
 * A breakdown's groups with their matched pairs and mean change: each column of n keeps the
 * selection's total (shown elsewhere), and a group's change is shown only beside its shown n.
 */
function groupChange(
  measures: readonly MeasureSums[],
  policy: DisclosurePolicy,
  scale: { factor: number; decimals: number },
): { nMatched: DisclosedFigure; change: DisclosedMean }[] {
  const table = discloseCrossTable(measures.map((m, i) => ({ key: String(i), cells: [m.nMatched] })), 1, policy);
  return measures.map((m, i) => {
    const n = table.rows[i]?.total ?? WITHHELD;
    if (m.nMatched === 0) return { nMatched: n, change: { kind: 'none' } };
    const change = ((m.sumAfter - m.sumBefore) / m.nMatched) * scale.factor;
    // Beside an n that is withheld (complementary suppression of a group of 10 or more), the
    // change is withheld too: "fewer than 10" would misstate the group's size.
    const hidden: DisclosedMean = n.kind === 'fewer-than' ? { kind: 'fewer-than', k: policy.k } : { kind: 'withheld' };
    return { nMatched: n, change: n.kind === 'count' ? discloseMean(change, m.nMatched, policy, scale.decimals) : hidden };
  });
}

function discloseChangeByOrganisation(results: OfficerResults, policy: DisclosurePolicy): DisclosedOrganisationChange[] {
  const rows = results.changeByOrganisation;
  const students = discloseCrossTable(rows.map((r) => ({ key: r.organisationId, cells: [r.students] })), 1, policy);
  const knowledge = groupChange(rows.map((r) => r.knowledge), policy, PERCENT);
  const intention = groupChange(rows.map((r) => r.intention), policy, SCALE_POINTS);
  return rows.map((row, i) => ({
    organisationId: row.organisationId,
    students: students.rows[i]?.total ?? WITHHELD,
    knowledge: knowledge[i] ?? { nMatched: WITHHELD, change: { kind: 'none' } },
    intention: intention[i] ?? { nMatched: WITHHELD, change: { kind: 'none' } },
  }));
}

const showingRank = (value: DisclosedShare) => (value.kind === 'share' ? value.value : -1);

function discloseTrends(results: OfficerResults, policy: DisclosurePolicy): DisclosedTermTrend[] {
  // Terms add up to the selection: each column keeps the selection's total (shown elsewhere).
  const students = discloseCrossTable(results.trends.map((t) => ({ key: t.termId, cells: [t.students] })), 1, policy);
  const intention = groupChange(results.trends.map((t) => t.intention), policy, SCALE_POINTS);
  const knowledge = discloseCrossTable(
    results.trends.map((t) => ({ key: t.termId, cells: [t.knowledgeAfter.count, t.knowledgeAfter.total - t.knowledgeAfter.count] })),
    2,
    policy,
  );
  const risky = discloseCrossTable(
    results.trends.map((t) => ({ key: t.termId, cells: [t.riskyChoices.count, t.riskyChoices.total - t.riskyChoices.count] })),
    2,
    policy,
  );
  const part = (table: DisclosedCrossTable<string>, t: number): DisclosedPart => {
    const row = table.rows[t];
    const count = row?.cells[0] ?? WITHHELD;
    const total = row?.total ?? WITHHELD;
    return { count, total, share: shareOf(count, total) };
  };
  return results.trends.map((trend, t) => ({
    termId: trend.termId,
    sessions: trend.sessions,
    students: students.rows[t]?.total ?? WITHHELD,
    knowledgeAfter: part(knowledge, t),
    riskyChoices: part(risky, t),
    intention: intention[t] ?? { nMatched: WITHHELD, change: { kind: 'none' } },
  }));
}

export function discloseOfficerResults(results: OfficerResults, policy: DisclosurePolicy): DisclosedOfficerResults {
  const { headline } = results;
  // finished ⊂ started ⊂ joined: one table of the three groups, keeping the number of students.
  const heads = discloseCrossTable(
    [
      { key: 'finished', cells: [headline.finished] },
      { key: 'started', cells: [headline.started - headline.finished] },
      { key: 'joined', cells: [headline.students - headline.started] },
    ],
    1,
    policy,
  );
  const [finished, startedOnly] = heads.rows.map((row) => row.cells[0] ?? WITHHELD);
  // Shown only when both its parts are, and rounded from the exact count: a sum of rounded parts
  // can be 5 away from the rounded total and seem to show a small group that is not there.
  const started: DisclosedFigure =
    finished?.kind === 'count' && startedOnly?.kind === 'count' ? discloseCount(headline.started, policy) : WITHHELD;
  const plans = discloseDistribution(
    results.plans.plans.map((p) => ({ key: p.planId, count: p.count })),
    results.plans.answered,
    policy,
    { additive: false },
  );
  const waves = (parts: Record<WavePhase, Part>) =>
    Object.fromEntries(Object.entries(parts).map(([phase, part]) => [phase, disclosePart(part, policy)])) as Record<
      WavePhase,
      DisclosedPart
    >;
  // "Persistent" needs the start and the end: beliefs measured at both come first, most shown at
  // the end first. Beliefs only the quiz can show (it comes after the facts) follow, by the quiz's
  // share, marked as such. A belief no answer could show is left out.
  const shownAt = (part: DisclosedPart) => part.total.kind === 'count' && part.total.value > 0;
  const misconceptions = results.misconceptions
    .filter((m) => Object.values(m.waves).some((part) => part.total > 0))
    .map((m) => {
      const disclosed = waves(m.waves);
      const evidence: MisconceptionEvidence = shownAt(disclosed.before) && shownAt(disclosed.after) ? 'startAndEnd' : 'quizOnly';
      return { misconceptionId: m.misconceptionId, evidence, waves: disclosed };
    })
    .sort((a, b) => {
      if (a.evidence !== b.evidence) return a.evidence === 'startAndEnd' ? -1 : 1;
      const at = (m: typeof a) => (m.evidence === 'startAndEnd' ? m.waves.after : m.waves.main);
      return showingRank(at(b).share) - showingRank(at(a).share);
    });
  // By the share of wrong answers given "very sure", as shown (not by count, which ranks big items first).
  const confidentErrors = results.confidentErrors
    .map((c) => ({ itemId: c.itemId, phase: c.phase, confident: disclosePart(c.confident, policy) }))
    .filter((c) => !(c.confident.count.kind === 'count' && c.confident.count.value === 0))
    .sort((a, b) => showingRank(b.confident.share) - showingRank(a.confident.share) || rank(b.confident.count) - rank(a.confident.count));
  const followUp = results.followUp;
  const followUpHeads =
    followUp === null
      ? null
      : discloseCrossTable(
          [
            { key: 'paired', cells: [followUp.paired] },
            { key: 'unpaired', cells: [followUp.joined - followUp.paired] },
          ],
          1,
          policy,
        );
  return {
    policy,
    demo: results.demo,
    headline: {
      students: heads.total,
      started,
      finished: finished ?? WITHHELD,
      completion: shareOf(finished ?? WITHHELD, heads.total),
      sessions: headline.sessions,
      organisations: headline.organisations,
      followUpSessions: headline.followUpSessions,
    },
    topics: results.topics.map((topic) => ({ kind: topic.kind, id: topic.id, waves: waves(topic.waves) })),
    misconceptions,
    confidentErrors,
    change: {
      knowledge: discloseMeasure(results.change.knowledge, policy, PERCENT, headline.sessions),
      constructs: results.change.constructs.map(({ construct, ...measure }) => ({
        construct,
        ...discloseMeasure(measure, policy, SCALE_POINTS, headline.sessions),
      })),
    },
    changeByOrganisation: discloseChangeByOrganisation(results, policy),
    followUp:
      followUp === null || followUpHeads === null
        ? null
        : {
            students: followUpHeads.total,
            paired: followUpHeads.rows[0]?.cells[0] ?? WITHHELD,
            retrieval: discloseMeasure(followUp.retrieval, policy, PERCENT, headline.followUpSessions),
            intention: discloseMeasure(followUp.intention, policy, SCALE_POINTS, headline.followUpSessions),
            intentionSinceAfter: discloseMeasure(followUp.intentionSinceAfter, policy, SCALE_POINTS, headline.followUpSessions),
          },
    scenarios: results.scenarios.map((scenario) => discloseScenario(scenario, policy)),
    plans: {
      answered: plans.total,
      plans: plans.cells
        .map((cell) => ({ planId: cell.key, value: cell.value, share: shareOf(cell.value, plans.total) }))
        .sort((a, b) => rank(b.value) - rank(a.value)),
      ownPlanWriters: disclosePart({ count: results.plans.ownPlanWriters, total: results.plans.answered }, policy, {
        keepTotal: true,
      }),
    },
    trends: discloseTrends(results, policy),
  };
}

/** Largest shown first, then "fewer than k", then withheld. */
function rank(value: DisclosedFigure | DisclosedCount): number {
  return value.kind === 'count' ? value.value : value.kind === 'fewer-than' ? -1 : -2;
}
