/**
 * A class report as it may be shown: every figure of a `ClassReport` passed through disclosure
 * control (disclosure.ts), giving the `DisclosedClassReport` that pages and files are made from.
 */
import type {
  ClassReport,
  DisclosedClassReport,
  DisclosedFactGuess,
  DisclosedKnowledgeItem,
  DisclosedMeasureChange,
  DisclosedPart,
  DisclosedScenario,
  FactGuessResult,
  KnowledgeItemResult,
  MeasureChange,
  ReportPolicies,
  ScenarioResult,
} from './class-report-types';
import {
  discloseCount,
  discloseDistribution,
  discloseLinkedTables,
  discloseMean,
  shareOf,
  type DisclosedFigure,
  type DisclosedShare,
  type DisclosurePolicies,
  type DisclosurePolicy,
} from './disclosure';

/**
 * The teacher's own report page. Knowledge counts and head counts are exact, as in the live
 * view (the teacher watched the class join); everything about attitudes, choices and plans
 * uses the class-view k. Before/after change uses it for knowledge too: a change links two
 * waves of the same students, and a mean over one or two of them is their own score.
 */
export function classViewReportPolicies(policies: DisclosurePolicies): ReportPolicies {
  return { headline: policies.knowledgeLive, knowledge: policies.knowledgeLive, answers: policies.classView };
}

/** Every export: the export policy for every figure. */
export function exportReportPolicies(policies: DisclosurePolicies): ReportPolicies {
  return { headline: policies.export, knowledge: policies.export, answers: policies.export };
}

const withShares = <Key>(cells: readonly { key: Key; value: DisclosedFigure }[], total: DisclosedFigure) =>
  cells.map((cell) => ({ key: cell.key, value: cell.value, share: shareOf(cell.value, total) }));

/**
 * Sorts by the value as shown, largest first, then "fewer than k", then withheld; ties keep
 * content order. Sorting by the exact counts would rank cells the page shows as equal.
 */
function mostCommonFirst<T extends { value: DisclosedFigure }>(parts: readonly T[]): T[] {
  const rank = (v: DisclosedFigure) => (v.kind === 'count' ? v.value : v.kind === 'fewer-than' ? -1 : -2);
  return [...parts].sort((a, b) => rank(b.value) - rank(a.value));
}

function discloseKnowledgeItem(item: KnowledgeItemResult, policy: DisclosurePolicy): DisclosedKnowledgeItem {
  let answered: DisclosedFigure;
  let correct: DisclosedPart;
  let misconceptions: { key: string | null; value: DisclosedFigure; share: DisclosedShare }[];
  if (item.misconceptionsAdditive) {
    // One table: right, or the one misconception the wrong answer shows. Cell 0 is "right".
    const table = discloseDistribution(
      [{ key: null, count: item.correct }, ...item.misconceptions.map((m) => ({ key: m.misconceptionId, count: m.count }))],
      item.answered,
      policy,
      { additive: true },
    );
    const [right, ...rest] = withShares(table.cells, table.total);
    answered = table.total;
    correct = { value: right?.value ?? { kind: 'withheld' }, share: right?.share ?? { kind: 'withheld' } };
    misconceptions = rest;
  } else {
    // Right or wrong; and, apart, each misconception among those who answered.
    const table = discloseDistribution(
      [
        { key: 'correct', count: item.correct },
        { key: 'wrong', count: item.answered - item.correct },
      ],
      item.answered,
      policy,
      { additive: true },
    );
    const [right] = withShares(table.cells, table.total);
    answered = table.total;
    correct = { value: right?.value ?? { kind: 'withheld' }, share: right?.share ?? { kind: 'withheld' } };
    const tags = discloseDistribution(
      item.misconceptions.map((m) => ({ key: m.misconceptionId, count: m.count })),
      item.answered,
      policy,
      { additive: false },
    );
    misconceptions = withShares(tags.cells, answered);
  }
  return {
    itemId: item.itemId,
    phase: item.phase,
    kind: item.kind,
    answered,
    correct,
    misconceptions: mostCommonFirst(misconceptions)
      .filter((m) => !(m.value.kind === 'count' && m.value.value === 0))
      .map((m) => ({ misconceptionId: m.key, value: m.value, share: m.share })),
    confidenceAsked: item.confidenceAsked,
    confidentErrors: discloseCount(item.confidentErrors, policy),
  };
}

function discloseFactGuess(fact: FactGuessResult, policy: DisclosurePolicy): DisclosedFactGuess {
  if (fact.kind === 'number') {
    const table = discloseDistribution(
      [
        { key: 'close', count: fact.correct },
        { key: 'far', count: fact.answered - fact.correct },
      ],
      fact.answered,
      policy,
      { additive: true },
    );
    const [close] = withShares(table.cells, table.total);
    return {
      factId: fact.factId,
      kind: 'number',
      answered: table.total,
      correct: { value: close?.value ?? { kind: 'withheld' }, share: close?.share ?? { kind: 'withheld' } },
      options: [],
    };
  }
  // One table, the options; "right" is read from it rather than counted again beside it,
  // where the two could be subtracted from each other.
  const table = discloseDistribution(
    fact.options.map((o) => ({ key: o, count: o.count })),
    fact.answered,
    policy,
    { additive: true },
  );
  const options = withShares(table.cells, table.total).map((cell) => ({
    optionId: cell.key.optionId,
    correct: cell.key.correct,
    value: cell.value,
    share: cell.share,
  }));
  const right = options.filter((o) => o.correct);
  const rightValue: DisclosedFigure = right.every((o) => o.value.kind === 'count')
    ? { kind: 'count', value: right.reduce((sum, o) => sum + (o.value.kind === 'count' ? o.value.value : 0), 0) }
    : { kind: 'withheld' };
  return {
    factId: fact.factId,
    kind: 'choice',
    answered: table.total,
    correct: { value: rightValue, share: shareOf(rightValue, table.total) },
    options,
  };
}

