/**
 * An attacker of class reports, written apart from the code that discloses them
 * (lib/domain/linked-figures.ts), so that a test checks that code rather than repeats it.
 *
 * It knows what a teacher knows: the module (which questions, which story choice leads where),
 * how the report's figures are defined, and the figures as published, on the page, in the CSV,
 * or both. From those alone it sets up an integer program over the class's true figures and,
 * with HiGHS, finds the least and the most each group of students could be: every figure, and
 * every group the figures imply (those who answered only at the start, those who took a choice
 * but stopped before the next decision, those who got a question wrong but weren't very sure…).
 * A group whose true size is 1 to k−1 and that comes out pinned, or narrowed to two values, is
 * a finding.
 *
 * How published figures read: a count is that number (rounded: the five values rounding to it,
 * and at least k); "fewer than k" is 1 to k−1; "not shown" is any count, 0 included; a knowledge mean
 * is a ratio of right answers to pairs × questions, to within its rounding.
 */
import highsLoader from 'highs';
import type { ModuleStructure, Scenario } from '@/lib/content/schema';
import type { ClassReport, DisclosedClassReport, ReportMean } from '@/lib/domain/class-report';
import { KNOWLEDGE_STEP } from '@/lib/domain/class-report-means';
import type { DisclosedFigure } from '@/lib/domain/disclosure';

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let solver: Promise<Highs> | null = null;
const highs = () => (solver ??= highsLoader());

/** A linear expression: variable index → coefficient. */
type Expr = Map<number, number>;

interface Target {
  name: string;
  expr: Expr;
  truth: number;
}

export interface Finding {
  group: string;
  truth: number;
  min: number;
  max: number;
}

export interface Reading {
  k: number;
  roundTo: number;
}

class Model {
  readonly names: string[] = [];
  readonly rows: string[] = [];
  readonly targets: Target[] = [];
  private readonly truths: number[] = [];

  variable(name: string, truth: number): Expr {
    this.names.push(name);
    this.truths.push(truth);
    return new Map([[this.names.length - 1, 1]]);
  }

  /** Σ of expressions with signs. */
  static combine(...terms: [number, Expr][]): Expr {
    const out: Expr = new Map();
    for (const [sign, expr] of terms) for (const [v, c] of expr) out.set(v, (out.get(v) ?? 0) + sign * c);
    for (const [v, c] of out) if (c === 0) out.delete(v);
    return out;
  }

  static sum(exprs: readonly Expr[]): Expr {
    return Model.combine(...exprs.map((e): [number, Expr] => [1, e]));
  }

  truthOf(expr: Expr): number {
    let t = 0;
    for (const [v, c] of expr) t += c * (this.truths[v] ?? 0);
    return t;
  }

  private text(expr: Expr): string {
    const parts = [...expr].map(([v, c]) => `${c < 0 ? '-' : '+'} ${Math.abs(c)} x${v}`);
    return parts.length === 0 ? '0 x0' : parts.join(' ');
  }

  /** lo ≤ expr ≤ hi (either may be null). */
  private readonly checks: { expr: Expr; lo: number | null; hi: number | null; row: string }[] = [];
  readonly auxiliary = new Set<number>();

  bound(expr: Expr, lo: number | null, hi: number | null): void {
    if (expr.size === 0) return;
    this.checks.push({ expr, lo, hi, row: this.text(expr) });
    if (lo !== null && hi !== null && lo === hi) this.rows.push(`${this.text(expr)} = ${lo}`);
    else {
      if (lo !== null) this.rows.push(`${this.text(expr)} >= ${lo}`);
      if (hi !== null) this.rows.push(`${this.text(expr)} <= ${hi}`);
    }
  }

  equal(a: Expr, b: Expr): void {
    this.bound(Model.combine([1, a], [-1, b]), 0, 0);
  }

  /** a ≥ b. */
  atLeast(a: Expr, b: Expr): void {
    this.bound(Model.combine([1, a], [-1, b]), 0, null);
  }

  protect(name: string, expr: Expr): void {
    this.targets.push({ name, expr, truth: this.truthOf(expr) });
  }

