/**
 * An attacker on published figures, written apart from the disclosure code: it knows only what
 * was published and how the publisher works in general (which groups a figure adds up, how
 * figures are rounded and hidden, how large perturbation noise can be), and solves for hidden
 * groups with an integer program (HiGHS, in WebAssembly), as research/disclosure-control.md
 * describes.
 *
 * Unknowns are atoms: the true count of one group in one unit (students who chose X at decision
 * D in session S). Each published figure says that the sum of some atoms, each with its noise,
 * lies in a range. For every target group, the attacker minimises and maximises its true count;
 * a target whose range holds two values or fewer has been narrowed, one value pinned.
 */
import highsLoader from 'highs';

export interface PublishedRange {
  /** Atom keys whose (perturbed) counts the figure adds up; a key may repeat. */
  atoms: readonly string[];
  /** What the figure says of that sum, inclusive. */
  low: number;
  high: number;
}

/** A group the attacker wants to know: the sum of some atoms' true counts. */
export interface AttackTarget {
  label: string;
  atoms: readonly string[];
  /** The true count, for judging the attack; the solver never sees it. */
  truth: number;
}

export interface AttackResult {
  label: string;
  truth: number;
  min: number;
  max: number;
}

export interface AttackModel {
  /** Every atom's true count lies in [0, maxAtom]. */
  maxAtom: number;
  /**
   * The noise an atom may carry, as the perturbation table's support: none, or a true count n
   * becomes n + e with −min(n, maxNoise) ≤ e ≤ maxNoise, and a 0 stays 0.
   */
  maxNoise: number;
  /** Further facts the attacker knows about true counts: sum(lessAtoms) ≤ sum(moreAtoms). */
  atMost?: readonly { lessAtoms: readonly string[]; moreAtoms: readonly string[] }[];
}

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let solver: Promise<Highs> | undefined;

/** Published figures as ranges, the same sum published twice kept once with both ranges met. */
export function mergeRanges(ranges: readonly PublishedRange[]): PublishedRange[] {
  const byKey = new Map<string, PublishedRange>();
  for (const range of ranges) {
    const key = [...range.atoms].sort().join(' ');
    const seen = byKey.get(key);
    byKey.set(key, seen ? { atoms: range.atoms, low: Math.max(seen.low, range.low), high: Math.min(seen.high, range.high) } : range);
  }
  return [...byKey.values()];
}

function linear(terms: ReadonlyMap<string, number>): string {
  const parts = [...terms].filter(([, c]) => c !== 0).map(([v, c]) => `${c < 0 ? '-' : '+'} ${Math.abs(c)} ${v}`);
  return parts.length === 0 ? '0 n_none' : parts.join(' ');
}