function discloseScenario(scenario: ScenarioResult, policy: DisclosurePolicy): DisclosedScenario {
  // Decisions and endings count the same students along the graph: disclosed together.
  const tables = [
    ...scenario.decisions.map((d) => ({ cells: d.choices.map((c) => ({ key: c.choiceId, count: c.count })), total: d.answered, additive: true })),
    { cells: scenario.endings.map((e) => ({ key: e.nodeId, count: e.count })), total: scenario.reachedEnding, additive: true },
  ];
  const disclosed = discloseLinkedTables(tables, policy);
  const endings = disclosed[disclosed.length - 1] ?? { cells: [], total: { kind: 'withheld' } as const };
  return {
    scenarioId: scenario.scenarioId,
    decisions: scenario.decisions.map((decision, d) => {
      const table = disclosed[d] ?? { cells: [], total: { kind: 'withheld' } as const };
      const parts = withShares(table.cells, table.total);
      return {
        nodeId: decision.nodeId,
        answered: table.total,
        choices: decision.choices.map((choice, c) => ({
          choiceId: choice.choiceId,
          risky: choice.risky,
          value: parts[c]?.value ?? { kind: 'withheld' },
          share: parts[c]?.share ?? { kind: 'withheld' },
        })),
      };
    }),
    endings: withShares(endings.cells, endings.total).map((cell, e) => ({
      nodeId: cell.key,
      outcome: scenario.endings[e]?.outcome ?? 'mixed',
      value: cell.value,
      share: cell.share,
    })),
    reachedEnding: endings.total,
  };
}

function discloseChange(
  change: MeasureChange,
  policy: DisclosurePolicy,
  scale: { factor: number; decimals: number },
): DisclosedMeasureChange {
  const n = change.nMatched;
  const at = (value: number | null) => (value === null ? { kind: 'none' as const } : discloseMean(value * scale.factor, n, policy, scale.decimals));
  const difference = change.meanBefore === null || change.meanAfter === null ? null : change.meanAfter - change.meanBefore;
  return {
    nBefore: discloseCount(change.nBefore, policy),
    nAfter: discloseCount(change.nAfter, policy),
    nMatched: discloseCount(n, policy),
    before: at(change.meanBefore),
    after: at(change.meanAfter),
    change: at(difference),
  };
}

const PERCENT = { factor: 100, decimals: 0 };
const SCALE_POINTS = { factor: 1, decimals: 1 };

export function discloseClassReport(report: ClassReport, policies: ReportPolicies): DisclosedClassReport {
  const { answers: answerPolicy, knowledge: knowledgePolicy } = policies;
  const plans = discloseDistribution(
    report.plans.plans.map((p) => ({ key: p.planId, count: p.count })),
    report.plans.answered,
    answerPolicy,
    { additive: false },
  );
  const ownPlanWriters = discloseCount(report.plans.ownPlanWriters, answerPolicy);
  const { id: _id, ...session } = report.session;
  return {
    session,
    policies,
    headline: {
      joined: discloseCount(report.headline.joined, policies.headline),
      started: discloseCount(report.headline.started, policies.headline),
      finished: discloseCount(report.headline.finished, policies.headline),
    },
    pairedDevices: report.pairedDevices === null ? null : discloseCount(report.pairedDevices, policies.headline),
    knowledge: report.knowledge.map((item) => discloseKnowledgeItem(item, knowledgePolicy)),
    facts: report.facts.map((fact) => discloseFactGuess(fact, knowledgePolicy)),
    scenarios: report.scenarios.map((scenario) => discloseScenario(scenario, answerPolicy)),
    change: {
      knowledge: discloseChange(report.change.knowledge, answerPolicy, PERCENT),
      constructs: report.change.constructs.map(({ construct, ...change }) => ({
        construct,
        ...discloseChange(change, answerPolicy, SCALE_POINTS),
      })),
      attitudeItems: report.change.attitudeItems.map(({ itemId, construct, reverse, ...change }) => ({
        itemId,
        construct,
        reverse,
        ...discloseChange(change, answerPolicy, SCALE_POINTS),
      })),
    },
    plans: {
      answered: discloseCount(report.plans.answered, answerPolicy),
      plans: mostCommonFirst(withShares(plans.cells, plans.total)).map((p) => ({ planId: p.key, value: p.value, share: p.share })),
      ownPlanWriters: { value: ownPlanWriters, share: shareOf(ownPlanWriters, plans.total) },
    },
  };
}