  /** The program in CPLEX LP format; `fix` adds objective = value, to ask whether the value is possible. */
  /** Rows the true figures break (auxiliary variables, whose truth is unknown, left out): the model's mistakes. */
  brokenByTruth(): string[] {
    return this.checks.flatMap(({ expr, lo, hi, row }) => {
      if ([...expr.keys()].some((v) => this.auxiliary.has(v))) return [];
      const value = this.truthOf(expr);
      return (lo !== null && value < lo) || (hi !== null && value > hi) ? [`${row} (true: ${value}) [${[...expr.keys()].map((v) => this.names[v]).join(', ')}]`] : [];
    });
  }

  lp(sense: 'Minimize' | 'Maximize', objective: Expr, top: number, fix?: number): string {
    const rows = [...this.rows, ...(fix === undefined ? [] : [`${this.text(objective)} = ${fix}`])].map((r, i) => ` c${i}: ${r}`).join('\n');
    const bounds = this.names.map((_, v) => ` 0 <= x${v} <= ${top}`).join('\n');
    const general = this.names.map((_, v) => `x${v}`).join(' ');
    return `${sense}\n obj: ${this.text(objective)}\nSubject To\n${rows}\nBounds\n${bounds}\nGeneral\n ${general}\nEnd\n`;
  }
}

/** The constraints a published figure puts on its true value. */
function read(model: Model, expr: Expr, figure: DisclosedFigure | undefined, reading: Reading): void {
  if (figure === undefined) return;
  const half = Math.floor(reading.roundTo / 2);
  switch (figure.kind) {
    case 'count':
      if (figure.value === 0) model.bound(expr, 0, 0);
      else model.bound(expr, Math.max(reading.k, figure.value - half), figure.value + half);
      return;
    case 'fewer-than':
      model.bound(expr, 1, figure.k - 1);
      return;
    case 'withheld':
      // Any count, 0 included: no constraint beyond the model's own.
      return;
  }
}

const nodeThrough = (scenario: Scenario, nodeId: string): string => {
  const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));
  let at = nodeId;
  for (let i = 0, node = nodes.get(at); node?.kind === 'scene' && i < 100; i += 1, node = nodes.get(at)) at = node.next;
  return at;
};

export interface Publication {
  report: DisclosedClassReport;
  reading: Reading;
}

/**
 * The integer program a teacher could set up from these publications of one class's report.
 * `truth` is the report's exact form, used only to name each group's true size.
 */
