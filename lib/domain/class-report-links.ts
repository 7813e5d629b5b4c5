/**
 * How a class report's figures tie together, for disclosing them together (linked-figures.ts):
 * every figure the report shows, and every sum a reader who knows the module could use.
 *
 * - The class: who joined = who started + who never answered; who started = who finished + who
 *   stopped. Everyone counted anywhere joined; everyone who answered anything started.
 * - A question: who answered = who got it right + who didn't; the wrong answers split into the
 *   mistaken beliefs they showed (one each, or, in a multiple-choice question, one or more); the
 *   "wrong but very sure" are some of the wrong.
 * - A story: the students at a decision are some of those who took the choices leading to it;
 *   an ending's students are those who took the choices leading to it; those who reached an
 *   ending are the endings added up.
 * - Before and after (linked, so attrition can't be read off): those who answered at the start
 *   = the matched pairs + those who answered only then, and so at the end; none of them more than
 *   joined; a measure counts whoever answered any of its statements. The knowledge mean, times
 *   the pairs and the questions, is the right answers among the pairs, part of each question's
 *   right answers.
 * - Plans: those who picked each plan, and those who wrote their own, are some of those who made
 *   a plan; without before/after, making the plan is what finishing means.
 * A sum whose truth depends on the data (a story answered off its path) is only used where the
 * data bear it out, as an equality where they are equal and otherwise as a part of a total.
 */
import type { ModuleStructure, Scenario } from '@/lib/content/schema';
import type { ClassReport, DisclosedClassReport, DisclosedMeasureChange, DisclosedPart } from './class-report-types';
import type { MeasureKey, ReportMeans } from './class-report-means';
import { shareOf, type DisclosedFigure, type DisclosedShare, type DisclosurePolicy } from './disclosure';
import type { FigureId, LinkedFigures } from './linked-figures';

/**
 * Starts a figure of the report from its exact count; `n` is its place in the layout, the same
 * in every layout of one report. `known`: the teacher knows it anyway (how many joined).
 */
export type StartFigure = (exact: number, n: number, known: boolean) => FigureId;

export interface ReportLayout {
  /** The report, its figures as settled. */
  render(figures: readonly DisclosedFigure[], policy: DisclosurePolicy): DisclosedClassReport;
  means: ReportMeans;
}

/** The node a step leads to through any scenes. */
function through(scenario: Scenario, nodeId: string): string {
  const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  let at = nodeId;
  for (let node = nodes.get(at); node?.kind === 'scene' && !seen.has(at); node = nodes.get(at)) {
    seen.add(at);
    at = node.next;
  }
  return at;
}

