/**
 * How a class answered, for the projector's reveal and the phones' "what your class chose", as
 * exact count trees (live-tree.ts). Pure; nothing here leaves the server as it is: a tally is
 * frozen into a release (live-release.ts) and disclosed (class-tally-disclosure.ts) first.
 *
 * A tally's subject is what is counted together: one question, or one whole story, whose
 * decisions are parts of one another (the students at a later decision are those who took the
 * choice leading to it) and so are frozen and disclosed as one tree.
 */
import type { AnswerResponse } from '@/lib/api/schemas';
import type { ModuleStructure, Phase, Scenario } from '@/lib/content/schema';
import { isCloseGuess } from './correctness';
import type { JourneyStep } from './journey';
import type { CountNode } from './live-tree';
import { VERY_SURE } from './confidence-feedback';
import { PLAN_ITEM_ID } from './scoring';

/** An answer as a tally reads it: what was answered, and how sure. */
type Given = Pick<ClassAnswer, 'response' | 'confidence'>;

export type TallySubject =
  | { kind: 'item'; key: string; phase: Phase; itemId: string }
  | { kind: 'story'; key: string; scenarioId: string };

/** One stored answer of a class, with the (random) participant it came from. */
export interface ClassAnswer {
  participantId: string;
  itemId: string;
  phase: string;
  response: AnswerResponse;
  /** How sure they said they were (1 guessing … 3 very sure), where the item asked. */
  confidence?: number | null | undefined;
}

/** The (phase, item) pairs a step records answers under; a scenario records one per decision. */
export function stepAnswerItems(step: JourneyStep, structure: ModuleStructure): { phase: Phase; itemId: string }[] {
  switch (step.kind) {
    case 'item':
    case 'attitude':
      return [{ phase: step.phase, itemId: step.itemId }];
    case 'fact':
      return [{ phase: 'main', itemId: step.factId }];
    case 'plan':
      return [{ phase: 'main', itemId: PLAN_ITEM_ID }];
    case 'scenario': {
      const scenario = structure.scenarios.find((s) => s.id === step.scenarioId);
      return (scenario?.nodes ?? [])
        .filter((node) => node.kind === 'decision')
        .map((node) => ({ phase: 'main' as const, itemId: scenarioDecisionItem(step.scenarioId, node.id) }));
    }
    default:
      return [];
  }
}

export function scenarioDecisionItem(scenarioId: string, nodeId: string): string {
  return `${scenarioId}/${nodeId}`;
}

/** What a step's class tally counts; none for steps that ask nothing the class sees (sections, plan, summary). */
export function stepSubjects(step: JourneyStep): TallySubject[] {
  switch (step.kind) {
    case 'item':
    case 'attitude':
      return [{ kind: 'item', key: `item:${step.phase}:${step.itemId}`, phase: step.phase, itemId: step.itemId }];
    case 'fact':
      return [{ kind: 'item', key: `item:main:${step.factId}`, phase: 'main', itemId: step.factId }];
    case 'scenario':
      return [{ kind: 'story', key: `story:${step.scenarioId}`, scenarioId: step.scenarioId }];
    default:
      return [];
  }
}

/** The story a decision (`scenario/node`) belongs to, if it is one. */
export function storySubjectOf(itemId: string, structure: ModuleStructure): TallySubject | null {
  const [scenarioId, nodeId] = itemId.split('/');
  const scenario = structure.scenarios.find((s) => s.id === scenarioId);
  const node = scenario?.nodes.find((n) => n.id === nodeId);
  if (!scenario || node?.kind !== 'decision') return null;
  return { kind: 'story', key: `story:${scenario.id}`, scenarioId: scenario.id };
}

/** The answers a subject's tally reads. */
export function subjectAnswerItems(subject: TallySubject, structure: ModuleStructure): { phase: Phase; itemId: string }[] {
  if (subject.kind === 'item') return [{ phase: subject.phase, itemId: subject.itemId }];
  return stepAnswerItems({ kind: 'scenario', scenarioId: subject.scenarioId, section: 'scenarios' }, structure);
}