function buildModel(structure: ModuleStructure, truth: ClassReport, publications: readonly Publication[]): Model {
  const m = new Model();
  const v = (name: string, value: number) => m.variable(name, value);
  const published = (expr: Expr, pick: (r: DisclosedClassReport) => DisclosedFigure | undefined) => {
    for (const p of publications) read(m, expr, pick(p.report), p.reading);
  };

  const J = v('joined', truth.headline.joined);
  const S = v('started', truth.headline.started);
  const F = v('finished', truth.headline.finished);
  published(J, (r) => r.headline.joined);
  published(S, (r) => r.headline.started);
  published(F, (r) => r.headline.finished);
  m.atLeast(J, S);
  m.atLeast(S, F);
  const within = (e: Expr) => m.atLeast(J, e);
  m.protect('joined', J);
  m.protect('started', S);
  m.protect('finished', F);
  m.protect('never answered', Model.combine([1, J], [-1, S]));
  m.protect('started, not finished', Model.combine([1, S], [-1, F]));
  m.protect('joined, not finished', Model.combine([1, J], [-1, F]));
  if (truth.pairedDevices !== null) {
    const P = v('paired', truth.pairedDevices);
    published(P, (r) => r.pairedDevices ?? undefined);
    within(P);
    m.protect('paired', P);
    m.protect('not paired', Model.combine([1, J], [-1, P]));
  }

  // Knowledge questions.
  const knowledge = truth.knowledge.map((item, i) => {
    const name = `${item.itemId}@${item.phase}`;
    const A = v(`${name} answered`, item.answered);
    const R = v(`${name} right`, item.correct);
    published(A, (r) => r.knowledge[i]?.answered);
    published(R, (r) => r.knowledge[i]?.correct.value);
    const W = Model.combine([1, A], [-1, R]);
    m.bound(W, 0, null);
    m.atLeast(S, A);
    m.protect(`${name} answered`, A);
    m.protect(`${name} right`, R);
    m.protect(`${name} wrong`, W);
    const beliefs = item.misconceptions.map((belief) => {
      const x = v(`${name} belief ${belief.misconceptionId}`, belief.count);
      published(x, (r) => {
        const row = r.knowledge[i]?.misconceptions.find((b) => b.misconceptionId === belief.misconceptionId);
        // A belief left off the list was shown as 0.
        return row ? row.value : { kind: 'count', value: 0 };
      });
      m.protect(`${name} belief ${belief.misconceptionId}`, x);
      if (!item.misconceptionsAdditive) {
        m.atLeast(W, x);
        m.protect(`${name} wrong without ${belief.misconceptionId}`, Model.combine([1, W], [-1, x]));
      }
      return x;
    });
    if (item.misconceptionsAdditive) m.equal(W, Model.sum(beliefs));
    else m.atLeast(Model.sum(beliefs), W);
    if (item.confidenceAsked) {
      const C = v(`${name} very sure`, item.confidentErrors);
      published(C, (r) => r.knowledge[i]?.confidentErrors);
      m.atLeast(W, C);
      m.protect(`${name} wrong and very sure`, C);
      m.protect(`${name} wrong, not very sure`, Model.combine([1, W], [-1, C]));
    }
    return { item, A, R };
  });

  // Fact guesses.
  truth.facts.forEach((fact, i) => {
    const A = v(`${fact.factId} answered`, fact.answered);
    published(A, (r) => r.facts[i]?.answered);
    m.atLeast(S, A);
    m.protect(`${fact.factId} answered`, A);
    if (fact.kind === 'number') {
      const close = v(`${fact.factId} close`, fact.correct);
      published(close, (r) => r.facts[i]?.correct.value);
      m.atLeast(A, close);
      m.protect(`${fact.factId} close`, close);
      m.protect(`${fact.factId} far`, Model.combine([1, A], [-1, close]));
      return;
    }
    const options = fact.options.map((o) => {
      const x = v(`${fact.factId} ${o.optionId}`, o.count);
      published(x, (r) => r.facts[i]?.options.find((p) => p.optionId === o.optionId)?.value);
      m.protect(`${fact.factId} ${o.optionId}`, x);
      m.protect(`${fact.factId} not ${o.optionId}`, Model.combine([1, A], [-1, x]));
      return x;
    });
    m.equal(A, Model.sum(options));
    const right = Model.sum(options.filter((_, j) => fact.options[j]?.correct));
    published(right, (r) => r.facts[i]?.correct.value);
  });

  // Stories.
  truth.scenarios.forEach((result, s) => {
    const scenario = structure.scenarios.find((x) => x.id === result.scenarioId);
    const choiceVars = new Map<string, Expr>();
    const decisions = result.decisions.map((d, j) => {
      const A = v(`${result.scenarioId}/${d.nodeId} answered`, d.answered);
      published(A, (r) => r.scenarios[s]?.decisions[j]?.answered);
      m.protect(`${result.scenarioId}/${d.nodeId} answered`, A);
      const choices = d.choices.map((c) => {
        const x = v(`${result.scenarioId}/${d.nodeId}/${c.choiceId}`, c.count);
        published(x, (r) => r.scenarios[s]?.decisions[j]?.choices.find((y) => y.choiceId === c.choiceId)?.value);
        m.protect(`${result.scenarioId}/${d.nodeId}/${c.choiceId}`, x);
        m.protect(`${result.scenarioId}/${d.nodeId} not ${c.choiceId}`, Model.combine([1, A], [-1, x]));
        choiceVars.set(`${d.nodeId}/${c.choiceId}`, x);
        return x;
      });
      m.equal(A, Model.sum(choices));
      return { d, A };
    });
    const endings = result.endings.map((e, j) => {
      const x = v(`${result.scenarioId}/${e.nodeId}`, e.count);
      published(x, (r) => r.scenarios[s]?.endings.find((y) => y.nodeId === e.nodeId)?.value);
      m.protect(`${result.scenarioId}/${e.nodeId}`, x);
      return { e, x, j };
    });
    const reached = v(`${result.scenarioId} reached an ending`, result.reachedEnding);
    published(reached, (r) => r.scenarios[s]?.reachedEnding);
    m.equal(reached, Model.sum(endings.map((e) => e.x)));
    endings.forEach(({ e, x }) => m.protect(`${result.scenarioId} reached, not ${e.nodeId}`, Model.combine([1, reached], [-1, x])));
    if (!scenario) return;
    // The choices leading to each node, through scenes.
    const into = new Map<string, Expr[]>();
    for (const node of scenario.nodes) {
      if (node.kind !== 'decision') continue;
      for (const choice of node.choices) {
        const x = choiceVars.get(`${node.id}/${choice.id}`);
        if (!x) continue;
        const to = nodeThrough(scenario, choice.next);
        into.set(to, [...(into.get(to) ?? []), x]);
      }
    }
    const first = nodeThrough(scenario, scenario.start);
    for (const { d, A } of decisions) {
      const sources = into.get(d.nodeId);
      if (sources) {
        const incoming = Model.sum(sources);
        if (m.truthOf(incoming) >= d.answered) {
          m.atLeast(incoming, A);
          m.protect(`${result.scenarioId}: stopped before ${d.nodeId}`, Model.combine([1, incoming], [-1, A]));
        }
      } else if (d.nodeId === first) m.atLeast(S, A);
    }
    for (const { e, x } of endings) {
      const sources = into.get(e.nodeId);
      if (!sources) continue;
      const incoming = Model.sum(sources);
      // A choice leading straight to an ending reaches it (where the class's paths bear that out).
      if (m.truthOf(incoming) === e.count) m.equal(incoming, x);
      else if (m.truthOf(incoming) > e.count) m.atLeast(incoming, x);
    }
  });

  // Before and after.
  /** `paired`: everyone counted at both waves is a pair (a construct of several statements pairs only those with one statement at both). */
  const measure = (
    name: string,
    change: { nBefore: number; nAfter: number; nMatched: number },
    pick: (r: DisclosedClassReport) => { nBefore: DisclosedFigure; nAfter: DisclosedFigure; nMatched: DisclosedFigure } | undefined,
    paired = true,
  ) => {
    const B = v(`${name} at the start`, change.nBefore);
    const A = v(`${name} at the end`, change.nAfter);
    const M = v(`${name} both`, change.nMatched);
    published(B, (r) => pick(r)?.nBefore);
    published(A, (r) => pick(r)?.nAfter);
    published(M, (r) => pick(r)?.nMatched);
    m.atLeast(B, M);
    m.atLeast(A, M);
    if (paired) within(Model.combine([1, B], [1, A], [-1, M]));
    else {
      within(B);
      within(A);
    }
    m.atLeast(S, B);
    m.atLeast(S, A);
    for (const [label, e] of [
      [`${name} at the start`, B],
      [`${name} at the end`, A],
      [`${name} both`, M],
      [`${name} only at the start`, Model.combine([1, B], [-1, M])],
      [`${name} only at the end`, Model.combine([1, A], [-1, M])],
    ] as const)
      m.protect(label, e);
    return { B, A, M };
  };
  const k = measure('knowledge', truth.change.knowledge, (r) => r.change.knowledge);
  for (const wave of ['before', 'after'] as const) {
    const items = structure.items.filter((item) => item.phases.includes(wave));
    const rows = items.map((item) => knowledge.find((x) => x.item.itemId === item.id && x.item.phase === wave));
    if (rows.some((r) => r === undefined)) continue;
    const atWave = wave === 'before' ? k.B : k.A;
    const pairsRight = rows.map((row, i) => {
      const { A, R } = row as { A: Expr; R: Expr };
      m.atLeast(A, atWave);
      const x = v(`knowledge pairs right ${wave} ${i}`, 0);
      for (const variable of x.keys()) m.auxiliary.add(variable);
      m.atLeast(k.M, x);
      m.atLeast(R, x);
      m.atLeast(Model.combine([1, A], [-1, k.M]), Model.combine([1, R], [-1, x]));
      return x;
    });
    // A knowledge mean shown: right answers among the pairs over pairs × questions, to within its
    // rounding (to the nearest KNOWLEDGE_STEP percentage points).
    const half = KNOWLEDGE_STEP / 2;
    for (const p of publications) {
      const shown: ReportMean = p.report.change.knowledge[wave];
      if (shown.kind !== 'mean') continue;
      const T = Model.sum(pairsRight);
      const q = items.length;
      // (mean − half)/100 ≤ T / (M q) ≤ (mean + half)/100, times 100·M·q.
      m.bound(Model.combine([100, T], [-(shown.value - half) * q, k.M]), 0, null);
      m.bound(Model.combine([100, T], [-(shown.value + half) * q, k.M]), null, 0);
    }
  }
  const constructs = truth.change.constructs.map((c, i) => ({ construct: c.construct, f: measure(`${c.construct}`, c, (r) => r.change.constructs[i], false) }));
  truth.change.attitudeItems.forEach((item, i) => {
    const f = measure(item.itemId, item, (r) => r.change.attitudeItems[i]);
    const whole = constructs.find((c) => c.construct === item.construct)?.f;
    if (!whole) return;
    m.atLeast(whole.B, f.B);
    m.atLeast(whole.A, f.A);
    m.atLeast(whole.M, f.M);
  });

  // Plans.
  const P = v('made a plan', truth.plans.answered);
  published(P, (r) => r.plans.answered);
  m.atLeast(S, P);
  m.protect('made a plan', P);
  truth.plans.plans.forEach((plan) => {
    const x = v(`plan ${plan.planId}`, plan.count);
    published(x, (r) => r.plans.plans.find((p) => p.planId === plan.planId)?.value);
    m.atLeast(P, x);
    m.protect(`plan ${plan.planId}`, x);
    m.protect(`did not pick ${plan.planId}`, Model.combine([1, P], [-1, x]));
  });
  const own = v('own plan', truth.plans.ownPlanWriters);
  published(own, (r) => r.plans.ownPlanWriters.value);
  m.atLeast(P, own);
  m.protect('wrote their own plan', own);
  m.protect('wrote no plan of their own', Model.combine([1, P], [-1, own]));
  if (!truth.session.beforeAfter && !truth.session.followUp && truth.plans.answered === truth.headline.finished) m.equal(F, P);
  return m;
}