export function reportLayout(structure: ModuleStructure, report: ClassReport, net: LinkedFigures, start: StartFigure, means: ReportMeans): ReportLayout {
  let next = 0;
  /** A figure the report shows. */
  const figure = (exact: number, known = false) => start(exact, next++, known);
  /** A group no figure shows that must not be worked out either (those who answered only at the start). */
  const group = () => net.group({ protect: true });
  /** `total` = the parts and the rest, a group that must not be worked out. */
  const partsOf = (total: FigureId, parts: readonly FigureId[]) => {
    const rest = group();
    net.sum(total, [...parts, rest]);
    return rest;
  };
  /**
   * `total` ⊇ the parts, the rest a group the report needn't protect: who started but skipped
   * one question says nothing of anyone's answers, and is everywhere in a class.
   */
  const among = (total: FigureId, parts: readonly FigureId[]) => net.sum(total, [...parts, net.group({ protect: false, answers: true })]);

  // The class.
  const { headline } = report;
  // How many joined the teacher saw, and their session list shows (under the same k).
  const joined = figure(headline.joined, true);
  const started = figure(headline.started);
  const finished = figure(headline.finished);
  net.within(joined);
  const neverAnswered = partsOf(joined, [started]);
  const stopped = partsOf(started, [finished]);
  // Those who didn't finish, whichever way: joined less finished.
  net.sum(partsOf(joined, [finished]), [neverAnswered, stopped]);
  const paired = report.pairedDevices === null ? null : figure(report.pairedDevices);
  if (paired !== null) partsOf(joined, [paired]);
  const answeredAnything = (id: FigureId) => among(started, [id]);

  // Knowledge questions.
  const knowledge = report.knowledge.map((item) => {
    const answered = figure(item.answered);
    const correct = figure(item.correct);
    const wrong = group();
    net.sum(answered, [correct, wrong]);
    answeredAnything(answered);
    const misconceptions = item.misconceptions.map((m) => figure(m.count));
    if (item.misconceptionsAdditive) net.sum(wrong, misconceptions);
    else {
      misconceptions.forEach((m) => partsOf(wrong, [m]));
      // Every wrong answer shows at least one belief (or none named): they add up to the wrong at least.
      const named = net.group({ protect: false, answers: true });
      net.sum(named, misconceptions);
      among(named, [wrong]);
    }
    const confident = item.confidenceAsked ? figure(item.confidentErrors) : null;
    if (confident !== null) partsOf(wrong, [confident]);
    return { item, answered, correct, misconceptions, confident };
  });
  const knowledgeAt = new Map(knowledge.map((k) => [`${k.item.phase}:${k.item.itemId}`, k]));

  // Fact guesses.
  const facts = report.facts.map((fact) => {
    const answered = figure(fact.answered);
    answeredAnything(answered);
    if (fact.kind === 'number') {
      const close = figure(fact.correct);
      partsOf(answered, [close]);
      return { fact, answered, close, options: [] as FigureId[] };
    }
    const options = fact.options.map((o) => figure(o.count));
    net.sum(answered, options);
    return { fact, answered, close: null, options };
  });

  // Stories: decisions, the choices leading to each, and endings.
  const scenarios = report.scenarios.map((result) => {
    const scenario = structure.scenarios.find((s) => s.id === result.scenarioId);
    const decisions = result.decisions.map((d) => {
      const answered = figure(d.answered);
      const choices = d.choices.map((c) => figure(c.count));
      net.sum(answered, choices);
      return { result: d, answered, choices };
    });
    const endings = result.endings.map((e) => figure(e.count));
    const reached = figure(result.reachedEnding);
    net.sum(reached, endings);
    if (scenario) {
      // Which choices lead to each node, with their exact counts (to check a sum holds).
      const leadingTo = new Map<string, { id: FigureId; count: number }[]>();
      decisions.forEach(({ result: d, choices }) => {
        const node = scenario.nodes.find((n) => n.id === d.nodeId);
        if (node?.kind !== 'decision') return;
        node.choices.forEach((choice) => {
          const c = d.choices.findIndex((x) => x.choiceId === choice.id);
          const id = choices[c];
          if (id === undefined) return;
          const to = through(scenario, choice.next);
          leadingTo.set(to, [...(leadingTo.get(to) ?? []), { id, count: d.choices[c]?.count ?? 0 }]);
        });
      });
      const link = (nodeId: string, id: FigureId, count: number, exactly: boolean) => {
        const sources = leadingTo.get(nodeId) ?? [];
        const fromStart = through(scenario, scenario.start) === nodeId;
        if (sources.length === 0) {
          if (fromStart) answeredAnything(id);
          return;
        }
        const into = sources.reduce((s, c) => s + c.count, 0);
        if (into < count) return;
        const sum = sources.length === 1 ? (sources[0] as { id: FigureId }).id : net.group({ protect: true });
        if (sources.length > 1) net.sum(sum, sources.map((c) => c.id));
        if (exactly && into === count) net.sum(id, [sum]);
        else partsOf(sum, [id]);
      };
      decisions.forEach(({ result: d, answered }) => link(d.nodeId, answered, d.answered, false));
      result.endings.forEach((e, i) => link(e.nodeId, endings[i] as FigureId, e.count, true));
      pathsToEndings(scenario, decisions, result.endings.map((e, i) => ({ nodeId: e.nodeId, id: endings[i] as FigureId })), reached);
    }
    return { result, decisions, endings, reached };
  });

  /**
   * The students who took each choice and went on to an ending, a group per choice: those under
   * a choice are those under the next decision's choices, those reaching an ending those under the
   * choices leading to it, and those reaching any ending those under the first decision's. A
   * reader follows the paths the same way: a story's small groups add up along them.
   */
  function pathsToEndings(
    scenario: Scenario,
    decisions: readonly { result: { nodeId: string; choices: { choiceId: string }[] }; answered: FigureId; choices: FigureId[] }[],
    endings: readonly { nodeId: string; id: FigureId }[],
    reached: FigureId,
  ): void {
    const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));
    const into = new Map<string, FigureId[]>();
    const under = new Map<string, FigureId>();
    const reaching = (decisionId: string, choiceId: string, next: string): FigureId => {
      const key = `${decisionId}/${choiceId}`;
      const known = under.get(key);
      if (known !== undefined) return known;
      const group = net.group({ protect: true });
      under.set(key, group);
      const to = nodes.get(through(scenario, next));
      if (to?.kind === 'ending') into.set(to.id, [...(into.get(to.id) ?? []), group]);
      if (to?.kind === 'decision') net.sum(group, to.choices.map((c) => reaching(to.id, c.id, c.next)));
      const decision = decisions.find((d) => d.result.nodeId === decisionId);
      const count = decision?.choices[decision.result.choices.findIndex((c) => c.choiceId === choiceId)];
      if (count !== undefined) partsOf(count, [group]);
      return group;
    };
    // Those at a decision who went on to an ending are some of those who answered it.
    for (const decision of decisions) {
      const node = nodes.get(decision.result.nodeId);
      if (node?.kind !== 'decision') continue;
      const onward = net.group({ protect: true });
      net.sum(onward, node.choices.map((c) => reaching(node.id, c.id, c.next)));
      partsOf(decision.answered, [onward]);
    }
    const first = nodes.get(through(scenario, scenario.start));
    if (first?.kind !== 'decision') return;
    net.sum(reached, first.choices.map((c) => reaching(first.id, c.id, c.next)));
    for (const ending of endings) {
      const leading = into.get(ending.nodeId);
      if (leading) net.sum(ending.id, leading);
    }
  }

  // Before and after.
  /**
   * `paired`: every student counted at both waves is a pair (one score each time: knowledge, one
   * statement). A measure of several statements counts whoever answered any of them, and pairs
   * only those who answered one of them both times, so its two waves may add up to more than joined.
   */
  const measure = (change: Pick<ClassReport['change']['knowledge'], 'nBefore' | 'nAfter' | 'nMatched'>, { paired }: { paired: boolean }) => {
    const nBefore = figure(change.nBefore);
    const nAfter = figure(change.nAfter);
    const nMatched = figure(change.nMatched);
    const onlyBefore = group();
    const onlyAfter = group();
    net.sum(nBefore, [nMatched, onlyBefore]);
    net.sum(nAfter, [nMatched, onlyAfter]);
    // None of them more than joined: written with each wave whole, so that a reader's sum of a
    // wave's count and the other wave's leftovers is one the ranges see.
    if (paired) {
      among(joined, [nBefore, onlyAfter]);
      among(joined, [nAfter, onlyBefore]);
    }
    answeredAnything(nBefore);
    answeredAnything(nAfter);
    return { nBefore, nAfter, nMatched };
  };
  const knowledgeChange = measure(report.change.knowledge, { paired: true });
  /** What the knowledge means give away, at each wave shown. */
  const knowledgeMeans: FigureId[] = [];
  for (const wave of ['before', 'after'] as const) {
    const items = structure.items.filter((item) => item.phases.includes(wave));
    const atWave = wave === 'before' ? knowledgeChange.nBefore : knowledgeChange.nAfter;
    // Those who answered some question of the wave but are not pairs: with the pairs, some of
    // those who started; the others at each question are some of them.
    const notPairs = net.group({ protect: false });
    among(started, [knowledgeChange.nMatched, notPairs]);
    const othersRightAll: FigureId[] = [];
    const rightAmongPairs = items.map((item) => {
      const found = knowledgeAt.get(`${wave}:${item.id}`);
      if (!found) return null;
      // Whoever counts at a wave answered every question of it; the pairs, at both waves.
      among(found.answered, [atWave]);
      const others = net.group({ protect: false });
      net.sum(found.answered, [knowledgeChange.nMatched, others]);
      among(notPairs, [others]);
      const pairsRight = group();
      partsOf(knowledgeChange.nMatched, [pairsRight]);
      const othersRight = group();
      partsOf(others, [othersRight]);
      net.sum(found.correct, [pairsRight, othersRight]);
      othersRightAll.push(othersRight);
      return pairsRight;
    });
    const othersRightSum = net.group({ protect: false, answers: true });
    if (othersRightAll.length === items.length && items.length > 0) {
      net.sum(othersRightSum, othersRightAll);
      // Right answers of those who are not pairs, over the wave's q questions: at most q each.
      const spread = net.group({ protect: false, answers: true });
      net.times(spread, notPairs, items.length);
      among(spread, [othersRightSum]);
    }
    if (rightAmongPairs.every((r) => r !== null)) {
      // Added whether or not a mean is shown, so every layout of one report numbers its figures alike.
      const mean = net.mean(means.knowledgeSum(wave), knowledgeChange.nMatched);
      net.sum(mean, rightAmongPairs as FigureId[]);
      knowledgeMeans.push(mean);
      // All the wave's right answers: the pairs' (the mean's) and the others'.
      const allRight = net.group({ protect: false, answers: true });
      net.sum(allRight, items.flatMap((item) => knowledgeAt.get(`${wave}:${item.id}`)?.correct ?? []));
      net.sum(allRight, [mean, othersRightSum]);
    }
  }
  const constructs = report.change.constructs.map(({ construct, ...change }) => ({ construct, figures: measure(change, { paired: false }) }));
  const attitudeItems = report.change.attitudeItems.map(({ itemId, construct, reverse, ...change }) => {
    const figures = measure(change, { paired: true });
    const whole = constructs.find((c) => c.construct === construct)?.figures;
    if (whole) {
      // A measure counts whoever answered any of its statements, and pairs whoever paired on one.
      among(whole.nBefore, [figures.nBefore]);
      among(whole.nAfter, [figures.nAfter]);
      among(whole.nMatched, [figures.nMatched]);
    }
    return { itemId, construct, reverse, figures };
  });

  // Plans.
  const plansAnswered = figure(report.plans.answered);
  answeredAnything(plansAnswered);
  const plans = report.plans.plans.map((p) => {
    const id = figure(p.count);
    partsOf(plansAnswered, [id]);
    return id;
  });
  const ownPlanWriters = figure(report.plans.ownPlanWriters);
  partsOf(plansAnswered, [ownPlanWriters]);
  // Without before/after, finishing is making the plan.
  if (!report.session.beforeAfter && !report.session.followUp && report.plans.answered === headline.finished) net.sum(finished, [plansAnswered]);

  return {
    means,
    render(figures, policy) {
      const at = (id: FigureId): DisclosedFigure => figures[id] ?? { kind: 'withheld' };
      const part = (id: FigureId, of: FigureId): DisclosedPart => ({ value: at(id), share: shareOf(at(id), at(of)) });
      const change = (key: MeasureKey, f: { nBefore: FigureId; nAfter: FigureId; nMatched: FigureId }): DisclosedMeasureChange => ({
        nBefore: at(f.nBefore),
        nAfter: at(f.nAfter),
        nMatched: at(f.nMatched),
        // A knowledge mean withheld to keep the questions' counts safe takes the whole row's means with it.
        ...(key === 'knowledge' && !knowledgeMeans.every((id) => net.isShown(id))
          ? { before: { kind: 'withheld' }, after: { kind: 'withheld' }, change: { kind: 'withheld' } }
          : means.shown(key, at(f.nMatched), policy)),
      });
      const { id: _id, ...session } = report.session;
      return {
        session,
        policy,
        headline: { joined: at(joined), started: at(started), finished: at(finished) },
        pairedDevices: paired === null ? null : at(paired),
        knowledge: knowledge.map(({ item, answered, correct, misconceptions, confident }) => ({
          itemId: item.itemId,
          phase: item.phase,
          kind: item.kind,
          answered: at(answered),
          correct: part(correct, answered),
          misconceptions: mostCommonFirst(
            item.misconceptions.map((m, i) => ({ misconceptionId: m.misconceptionId, ...part(misconceptions[i] as FigureId, answered) })),
          ).filter((m) => !(m.value.kind === 'count' && m.value.value === 0)),
          confidenceAsked: item.confidenceAsked,
          confidentErrors: confident === null ? { kind: 'count', value: 0 } : at(confident),
        })),
        facts: facts.map(({ fact, answered, close, options }) => {
          const shownOptions = fact.options.map((o, i) => ({ optionId: o.optionId, correct: o.correct, ...part(options[i] as FigureId, answered) }));
          return {
            factId: fact.factId,
            kind: fact.kind,
            answered: at(answered),
            correct: close !== null ? part(close, answered) : rightOptions(shownOptions, at(answered)),
            options: shownOptions,
          };
        }),
        scenarios: scenarios.map(({ result, decisions, endings, reached }) => ({
          scenarioId: result.scenarioId,
          decisions: decisions.map(({ result: d, answered, choices }) => ({
            nodeId: d.nodeId,
            answered: at(answered),
            choices: d.choices.map((c, i) => ({ choiceId: c.choiceId, risky: c.risky, ...part(choices[i] as FigureId, answered) })),
          })),
          endings: result.endings.map((e, i) => ({ nodeId: e.nodeId, outcome: e.outcome, ...part(endings[i] as FigureId, reached) })),
          reachedEnding: at(reached),
        })),
        change: {
          knowledge: change('knowledge', knowledgeChange),
          constructs: constructs.map(({ construct, figures: f }) => ({ construct, ...change(`construct:${construct}`, f) })),
          attitudeItems: attitudeItems.map(({ itemId, construct, reverse, figures: f }) => ({ itemId, construct, reverse, ...change(`item:${itemId}`, f) })),
        },
        plans: {
          answered: at(plansAnswered),
          plans: mostCommonFirst(report.plans.plans.map((p, i) => ({ planId: p.planId, ...part(plans[i] as FigureId, plansAnswered) }))),
          ownPlanWriters: part(ownPlanWriters, plansAnswered),
        },
      };
    },
  };
}

/** A choice guess's right answers: the right options added up, when every one of them is shown. */
function rightOptions(options: readonly ({ correct: boolean } & DisclosedPart)[], answered: DisclosedFigure): DisclosedPart {
  const right = options.filter((o) => o.correct);
  const value: DisclosedFigure = right.every((o) => o.value.kind === 'count')
    ? { kind: 'count', value: right.reduce((sum, o) => sum + (o.value.kind === 'count' ? o.value.value : 0), 0) }
    : { kind: 'withheld' };
  const share: DisclosedShare = shareOf(value, answered);
  return { value, share };
}

/**
 * Sorts by the value as shown, largest first, then "fewer than k", then withheld; ties keep
 * content order. Sorting by the exact counts would rank cells the page shows as equal.
 */
function mostCommonFirst<T extends { value: DisclosedFigure }>(parts: readonly T[]): T[] {
  const rank = (v: DisclosedFigure) => (v.kind === 'count' ? v.value : v.kind === 'fewer-than' ? -1 : -2);
  return [...parts].sort((a, b) => rank(b.value) - rank(a.value));
}