/** How far off a number guess that isn't close was: under half, under, over, or over double the real figure. */
export const GUESS_BINS = ['far-under', 'under', 'over', 'far-over'] as const;
export type GuessBin = (typeof GUESS_BINS)[number];

/**
 * Where a number guess falls against the real figure: close (isCloseGuess), or one of the four
 * bins ("double" and "half" only for a positive figure; the API takes finite numbers only).
 */
export function guessBin(answer: number, guess: number): GuessBin | 'right' {
  if (isCloseGuess(answer, guess)) return 'right';
  if (guess < answer) return answer > 0 && guess < answer / 2 ? 'far-under' : 'under';
  return answer > 0 && guess > answer * 2 ? 'far-over' : 'over';
}

const node = (key: string, count: number, children: CountNode[] = []): CountNode => ({ key, count, children });

/** Each option as a split of everyone: those who chose it, and the rest. */
function optionSplits(options: readonly { id: string }[], given: readonly AnswerResponse[]): CountNode[] {
  return options.map((o) => {
    const chose = given.filter((r) => r.kind === 'choice' && r.optionIds.includes(o.id)).length;
    return node('', given.length, [node(o.id, chose), node('other', given.length - chose)]);
  });
}

/** The two cells a wrong answer's students split into: very sure, and the rest (a detail split, live-tree.ts). */
export const SURE_SPLIT = ['very-sure', 'less-sure'] as const;

/**
 * A wrong answer's count, split by how sure its students were: a detail of the same tree, so it
 * is frozen and grown with the answers and shown only where it changes no figure the class sees.
 */
function wrongCell(key: string, answers: readonly { confidence?: number | null | undefined }[]): CountNode {
  const sure = answers.filter((a) => a.confidence === VERY_SURE).length;
  return { key, count: answers.length, children: [node(SURE_SPLIT[0], sure), node(SURE_SPLIT[1], answers.length - sure)], detail: true };
}

/** Single-answer options: the counts add up to those who answered. `splitSure`: wrong options split by confidence. */
function optionCounts(options: readonly { id: string; correct?: boolean }[], given: readonly Given[], splitSure = false): CountNode[] {
  const counts = options.map((o) => {
    const chose = given.filter(({ response: r }) => r.kind === 'choice' && r.optionIds[0] === o.id);
    return splitSure && o.correct === false ? wrongCell(o.id, chose) : node(o.id, chose.length);
  });
  // An answer naming no known option (content changed mid-session) is not counted anywhere.
  const counted = counts.reduce((sum, c) => sum + c.count, 0);
  return [node('', counted, counts)];
}

/** The decisions and endings reached from a node, skipping scenes. */
function nextDecision(scenario: Scenario, id: string): Scenario['nodes'][number] | undefined {
  const seen = new Set<string>();
  let current = scenario.nodes.find((n) => n.id === id);
  while (current?.kind === 'scene' && !seen.has(current.id)) {
    seen.add(current.id);
    const next = current.next;
    current = scenario.nodes.find((n) => n.id === next);
  }
  return current;
}

/**
 * A story as one tree: everyone whose path through it is complete (they reached an ending), split
 * by their choice at each decision along it. A student still in the middle of the story is left
 * out until they finish it, so that every decision's students are exactly a cell of the last.
 */