export interface AttackResult {
  findings: Finding[];
  /** Integer programs solved (two per group of 1 to k−1 students). */
  probes: number;
}

/**
 * Every group of 1 to k−1 students that the publications pin or narrow to two values or fewer.
 */
export async function attackReport(structure: ModuleStructure, truth: ClassReport, publications: readonly Publication[], k: number): Promise<AttackResult> {
  const model = buildModel(structure, truth, publications);
  const solve = (await highs()).solve;
  const top = Math.max(truth.headline.joined, 1) * 20;
  const findings: Finding[] = [];
  let probes = 0;
  // Every solution found is a class the figures allow: it shows each group could be its value
  // there. A group seen at three values or more is safe without a program of its own.
  const classes: number[][] = [model.names.map((_, v) => model.truthOf(new Map([[v, 1]])))];
  const valueIn = (assignment: readonly number[], expr: Expr) => [...expr].reduce((sum, [v, c]) => sum + c * (assignment[v] ?? 0), 0);
  const seen = new Set<string>();
  for (const target of model.targets) {
    if (target.truth < 1 || target.truth > k - 1) continue;
    const key = [...target.expr].sort(([a], [b]) => a - b).join(';');
    if (seen.has(key)) continue;
    seen.add(key);
    const values = () => new Set(classes.map((assignment) => Math.round(valueIn(assignment, target.expr))));
    if (values().size >= 3) continue;
    const bound = (sense: 'Minimize' | 'Maximize', fix?: number) => {
      probes += 1;
      // Presolve off: HiGHS 1.15's presolve returned a wrong optimum for one of these programs
      // (a least of 4 where 3 was feasible), caught by the truth check below.
      const solution = solve(model.lp(sense, target.expr, top, fix), { output_flag: false, presolve: 'off' });
      if (fix !== undefined && solution.Status === 'Infeasible') return null;
      if (solution.Status !== 'Optimal') throw new Error(`${target.name}: the attacker's program is ${solution.Status}; the truth breaks ${model.brokenByTruth().slice(0, 5).join(' | ')}`);
      classes.push(model.names.map((_, v) => Math.round(solution.Columns[`x${v}`]?.Primal ?? 0)));
      return Math.round(solution.ObjectiveValue);
    };
    const max = bound('Maximize') as number;
    if (max < target.truth) throw new Error(`${target.name}: ${target.truth} is above the most it can be, ${max}: the model is wrong`);
    if (values().size >= 3) continue;
    const min = bound('Minimize') as number;
    if (min > target.truth) throw new Error(`${target.name}: ${target.truth} is below the least it can be, ${min}: the model is wrong`);
    // Between the least and the most there may be gaps: look for a third value that is possible.
    for (let value = min + 1; value < max && values().size < 3; value += 1) {
      if (!values().has(value)) bound('Maximize', value);
    }
    if (values().size < 3) findings.push({ group: target.name, truth: target.truth, min, max });
  }
  return { findings, probes };
}
