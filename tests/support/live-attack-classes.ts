/**
 * The classes, rules and attack runs of the live class view's attacker tests (issue 9, DESIGN.md
 * "Privacy by design"), shared by tests/unit/live-attack*.test.ts: four files, so that vitest
 * runs them side by side instead of one long file on one worker. Live classes of 5 to 12
 * students answer one at a time, in random orders; after every single answer a viewer
 * polls every figure (projector, presenter, phones); the teacher reveals, hides and reveals again
 * at random moments. Every figure ever shown goes to an integer program (tests/support/
 * live-attacker.ts), which must not pin or narrow to two values any group of 1 to 4 (in the class,
 * in a group between two releases, along a story path) nor work out any student's answer.
 *
 * The same attacker, run against the old rule (every poll tallies every answer so far, knowledge
 * exactly), must find plenty: an attacker that finds nothing anywhere proves nothing.
 *
 * The viewer is given more than a real one has: exactly who had answered what when (so exactly
 * who each release counts), and each release's total. A story here has paths of one length, so
 * that counting a student's taps (which a teacher might) says nothing about their choices.
 */
import { expect } from 'vitest';
import type { AnswerResponse } from '@/lib/api/schemas';
import type { ModuleStructure } from '@/lib/content/schema';
import { exactTally, type ClassAnswer, type TallySubject } from '@/lib/domain/class-tally';
import { discloseDistribution, disclosurePolicies } from '@/lib/domain/disclosure';
import { advanceRelease, firstReleaseAt, shownRelease, type FrozenRelease } from '@/lib/domain/live-release';
import type { CountNode, DisclosedNode, LiveFigure } from '@/lib/domain/live-tree';
import { seededRandom, type SeededRandom } from '@/lib/domain/seeded-random';
import { attack, type AttackResult, type Question, type ShownFigure, type SmallGroup, type Terms } from './live-attacker';
import { testStructure } from '../unit/test-module';

const K = 5;
const teaches = { facts: ['F1' as const], considerations: [] };
const ending = (id: string) => ({ id, kind: 'ending' as const, outcome: 'safe' as const, pointsTo: teaches });

/** A knowledge item, an attitude item and a story whose first decision leads to three others. */
const structure: ModuleStructure = {
  ...testStructure,
  items: [
    {
      id: 'q-know',
      kind: 'single',
      phases: ['main'],
      teaches,
      askConfidence: false,
      depth: 'core',
      options: [
        { id: 'right', correct: true },
        { id: 'wrong', correct: false, misconception: 'm-wrong' },
        { id: 'unsure', correct: false, misconception: 'm-wrong' },
      ],
    },
    {
      id: 'q-sure',
      kind: 'single',
      phases: ['main'],
      teaches,
      askConfidence: true,
      depth: 'core',
      options: [
        { id: 'right', correct: true },
        { id: 'wrong', correct: false, misconception: 'm-wrong' },
        { id: 'also-wrong', correct: false, misconception: 'm-wrong' },
      ],
    },
    {
      id: 'q-tf',
      kind: 'truefalse',
      phases: ['main'],
      teaches,
      askConfidence: false,
      depth: 'core',
      options: [
        { id: 'true', correct: false, misconception: 'm-wrong' },
        { id: 'false', correct: true },
      ],
    },
  ],
  attitudeItems: [{ id: 'a-risk', construct: 'attitude', phases: ['before'], reverse: false, teaches }],
  scenarios: [
    {
      id: 'lift',
      role: 'passenger',
      depth: 'core',
      start: 'intro',
      teaches,
      nodes: [
        { id: 'intro', kind: 'scene', next: 'offer' },
        {
          id: 'offer',
          kind: 'decision',
          choices: [
            { id: 'say-no', next: 'keys', risky: false },
            { id: 'get-in', next: 'car', risky: true },
            { id: 'wait', next: 'later', risky: false },
          ],
        },
        { id: 'keys', kind: 'decision', choices: [{ id: 'ask', next: 'e1', risky: false }, { id: 'leave', next: 'e2', risky: true }] },
        { id: 'car', kind: 'decision', choices: [{ id: 'get-out', next: 'e3', risky: false }, { id: 'stay-quiet', next: 'e4', risky: true }] },
        { id: 'later', kind: 'decision', choices: [{ id: 'call', next: 'e5', risky: false }, { id: 'walk', next: 'e6', risky: true }] },
        ...['e1', 'e2', 'e3', 'e4', 'e5', 'e6'].map(ending),
      ],
    },
  ],
};