function storyTree(scenario: Scenario, answers: readonly ClassAnswer[]): CountNode {
  const choices = new Map<string, Map<string, string>>();
  for (const answer of answers) {
    if (answer.phase !== 'main' || answer.response.kind !== 'choice') continue;
    const [scenarioId, nodeId] = answer.itemId.split('/');
    const choiceId = answer.response.optionIds[0];
    if (scenarioId !== scenario.id || nodeId === undefined || choiceId === undefined) continue;
    const own = choices.get(answer.participantId) ?? new Map<string, string>();
    own.set(nodeId, choiceId);
    choices.set(answer.participantId, own);
  }
  const paths = [...choices.values()].flatMap((own) => {
    const path: string[] = [];
    for (let at = nextDecision(scenario, scenario.start); at; ) {
      if (at.kind === 'ending') return [path];
      if (at.kind !== 'decision' || path.length > scenario.nodes.length) return [];
      const chosen = at.choices.find((c) => c.id === own.get(at?.id ?? ''));
      if (!chosen) return [];
      path.push(`${at.id}:${chosen.id}`);
      at = nextDecision(scenario, chosen.next);
    }
    return [];
  });
  const build = (key: string, at: Scenario['nodes'][number] | undefined, prefix: string[], depth: number): CountNode => {
    const here = paths.filter((p) => prefix.every((step, i) => p[i] === step));
    if (at?.kind !== 'decision' || depth > scenario.nodes.length) return node(key, here.length);
    return node(
      key,
      here.length,
      at.choices.map((c) => build(`${at.id}:${c.id}`, nextDecision(scenario, c.next), [...prefix, `${at.id}:${c.id}`], depth + 1)),
    );
  };
  return build('', nextDecision(scenario, scenario.start), [], 0);
}

/**
 * A subject's exact tally: one tree, or for a "tick all that apply" question one tree per option
 * (everyone, split into those who ticked it and those who didn't). Empty for an unknown subject.
 */
export function exactTally(subject: TallySubject, structure: ModuleStructure, answers: readonly ClassAnswer[]): CountNode[] {
  if (subject.kind === 'story') {
    const scenario = structure.scenarios.find((s) => s.id === subject.scenarioId);
    return scenario ? [storyTree(scenario, answers)] : [];
  }
  const answered = answers.filter((a) => a.phase === subject.phase && a.itemId === subject.itemId);
  const given = answered.map((a) => a.response);
  const item = structure.items.find((i) => i.id === subject.itemId);
  if (item) {
    // Tick-all questions are counted one option at a time, and a wrong answer is no one option:
    // how sure the wrong were is split only where a wrong answer is a cell of the tree.
    const splitSure = item.askConfidence;
    if (item.kind === 'ordering') {
      const right = item.options.map((o) => o.id).join(',');
      const correct = given.filter((r) => r.kind === 'order' && r.optionIds.join(',') === right).length;
      const other = answered.filter(({ response: r }) => !(r.kind === 'order' && r.optionIds.join(',') === right));
      return [node('', given.length, [node('right', correct), splitSure ? wrongCell('other', other) : node('other', other.length)])];
    }
    return item.kind === 'multiple' ? optionSplits(item.options, given) : optionCounts(item.options, answered, splitSure);
  }
  const fact = structure.facts.find((f) => f.id === subject.itemId);
  if (fact) {
    const { guess } = fact;
    if (guess.kind === 'choice') return optionCounts(guess.options, answered);
    // Close, or further off in one of four bins (guessBin): one tree, so the spread and the
    // right/other split are disclosed together and no bin is a subtraction away from "other".
    const bins = given.flatMap((r) => (r.kind === 'number' ? [guessBin(guess.answer, r.value)] : []));
    const close = bins.filter((b) => b === 'right').length;
    const off = GUESS_BINS.map((bin) => node(bin, bins.filter((b) => b === bin).length));
    return [node('', given.length, [node('right', close), node('other', given.length - close, off)])];
  }
  if (structure.attitudeItems.some((a) => a.id === subject.itemId)) {
    const points = [1, 2, 3, 4, 5, null].map((value) =>
      node(value === null ? 'skip' : String(value), given.filter((r) => r.kind === 'scale' && r.value === value).length),
    );
    return [node('', points.reduce((sum, p) => sum + p.count, 0), points)];
  }
  return [];
}
