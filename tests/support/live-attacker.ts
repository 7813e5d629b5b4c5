/**
 * An attacker of live class figures, written apart from the rules it attacks: it knows only what
 * a viewer could know (every figure ever shown, who had answered when) and solves for what was
 * hidden with an integer program (HiGHS), as the tester on issue 9 did.
 *
 * Each student s is in exactly one cell ("leaf") of a question: an option, a scale point, a whole
 * path through a story. y[s][leaf] is 1 when s is in it. Every shown figure is a constraint on a
 * sum of these: a number is a value, "fewer than k" a range, a range a range. Then, for each
 * group whose true count is 1 to k−1, the attacker minimises and maximises it; and for each
 * student, it asks which cells they could be in. It reports:
 * - `pinned`: a small group with one possible value;
 * - `narrowed`: a small group with two possible values or fewer (max − min ≤ 1);
 * - `inferred`: a student whose answer to a question follows from the figures.
 */
import highsLoader from 'highs';

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let loaded: Promise<Highs> | undefined;
export const loadHighs = (): Promise<Highs> => (loaded ??= highsLoader());

/** A sum of y[student][leaf] over these pairs. */
export type Terms = readonly (readonly [student: number, leaf: number])[];

export interface ShownFigure {
  terms: Terms;
  lo: number;
  hi: number;
}

export interface SmallGroup {
  label: string;
  terms: Terms;
  truth: number;
}

export interface Question {
  label: string;
  /** Which answer each leaf stands for (a story's first decision: its first choice). */
  answerOf: (leaf: number) => string;
}

export interface AttackInput {
  leaves: number;
  /** Each student's true leaf (the truth is always a solution, and seeds the pool). */
  truth: readonly number[];
  figures: readonly ShownFigure[];
  groups: readonly SmallGroup[];
  questions: readonly Question[];
  /** Students whose answers the figures say anything about. */
  students: readonly number[];
}

export interface AttackResult {
  probes: number;
  groupsChecked: number;
  pinned: string[];
  narrowed: string[];
  inferred: string[];
}

const name = (s: number, leaf: number) => `y_${s}_${leaf}`;

function expression(terms: Terms): string {
  const counts = new Map<string, number>();
  for (const [s, leaf] of terms) counts.set(name(s, leaf), (counts.get(name(s, leaf)) ?? 0) + 1);
  if (counts.size === 0) return '0 y_none';
  return [...counts].map(([v, c]) => `${c} ${v}`).join(' + ');
}

export async function attack(input: AttackInput): Promise<AttackResult> {
  const highs = await loadHighs();
  const students = [...new Set([...input.students])];
  const rows: string[] = [];
  students.forEach((s) => rows.push(` one_${s}: ${Array.from({ length: input.leaves }, (_, l) => name(s, l)).join(' + ')} = 1`));
  input.figures.forEach((f, i) => {
    const inside = f.terms.filter(([s]) => students.includes(s));
    if (inside.length === 0) return;
    rows.push(f.lo === f.hi ? ` f${i}: ${expression(inside)} = ${f.lo}` : ` f${i}: ${expression(inside)} >= ${f.lo}`);
    if (f.lo !== f.hi) rows.push(` g${i}: ${expression(inside)} <= ${f.hi}`);
  });
  const binaries = students.flatMap((s) => Array.from({ length: input.leaves }, (_, l) => name(s, l)));
  const model = (sense: 'Minimize' | 'Maximize', objective: string) =>
    [sense, ` obj: ${objective}`, 'Subject To', ...rows, ' none: y_none = 0', 'Binary', ` ${binaries.join(' ')}`, 'End'].join('\n');

  // Solutions found so far: a value seen in one is possible, so many checks need no solve.
  const pool: Map<string, number>[] = [new Map(students.map((s) => [name(s, input.truth[s] ?? 0), 1]))];
  let probes = 0;
  const solve = (sense: 'Minimize' | 'Maximize', terms: Terms): number => {
    probes += 1;
    const result = highs.solve(model(sense, expression(terms)), { output_flag: false });
    if (result.Status !== 'Optimal') throw new Error(`the attacker's program is ${result.Status}: the figures contradict the truth`);
    pool.push(new Map(Object.entries(result.Columns).map(([v, c]) => [v, Math.round((c as { Primal: number }).Primal)])));
    return Math.round(result.ObjectiveValue);
  };
  const valueIn = (solution: Map<string, number>, terms: Terms) => terms.reduce((sum, [s, leaf]) => sum + (solution.get(name(s, leaf)) ?? 0), 0);

  const result: AttackResult = { probes: 0, groupsChecked: 0, pinned: [], narrowed: [], inferred: [] };
  const seen = new Set<string>();
  for (const group of input.groups) {
    const terms = group.terms.filter(([s]) => students.includes(s));
    const key = terms.map(([s, l]) => `${s}.${l}`).sort().join(',');
    if (seen.has(key) || terms.length === 0) continue;
    seen.add(key);
    result.groupsChecked += 1;
    const values = pool.map((p) => valueIn(p, terms));
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    if (hi - lo >= 2) continue;
    lo = solve('Minimize', terms);
    hi = solve('Maximize', terms);
    if (hi === lo) result.pinned.push(`${group.label} = ${group.truth}`);
    else if (hi - lo <= 1) result.narrowed.push(`${group.label} = ${group.truth} in ${lo}..${hi}`);
  }
  for (const s of students) {
    const possible = new Set<number>();
    for (let leaf = 0; leaf < input.leaves; leaf += 1) {
      if (pool.some((p) => p.get(name(s, leaf)) === 1) || solve('Maximize', [[s, leaf]]) === 1) possible.add(leaf);
    }
    for (const question of input.questions) {
      const answers = new Set([...possible].map(question.answerOf));
      if (answers.size === 1) result.inferred.push(`student ${s}: ${question.label} = ${[...answers][0]}`);
    }
  }
  result.probes = probes;
  return result;
}