const knowledge: TallySubject = { kind: 'item', key: 'item:main:q-know', phase: 'main', itemId: 'q-know' };
const attitude: TallySubject = { kind: 'item', key: 'item:before:a-risk', phase: 'before', itemId: 'a-risk' };
const story: TallySubject = { kind: 'story', key: 'story:lift', scenarioId: 'lift' };
/** A true/false question the class splits about evenly: the kind whose later groups can join a release. */
const trueFalse: TallySubject = { kind: 'item', key: 'item:main:q-tf', phase: 'main', itemId: 'q-tf' };
/** A number guess (F1, the real figure 4): close, or off in one of four bins, disclosed as one tree with right/other. */
const guess: TallySubject = { kind: 'item', key: 'item:main:F1', phase: 'main', itemId: 'F1' };
/** A question that asks how sure: its wrong options split into very sure and the rest, a detail of the same release. */
const sure: TallySubject = { kind: 'item', key: 'item:main:q-sure', phase: 'main', itemId: 'q-sure' };
const SUBJECTS = [knowledge, attitude, story, trueFalse, guess, sure];
/** The old rule had no spread of guesses: it is attacked on the subjects it showed. */
const OLD_SUBJECTS = [knowledge, attitude, story, trueFalse];
/** A guess in each of the tree's leaves, in its order: close, then under half, under, over, over double. */
const GUESSES = [4, 1, 2.5, 6, 9];
const KNOWLEDGE = ['right', 'wrong', 'unsure'];
/** The sure question's leaves in the tree's order: right, then each wrong option very sure and less sure. */
const SURE_LEAVES = [
  { option: 'right', confidence: 2 },
  { option: 'wrong', confidence: 3 },
  { option: 'wrong', confidence: 1 },
  { option: 'also-wrong', confidence: 3 },
  { option: 'also-wrong', confidence: 2 },
] as const;
/** The leaves of a wrong answer given while very sure: what a student's confidence would give away. */
const WRONG_VERY_SURE = [1, 3];
const TRUE_FALSE = ['true', 'false'];
const SCALE = [1, 2, 3, 4, 5, null] as const;
const FIRST = ['say-no', 'get-in', 'wait'];
const SECOND: Record<string, [string, string, string]> = { 'say-no': ['keys', 'ask', 'leave'], 'get-in': ['car', 'get-out', 'stay-quiet'], wait: ['later', 'call', 'walk'] };
/** Story leaves in the tree's order: (first choice, second choice). */
const LEAVES = FIRST.flatMap((first, f) => [0, 1].map((second) => ({ f, second, first })));

interface Student {
  knowledge: number;
  scale: number;
  leaf: number;
  trueFalse: number;
  guess: number;
  sure: number;
}

/** One answer, as the server would store it; `taps` counts a student's story decisions. */
type Event = { student: number; subject: TallySubject; tap: number };

/** What a viewer saw at one moment: each figure, as a range on the sum over `members` of `leaves`. */
interface Observation {
  subject: TallySubject;
  figures: { path: string; members: number[]; leaves: number[]; interval: [number, number] }[];
}

/** Skewed answers, so that small groups are common. */
function makeClass(random: SeededRandom, size: number): Student[] {
  const skewed = (weights: number[]) => {
    let r = random.next() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < weights.length; i += 1) if ((r -= weights[i] ?? 0) < 0) return i;
    return weights.length - 1;
  };
  return Array.from({ length: size }, () => ({
    knowledge: skewed([6, 2, 1]),
    scale: skewed([1, 2, 4, 3, 1, 1]),
    leaf: skewed([5, 3, 1, 1, 2, 1]),
    trueFalse: skewed([1, 1]),
    guess: skewed([4, 1, 2, 1, 2]),
    sure: skewed([5, 3, 2, 1, 1]),
  }));
}