/** Groups atoms that share a figure or a fact: each group is an independent, smaller program. */
function components(atomLists: readonly (readonly string[])[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (a: string): string => {
    let root = a;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(a, root);
    return root;
  };
  for (const list of atomLists) {
    for (const a of list) if (!parent.has(a)) parent.set(a, a);
    for (const a of list.slice(1)) parent.set(find(a), find(list[0] as string));
  }
  return new Map([...parent.keys()].map((a) => [a, find(a)]));
}

/** The targets grouped by independent part of the problem, each with its facts and its program. */
function splitByComponent(figures: readonly PublishedRange[], targets: readonly AttackTarget[], model: AttackModel) {
  const merged = mergeRanges(figures);
  const facts = model.atMost ?? [];
  const rootOf = components([...merged.map((f) => f.atoms), ...facts.map((f) => [...f.lessAtoms, ...f.moreAtoms]), ...targets.map((t) => t.atoms)]);
  const root = (atoms: readonly string[]) => rootOf.get(atoms[0] ?? '') ?? '';
  const byRoot = new Map<string, AttackTarget[]>();
  for (const target of targets) byRoot.set(root(target.atoms), [...(byRoot.get(root(target.atoms)) ?? []), target]);
  return [...byRoot].map(([component, own]) => {
    const ownFacts = facts.filter((f) => root([...f.lessAtoms, ...f.moreAtoms]) === component);
    return { own, ownFacts, program: componentProgram(merged.filter((f) => root(f.atoms) === component), ownFacts, own, model) };
  });
}

/**
 * Solves each target's least and greatest true count, one program per independent group of
 * atoms. A target whose atoms no figure constrains gets [0, maxAtom·size].
 */
export async function attack(figures: readonly PublishedRange[], targets: readonly AttackTarget[], model: AttackModel): Promise<AttackResult[]> {
  const highs = await (solver ??= highsLoader());
  const results = new Map<AttackTarget, AttackResult>();
  for (const { own, program } of splitByComponent(figures, targets, model)) {
    const started = Date.now();
    for (const target of own) {
      const solve = (sense: 'Minimize' | 'Maximize') => {
        const result = highs.solve(program(sense, target));
        if (result.Status !== 'Optimal') throw new Error(`the attack's program for ${target.label} is ${result.Status}: the published figures contradict the model`);
        return Math.round(result.ObjectiveValue);
      };
      results.set(target, { label: target.label, truth: target.truth, min: solve('Minimize'), max: solve('Maximize') });
    }
    if (process.env.ATTACK_TIMING) console.info(`[attack] ${own.length} targets in ${Date.now() - started} ms`);
  }
  return targets.flatMap((t) => results.get(t) ?? []);
}

export interface WidthCheck {
  label: string;
  truth: number;
  /** Whether the published figures leave the target at least three possible values. */
  atLeastThree: boolean;
}

/**
 * The same attacker, asked a narrower question that integer programs answer much faster than
 * proving a minimum and a maximum: besides the true count (always feasible, since the figures
 * came from it), can the target take a lower value and a higher one, or two higher ones, or two
 * lower ones? Each question is a feasibility program; three possible values mean not narrowed.
 */
/**
 * The data behind the figures: each atom's true count and the noise it was published with. A
 * width check uses it to build alternative data that publishes exactly the same figures.
 */
export interface TrueData {
  counts: ReadonlyMap<string, number>;
  noise: ReadonlyMap<string, number>;
}

/**
 * The values a target can take by moving its atoms' true counts while keeping each atom's
 * published (perturbed) count, so every figure stays as published: count + s with noise − s,
 * within the table's support and the attacker's facts. Each value found is a whole alternative
 * data set the attacker cannot rule out.
 */
function valuesByShifting(target: AttackTarget, data: TrueData, model: AttackModel, facts: NonNullable<AttackModel['atMost']>): Set<number> {
  const range = (atom: string): [number, number] => {
    const n = data.counts.get(atom) ?? 0;
    const e = data.noise.get(atom) ?? 0;
    // −max ≤ e − s ≤ max, 0 ≤ n + s ≤ maxAtom, and e − s ≤ max·(n + s) (a 0 stays 0).
    const low = Math.max(e - model.maxNoise, -n, Math.ceil((e - model.maxNoise * n) / (model.maxNoise + 1)));
    const high = Math.min(e + model.maxNoise, model.maxAtom - n);
    return [low, high];
  };
  const value = (shift: ReadonlyMap<string, number>, atoms: readonly string[]) =>
    atoms.reduce((acc, a) => acc + (data.counts.get(a) ?? 0) + (shift.get(a) ?? 0), 0);
  const inTarget = new Set(target.atoms);
  /** Moves other atoms (never the target's) until every fact holds again, or gives up. */
  const repair = (shift: Map<string, number>): boolean => {
    for (let step = 0; step < 40; step += 1) {
      const broken = facts.find((fact) => value(shift, fact.lessAtoms) > value(shift, fact.moreAtoms));
      if (!broken) return true;
      let excess = value(shift, broken.lessAtoms) - value(shift, broken.moreAtoms);
      for (const atom of broken.moreAtoms) {
        if (excess === 0 || inTarget.has(atom)) continue;
        const room = range(atom)[1] - (shift.get(atom) ?? 0);
        const s = Math.min(excess, Math.max(0, room));
        if (s > 0) {
          shift.set(atom, (shift.get(atom) ?? 0) + s);
          excess -= s;
        }
      }
      for (const atom of broken.lessAtoms) {
        if (excess === 0 || inTarget.has(atom)) continue;
        const room = (shift.get(atom) ?? 0) - range(atom)[0];
        const s = Math.min(excess, Math.max(0, room));
        if (s > 0) {
          shift.set(atom, (shift.get(atom) ?? 0) - s);
          excess -= s;
        }
      }
      if (excess > 0) return false;
    }
    return false;
  };
  const values = new Set<number>([target.truth]);
  for (const wanted of [-2, -1, 1, 2]) {
    // Spread the shift over the target's atoms, each within its own range.
    const shift = new Map<string, number>();
    let left = wanted;
    for (const atom of target.atoms) {
      if (left === 0) break;
      const [low, high] = range(atom);
      const s = left > 0 ? Math.min(left, high) : Math.max(left, low);
      if (s !== 0) shift.set(atom, (shift.get(atom) ?? 0) + s);
      left -= s;
    }
    if (left === 0 && repair(shift)) values.add(target.truth + wanted);
  }
  return values;
}

export async function checkWidths(
  figures: readonly PublishedRange[],
  targets: readonly AttackTarget[],
  model: AttackModel,
  data?: TrueData,
): Promise<WidthCheck[]> {
  const highs = await (solver ??= highsLoader());
  const out = new Map<AttackTarget, WidthCheck>();
  for (const { own, ownFacts, program } of splitByComponent(figures, targets, model)) {
    const feasible = (target: AttackTarget, bound: { atLeast?: number; atMost?: number }) => {
      const status = highs.solve(program('Minimize', target, bound)).Status;
      if (status !== 'Optimal' && status !== 'Infeasible') throw new Error(`the width check for ${target.label} ended ${status}`);
      return status === 'Optimal';
    };
    const started = Date.now();
    let byShifting = 0;
    for (const target of own) {
      const t = target.truth;
      // Alternative data found by hand first: three values are enough, and need no solver.
      if (data !== undefined && valuesByShifting(target, data, model, ownFacts).size >= 3) {
        byShifting += 1;
        out.set(target, { label: target.label, truth: t, atLeastThree: true });
        continue;
      }
      const below = t > 0 && feasible(target, { atMost: t - 1 });
      const above = feasible(target, { atLeast: t + 1 });
      const atLeastThree = (below && above) || (above && feasible(target, { atLeast: t + 2 })) || (below && t > 1 && feasible(target, { atMost: t - 2 }));
      out.set(target, { label: target.label, truth: t, atLeastThree });
    }
    if (process.env.ATTACK_TIMING) console.info(`[width check] ${own.length} targets (${byShifting} by shifting) in ${Date.now() - started} ms`);
  }
  return targets.flatMap((t) => out.get(t) ?? []);
}

function componentProgram(
  figures: readonly PublishedRange[],
  facts: NonNullable<AttackModel['atMost']>,
  targets: readonly AttackTarget[],
  model: AttackModel,
): (sense: 'Minimize' | 'Maximize', target: AttackTarget, bound?: { atLeast?: number; atMost?: number }) => string {
  const atoms = new Set<string>();
  for (const figure of figures) figure.atoms.forEach((a) => atoms.add(a));
  for (const target of targets) target.atoms.forEach((a) => atoms.add(a));
  for (const fact of facts) [...fact.lessAtoms, ...fact.moreAtoms].forEach((a) => atoms.add(a));
  const names = new Map([...atoms].map((atom, i) => [atom, i]));
  const n = (atom: string) => `n${names.get(atom)}`;
  const e = (atom: string) => `e${names.get(atom)}`;
  const noisy = model.maxNoise > 0;

  const constraints: string[] = [];
  figures.forEach((figure, i) => {
    const terms = new Map<string, number>();
    for (const atom of figure.atoms) {
      terms.set(n(atom), (terms.get(n(atom)) ?? 0) + 1);
      if (noisy) terms.set(e(atom), (terms.get(e(atom)) ?? 0) + 1);
    }
    constraints.push(` f${i}: ${linear(terms)} >= ${figure.low}`, ` g${i}: ${linear(terms)} <= ${figure.high}`);
  });
  if (noisy) {
    for (const atom of atoms) {
      // −n ≤ e (never below 0) and e ≤ maxNoise·n (a 0 stays 0).
      constraints.push(` lo_${n(atom)}: ${e(atom)} + ${n(atom)} >= 0`, ` hi_${n(atom)}: ${e(atom)} - ${model.maxNoise} ${n(atom)} <= 0`);
    }
  }
  facts.forEach((fact, i) => {
    const terms = new Map<string, number>();
    for (const atom of fact.lessAtoms) terms.set(n(atom), (terms.get(n(atom)) ?? 0) + 1);
    for (const atom of fact.moreAtoms) terms.set(n(atom), (terms.get(n(atom)) ?? 0) - 1);
    constraints.push(` m${i}: ${linear(terms)} <= 0`);
  });
  const bounds = [...atoms].flatMap((atom) => [
    ` 0 <= ${n(atom)} <= ${model.maxAtom}`,
    ...(noisy ? [` -${model.maxNoise} <= ${e(atom)} <= ${model.maxNoise}`] : []),
  ]);
  const integers = [...atoms].flatMap((atom) => (noisy ? [n(atom), e(atom)] : [n(atom)]));
  const head = constraints.length > 0 ? constraints : [' none: n0 >= 0'];
  return (sense, target, bound) => {
    const objective = new Map<string, number>();
    for (const atom of target.atoms) objective.set(n(atom), (objective.get(n(atom)) ?? 0) + 1);
    // With a bound, the question is only whether any solution reaches it: the objective is left
    // empty, so the solver stops at the first feasible solution instead of proving an optimum.
    const extra =
      bound === undefined
        ? []
        : [
            ...(bound.atLeast === undefined ? [] : [` want_lo: ${linear(objective)} >= ${bound.atLeast}`]),
            ...(bound.atMost === undefined ? [] : [` want_hi: ${linear(objective)} <= ${bound.atMost}`]),
          ];
    const goal = bound === undefined ? linear(objective) : `0 ${n(target.atoms[0] ?? '')}`;
    return [sense, ` obj: ${goal}`, 'Subject To', ...head, ...extra, 'Bounds', ...bounds, 'General', ` ${integers.join(' ')}`, 'End'].join('\n');
  };
}

/** Targets with a true count from 1 to k − 1 that the attack narrowed to `width` values or fewer. */
export function narrowed(results: readonly AttackResult[], k: number, width = 2): AttackResult[] {
  return results.filter((r) => r.truth >= 1 && r.truth <= k - 1 && r.max - r.min + 1 <= width);
}