/** Every student's answers, one event each, in a random order (a story's decisions in order). */
function makeEvents(random: SeededRandom, students: Student[]): Event[] {
  const queues = students.map((_, s) => {
    const items: Event[] = [
      { student: s, subject: knowledge, tap: 0 },
      { student: s, subject: attitude, tap: 0 },
      { student: s, subject: trueFalse, tap: 0 },
      { student: s, subject: guess, tap: 0 },
      { student: s, subject: sure, tap: 0 },
    ];
    const storyAt = random.int(0, 3);
    items.splice(storyAt, 0, { student: s, subject: story, tap: 1 }, { student: s, subject: story, tap: 2 });
    return items;
  });
  const events: Event[] = [];
  while (queues.some((q) => q.length > 0)) {
    const open = queues.filter((q) => q.length > 0);
    const next = random.pick(open).shift();
    if (next) events.push(next);
  }
  return events;
}

function answerOf(event: Event, student: Student): ClassAnswer {
  const participantId = `s${event.student}`;
  if (event.subject === knowledge) return { participantId, itemId: 'q-know', phase: 'main', response: { kind: 'choice', optionIds: [KNOWLEDGE[student.knowledge] ?? ''] } };
  if (event.subject === attitude) return { participantId, itemId: 'a-risk', phase: 'before', response: { kind: 'scale', value: SCALE[student.scale] ?? null } };
  if (event.subject === trueFalse) return { participantId, itemId: 'q-tf', phase: 'main', response: { kind: 'choice', optionIds: [TRUE_FALSE[student.trueFalse] ?? ''] } };
  if (event.subject === sure) {
    const leaf = SURE_LEAVES[student.sure] ?? SURE_LEAVES[0];
    return { participantId, itemId: 'q-sure', phase: 'main', response: { kind: 'choice', optionIds: [leaf.option] }, confidence: leaf.confidence };
  }
  if (event.subject === guess) return { participantId, itemId: 'F1', phase: 'main', response: { kind: 'number', value: GUESSES[student.guess] ?? 4 } };
  const leaf = LEAVES[student.leaf] ?? { first: 'say-no', second: 0 };
  const [node, ...choices] = SECOND[leaf.first] ?? ['keys', 'ask', 'leave'];
  const response: AnswerResponse = { kind: 'choice', optionIds: [event.tap === 1 ? leaf.first : (choices[leaf.second] ?? '')] };
  return { participantId, itemId: event.tap === 1 ? 'lift/offer' : `lift/${node}`, phase: 'main', response };
}

/** Each node of a tally's tree, by path, with the leaves (cells a student can be in) under it. */
function leavesByPath(tree: CountNode): Map<string, number[]> {
  const result = new Map<string, number[]>();
  let next = 0;
  const visit = (node: CountNode, path: string): number[] => {
    const leaves = node.children.length === 0 ? [next++] : node.children.flatMap((c) => visit(c, `${path}/${c.key}`));
    result.set(path, leaves);
    return leaves;
  };
  visit(tree, '');
  return result;
}

const leafOf = (subject: TallySubject, student: Student) =>
  subject === knowledge ? student.knowledge : subject === sure ? student.sure : subject === attitude ? student.scale : subject === trueFalse ? student.trueFalse : subject === guess ? student.guess : student.leaf;
const LEAF_COUNT = (subject: TallySubject) => (subject === knowledge ? 3 : subject === trueFalse ? 2 : subject === guess || subject === sure ? 5 : 6);

function interval(figure: LiveFigure): [number, number] {
  if (figure.kind === 'count') return [figure.value, figure.value];
  if (figure.kind === 'fewer-than') return [0, figure.k - 1];
  return [figure.from, figure.to];
}

/** Who a subject's tally counts after these events: everyone who answered it, or finished the story. */
function membersAfter(events: readonly Event[], subject: TallySubject): number[] {
  const taps = new Map<number, number>();
  for (const e of events) if (e.subject === subject) taps.set(e.student, Math.max(taps.get(e.student) ?? 0, e.tap));
  return [...taps].filter(([, tap]) => (subject === story ? tap === 2 : true)).map(([s]) => s);
}

interface Run {
  observations: Observation[];
  students: Student[];
  releases: number;
  /** Releases that added a group of later answers to an earlier release. */
  grown: number;
}

/** Class sizes: the 5 to 12, and whole classes of 20 to 32 where later groups can join. */
export type Sizes = readonly [number, number];

/**
 * `new`: the release rules. `old`: main's rule (every poll tallies every answer so far).
 * `batches`: a plausible-looking rule that is not enough, for the attacker to catch: a fresh
 * release, disclosed on its own, after every k more answers.
 */
export type Rule = 'new' | 'old' | 'batches' | 'sure-bypass';

/**
 * How the teacher reveals: `live` at random moments (and hides, and reveals again); `early` every
 * step from its first answer on, which freezes releases earliest and gives later groups the most
 * chances to join; `self_paced` never (phones see a first release at 2k).
 */
export type Mode = 'live' | 'early' | 'self_paced';

/** A class, answer by answer, polled after every answer. */
function runClass(seed: number, rule: Rule, mode: Mode, sizes: Sizes): Run {
  const random = seededRandom(seed);
  const students = makeClass(random, random.int(sizes[0], sizes[1]));
  const events = makeEvents(random, students);
  const observations: Observation[] = [];
  const stored = new Map<string, FrozenRelease | null>();
  const lastShown = new Map<string, string>();
  let revealed: TallySubject | null = null;
  let releases = 0;
  let grown = 0;
  const counted = new Map<string, number>();
  const given: ClassAnswer[] = [];
  events.forEach((event, at) => {
    given.push(answerOf(event, students[event.student] as Student));
    const happened = events.slice(0, at + 1);
    // The teacher, at random moments: reveal a step (again), or hide it.
    const subjects = rule === 'old' ? OLD_SUBJECTS : SUBJECTS;
    if (mode === 'live' && random.chance(0.3)) revealed = random.chance(0.8) ? random.pick(subjects) : null;
    for (const subject of subjects) {
      const tree = exactTally(subject, structure, given);
      const leaves = tree[0] ? leavesByPath(tree[0]) : new Map<string, number[]>();
      if (rule !== 'old') {
        const before = stored.get(subject.key) ?? null;
        const fresh = rule === 'batches' && before !== null && (tree[0]?.count ?? 0) - before.counted >= K;
        const step = advanceRelease(fresh ? null : before, tree, { k: K, mayStart: revealed === subject || mode !== 'live', firstAt: firstReleaseAt(mode === 'self_paced' ? 'self_paced' : 'live', students.length, K) });
        if (step.kind === 'store' || fresh) stored.set(subject.key, step.release ?? before);
        const release = stored.get(subject.key) ?? null;
        if (rule === 'sure-bypass' && subject === sure) bypassSure(happened, students, observations, lastShown);
        const shown = release ? shownRelease(release, K) : null;
        const key = JSON.stringify(shown);
        if (!shown || !release || lastShown.get(subject.key) === key) continue;
        lastShown.set(subject.key, key);
        releases += 1;
        if ((counted.get(subject.key) ?? release.counted) < release.counted) grown += 1;
        counted.set(subject.key, release.counted);
        const members = membersAfter(happened, subject);
        expect(members.length).toBe(release.counted);
        const figures: Observation['figures'] = [];
        const visit = (node: DisclosedNode, path: string) => {
          figures.push({ path, members, leaves: leaves.get(path) ?? [], interval: interval(node.figure) });
          node.children.forEach((c) => visit(c, `${path}/${c.key}`));
        };
        shown.forEach((t) => visit(t, ''));
        observations.push({ subject, figures });
      } else {
        const figures = oldFigures(subject, happened, students, leaves);
        const key = JSON.stringify(figures.map((f) => [f.path, f.interval]));
        if (figures.length === 0 || lastShown.get(subject.key) === key) continue;
        lastShown.set(subject.key, key);
        observations.push({ subject, figures });
        releases += 1;
      }
    }
  });
  return { observations, students, releases, grown };
}

/**
 * The bypass, for the attacker to catch: a "wrong but very sure" count of the sure question taken
 * from the answers as they stand, shown once it reaches k (a threshold, but no release).
 */
function bypassSure(happened: readonly Event[], students: readonly Student[], observations: Observation[], lastShown: Map<string, string>) {
  const members = membersAfter(happened, sure);
  const n = members.filter((s) => WRONG_VERY_SURE.includes(students[s]?.sure ?? -1)).length;
  if (n < K || lastShown.get('bypass') === String(n)) return;
  lastShown.set('bypass', String(n));
  observations.push({ subject: sure, figures: [{ path: '/wrong-very-sure', members, leaves: WRONG_VERY_SURE, interval: [n, n] }] });
}

/**
 * The old rule, as main had it: every poll tallies every answer so far; knowledge exactly
 * (k = 1); attitudes and each story decision on its own, hidden below 5 answers, then with
 * "fewer than 5" (1 to 4) and totals withheld where they would give a small cell away.
 */
function oldFigures(subject: TallySubject, happened: readonly Event[], students: readonly Student[], leaves: Map<string, number[]>): Observation['figures'] {
  const policies = disclosurePolicies();
  const exact = { name: 'classView' as const, k: 1, roundTo: 1, hideZero: false };
  const figures: Observation['figures'] = [];
  /** One table: n answered it; its figures are sums over `members` (all a viewer can name) of the cells' leaves. */
  const table = (n: number, members: number[], cells: { path: string; count: number }[], sensitive: boolean, total: string) => {
    if (n === 0) return;
    if (sensitive && n < K) {
      figures.push({ path: total, members, leaves: leaves.get(total) ?? [], interval: [0, K - 1] });
      return;
    }
    const shown = discloseDistribution(cells.map((c) => ({ key: c.path, count: c.count })), n, sensitive ? policies.classView : exact, { additive: true });
    for (const cell of shown.cells) {
      const f = cell.value;
      const range: [number, number] = f.kind === 'count' ? [f.value, f.value] : f.kind === 'fewer-than' ? [1, f.k - 1] : [K, n];
      figures.push({ path: cell.key, members, leaves: leaves.get(cell.key) ?? [], interval: range });
    }
    if (shown.total.kind === 'count') figures.push({ path: total, members, leaves: leaves.get(total) ?? [], interval: [n, n] });
  };
  const taps = new Map<number, number>();
  for (const e of happened) if (e.subject === subject) taps.set(e.student, Math.max(taps.get(e.student) ?? 0, e.tap));
  const answered = [...taps.keys()];
  if (subject !== story) {
    const keys = subject === knowledge ? KNOWLEDGE : subject === trueFalse ? TRUE_FALSE : SCALE.map((v) => (v === null ? 'skip' : String(v)));
    const cells = keys.map((key, i) => ({ path: `/${key}`, count: answered.filter((s) => leafOf(subject, students[s] as Student) === i).length }));
    table(answered.length, answered, cells, subject === attitude, '');
    return figures;
  }
  // Each decision on its own, over everyone who has answered it so far: a story half done counts.
  const pathOf = (s: number) => LEAVES[students[s]?.leaf ?? 0] ?? { f: 0, second: 0, first: 'say-no' };
  table(
    answered.length,
    answered,
    FIRST.map((first, f) => ({ path: `/offer:${first}`, count: answered.filter((s) => pathOf(s).f === f).length })),
    true,
    '',
  );
  // A later decision: a viewer knows who finished the story, not who went which way.
  const finished = [...taps].filter(([, t]) => t === 2).map(([s]) => s);
  FIRST.forEach((first, f) => {
    const [node, ...choices] = SECOND[first] ?? ['keys'];
    const here = finished.filter((s) => pathOf(s).f === f);
    const cells = choices.map((choice, second) => ({ path: `/offer:${first}/${node}:${choice}`, count: here.filter((s) => pathOf(s).second === second).length }));
    table(here.length, finished, cells, true, `/offer:${first}`);
  });
  return figures;
}

export interface Tally {
  grown: number;
  /** Releases of the sure question that showed how sure the wrong were (a detail split not withheld). */
  sureShown: number;
  pinned: number;
  narrowed: number;
  inferred: number;
  probes: number;
  groups: number;
  releases: number;
  classes: number;
  examples: string[];
}

/** `gap`: how far apart two releases may be to be compared (the old rule's many polls: next ones only). */
async function attackRun(run: Run, gap: number): Promise<AttackResult[]> {
  const results: AttackResult[] = [];
  for (const subject of SUBJECTS) {
    const observations = run.observations.filter((o) => o.subject === subject);
    if (observations.length === 0) continue;
    const truth = run.students.map((s) => leafOf(subject, s));
    const terms = (members: readonly number[], leaves: readonly number[]): Terms => members.flatMap((s) => leaves.map((l) => [s, l] as const));
    const count = (members: readonly number[], leaves: readonly number[]) => members.filter((s) => leaves.includes(truth[s] ?? -1)).length;
    const figures: ShownFigure[] = observations.flatMap((o) => o.figures.map((f) => ({ terms: terms(f.members, f.leaves), lo: f.interval[0], hi: f.interval[1] })));
    const groups: SmallGroup[] = [];
    const small = (n: number) => n >= 1 && n < K;
    // Every small group in the class at each release, along every story path.
    observations.forEach((o, i) =>
      o.figures.forEach((f) => {
        const truthHere = count(f.members, f.leaves);
        // Everyone a release counts is known to the viewer here: their number is no secret.
        if (f.path !== '' && small(truthHere)) groups.push({ label: `${subject.key} release ${i} ${f.path}`, terms: terms(f.members, f.leaves), truth: truthHere });
      }),
    );
    // Every small group among the students added between two releases.
    observations.forEach((a, i) =>
      observations.slice(i + 1, i + 1 + gap).forEach((b, j) =>
        b.figures.forEach((f) => {
          const before = a.figures.find((g) => g.path === f.path);
          if (!before) return;
          const added = f.members.filter((s) => !before.members.includes(s));
          const truthHere = count(added, f.leaves);
          if (f.path !== '' && small(truthHere)) groups.push({ label: `${subject.key} between ${i} and ${i + j + 1} ${f.path}`, terms: terms(added, f.leaves), truth: truthHere });
        }),
      ),
    );
    const questions: Question[] =
      subject === story
        ? [
            { label: 'lift first decision', answerOf: (leaf) => FIRST[LEAVES[leaf]?.f ?? 0] ?? '' },
            { label: 'lift second decision', answerOf: (leaf) => `${leaf}` },
          ]
        : subject === sure
          ? [
              { label: `${subject.key} answer`, answerOf: (leaf) => SURE_LEAVES[leaf]?.option ?? '' },
              { label: `${subject.key} wrong but very sure`, answerOf: (leaf) => String(WRONG_VERY_SURE.includes(leaf)) },
            ]
          : [{ label: subject.key, answerOf: (leaf) => String(leaf) }];
    const students = [...new Set(observations.flatMap((o) => o.figures.flatMap((f) => f.members)))];
    results.push(await attack({ leaves: LEAF_COUNT(subject), truth, figures, groups, questions, students }));
  }
  return results;
}

export async function attackMany(seeds: readonly number[], rule: Rule, mode: Mode, sizes: Sizes = [5, 12]): Promise<Tally> {
  const tally: Tally = { sureShown: 0, grown: 0, pinned: 0, narrowed: 0, inferred: 0, probes: 0, groups: 0, releases: 0, classes: 0, examples: [] };
  for (const seed of seeds) {
    const run = runClass(seed, rule, mode, sizes);
    tally.classes += 1;
    tally.releases += run.releases;
    tally.grown += run.grown;
    tally.sureShown += run.observations.filter((o) => o.subject === sure && o.figures.some((f) => f.path.endsWith('/very-sure'))).length;
    for (const result of await attackRun(run, rule === 'new' || rule === 'sure-bypass' ? Number.POSITIVE_INFINITY : 1)) {
      tally.pinned += result.pinned.length;
      tally.narrowed += result.narrowed.length;
      tally.inferred += result.inferred.length;
      tally.probes += result.probes;
      tally.groups += result.groupsChecked;
      if (tally.examples.length < 6) tally.examples.push(...[...result.pinned, ...result.narrowed, ...result.inferred].slice(0, 2).map((e) => `class ${seed}: ${e}`));
    }
  }
  return tally;
}

export const summary = (name: string, t: Tally) =>
  `${name}: ${t.classes} classes, ${t.releases} releases seen (${t.grown} by a later group; ${t.sureShown} showing how sure the wrong were), ${t.groups} small groups checked, ${t.probes} probes (integer programs): ` +
  `${t.pinned} pinned, ${t.narrowed} narrowed to two values, ${t.inferred} students' answers inferred`;
