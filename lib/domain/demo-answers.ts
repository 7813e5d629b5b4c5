/**
 * One synthetic student's answers for the demo data set (demo-data.ts). The effects are
 * plausible, not measured: knowledge and intentions improve from before to after; attitudes
 * other than intentions start near the top of the scale (a ceiling effect); a few
 * misconceptions persist after teaching, often held with confidence; riskier classes choose
 * the risky option in stories more often. Options are shown in the device's own order, as the
 * player shows them (shuffle.ts), and some students who don't know a single-choice answer take
 * the first wrong option they see, so officers' position check has a primacy effect to find.
 * Every answer fits the content (`checkResponse`, `checkShownOrder`) and is scored with the
 * server's own `scoreResponse`. Pure: randomness comes in.
 */
import type { AnswerResponse } from '@/lib/api/schemas';
import type { AttitudeItem, Fact, Item, ModuleStructure, Phase, Scenario } from '@/lib/content/schema';
import type { JourneyStep } from './journey';
import { resolveAnswerTarget, scoreResponse, PLAN_ITEM_ID } from './scoring';
import type { SeededRandom } from './seeded-random';
import { deviceOptionOrder } from './shuffle';

/** Of the students who get a single-choice question wrong, the share who take the first wrong option shown. */
const FIRST_SHOWN_GUESSERS = 0.3;

/** Misconceptions that teaching barely shifts in the demo data, so reports have some to show. */
export const PERSISTENT_MISCONCEPTIONS = ['hands-free-is-safe', 'morning-after-is-safe', 'risk-stays-the-same'] as const;

/** A student's lasting traits, kept when the same device comes back for a follow-up. */
export interface DemoStudent {
  /** Knowledge, on a logit scale around 0. */
  ability: number;
  /** Leaning towards risky choices in stories; the class's own leaning is added in. */
  riskiness: number;
  /** Leaning towards safe attitudes and intentions. */
  safety: number;
  /** Often answers "prefer not to say". */
  reticent: boolean;
}

export interface DemoAnswer {
  id: string;
  itemId: string;
  phase: Phase;
  response: AnswerResponse;
  correct: boolean | null;
  confidence: number | null;
  /** The order the device showed the options in; null where nothing is shuffled. */
  shownOrder: string[] | null;
  answeredAt: Date;
}

export function demoStudent(random: SeededRandom, classRiskiness: number): DemoStudent {
  return {
    ability: random.normal(0, 1),
    riskiness: random.normal(classRiskiness, 1),
    safety: random.normal(0, 0.8),
    reticent: random.chance(0.04),
  };
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

/** Logit shift of knowledge per phase: taught in the main part, partly forgotten by the follow-up. */
const PHASE_LEARNING: Record<Phase, number> = { before: -0.4, main: 0.3, after: 1.3, followup: 0.8 };

function isPersistent(item: Item): boolean {
  const misconceptions =
    item.kind === 'ordering' ? [item.misconception] : item.options.map((o) => ('misconception' in o ? o.misconception : undefined));
  return misconceptions.some((m) => (PERSISTENT_MISCONCEPTIONS as readonly (string | undefined)[]).includes(m));
}

function itemResponse(random: SeededRandom, item: Item, student: DemoStudent, phase: Phase, shownOrder: readonly string[] | null): AnswerResponse {
  const persistent = isPersistent(item);
  const difficulty = item.kind === 'ordering' ? -0.2 : item.kind === 'multiple' ? 0 : 0.6;
  const learning = persistent ? PHASE_LEARNING[phase] * 0.15 - 1.1 : PHASE_LEARNING[phase];
  const right = random.chance(sigmoid(difficulty + learning + student.ability));
  if (item.kind === 'ordering') {
    const order = item.options.map((o) => o.id);
    if (!right) {
      const at = random.int(0, order.length - 2);
      [order[at], order[at + 1]] = [order[at + 1] as string, order[at] as string];
    }
    return { kind: 'order', optionIds: order };
  }
  const correctIds = item.options.filter((o) => o.correct).map((o) => o.id);
  const wrong = item.options.filter((o) => !o.correct);
  if (item.kind === 'multiple') {
    if (right) return { kind: 'choice', optionIds: random.sample(correctIds, correctIds.length) };
    // Misses one right option, adds one wrong one, or both.
    const keep = random.chance(0.5) ? random.sample(correctIds, correctIds.length - 1) : [...correctIds];
    const add = keep.length === correctIds.length || random.chance(0.4) ? [random.pick(wrong).id] : [];
    return { kind: 'choice', optionIds: [...keep, ...add] };
  }
  if (right) return { kind: 'choice', optionIds: correctIds.slice(0, 1) };
  const firstWrongShown = shownOrder?.find((id) => wrong.some((o) => o.id === id));
  if (firstWrongShown !== undefined && random.chance(FIRST_SHOWN_GUESSERS)) return { kind: 'choice', optionIds: [firstWrongShown] };
  // A persistent misconception draws most of the wrong answers to itself.
  const weighted = wrong.flatMap((o) =>
    (PERSISTENT_MISCONCEPTIONS as readonly (string | undefined)[]).includes(o.misconception) ? [o, o, o, o] : [o],
  );
  return { kind: 'choice', optionIds: [random.pick(weighted).id] };
}

/** "How sure are you?": sure when right, mostly unsure when wrong, but sure of a persistent misconception. */
function confidenceFor(random: SeededRandom, correct: boolean, persistent: boolean): number {
  const weights = correct ? [0.15, 0.45, 0.4] : persistent ? [0.2, 0.35, 0.45] : [0.45, 0.35, 0.2];
  const draw = random.next();
  return draw < (weights[0] ?? 0) ? 1 : draw < (weights[0] ?? 0) + (weights[1] ?? 0) ? 2 : 3;
}

function factResponse(random: SeededRandom, fact: Fact, student: DemoStudent): AnswerResponse {
  const guess = fact.guess;
  if (guess.kind === 'choice') {
    const right = random.chance(sigmoid(-0.4 + student.ability));
    const options = guess.options.filter((o) => o.correct === right);
    return { kind: 'choice', optionIds: [random.pick(options.length > 0 ? options : guess.options).id] };
  }
  // Most people underestimate how much riskier young drivers are.
  const raw = guess.answer * Math.exp(random.normal(-0.3 + 0.1 * student.ability, 0.45));
  const stepped = guess.min + Math.round((raw - guess.min) / guess.step) * guess.step;
  return { kind: 'number', value: clamp(Number(stepped.toFixed(6)), guess.min, guess.max) };
}

/** Mean agreement (1–5) by construct and phase, before the student's own leaning. */
function attitudeMean(item: AttitudeItem, phase: Phase): number {
  if (item.reverse) return phase === 'before' ? 2.6 : phase === 'after' ? 2.0 : 2.2;
  if (item.construct === 'intention') return phase === 'before' ? 3.4 : phase === 'after' ? 4.1 : 3.9;
  // Norms, control and attitudes put the safe way: most agree already, so there is little room to grow.
  return phase === 'before' ? 4.35 : 4.5;
}

function attitudeResponse(random: SeededRandom, item: AttitudeItem, student: DemoStudent, phase: Phase): AnswerResponse {
  if (random.chance(student.reticent ? 0.4 : 0.03)) return { kind: 'scale', value: null };
  const leaning = (item.reverse ? -0.7 : 0.5) * (student.safety - 0.25 * student.riskiness);
  const value = Math.round(clamp(attitudeMean(item, phase) + leaning + random.normal(0, 0.6), 1, 5));
  return { kind: 'scale', value };
}

/** The decisions a student meets on one path through a story, with the choice made at each. */
function scenarioChoices(random: SeededRandom, scenario: Scenario, student: DemoStudent): { itemId: string; choiceId: string; choiceIds: string[] }[] {
  const choices: { itemId: string; choiceId: string; choiceIds: string[] }[] = [];
  let nodeId: string | undefined = scenario.start;
  // The content check guarantees every path ends; the bound only guards against a cycle.
  for (let hops = 0; nodeId !== undefined && hops < scenario.nodes.length; hops += 1) {
    const node = scenario.nodes.find((n) => n.id === nodeId);
    if (!node || node.kind === 'ending') break;
    if (node.kind === 'scene') {
      nodeId = node.next;
      continue;
    }
    const risky = random.chance(sigmoid(-1.4 + 0.9 * student.riskiness));
    const fitting = node.choices.filter((c) => c.risky === risky);
    const choice = random.pick(fitting.length > 0 ? fitting : node.choices);
    choices.push({ itemId: `${scenario.id}/${node.id}`, choiceId: choice.id, choiceIds: node.choices.map((c) => c.id) });
    nodeId = choice.next;
  }
  return choices;
}

function planResponse(random: SeededRandom, structure: ModuleStructure): AnswerResponse {
  const own = random.chance(0.8) ? 0 : random.chance(0.85) ? 1 : 2;
  const picked = random.sample(structure.plans, own > 0 && random.chance(0.3) ? 0 : random.int(1, 3));
  return { kind: 'plan', planIds: picked.map((p) => p.id), ownPlanCount: own };
}

export interface DemoStepAnswer {
  itemId: string;
  phase: Phase;
  response: AnswerResponse;
  askConfidence: boolean;
  shownOrder: string[] | null;
}

/**
 * What a step asks, answered by this student: none, one, or one per story decision. `orderSeed`
 * is the device's seed for shuffling options; the same device keeps it at a follow-up.
 */
export function answerStep(
  random: SeededRandom,
  structure: ModuleStructure,
  step: JourneyStep,
  student: DemoStudent,
  orderSeed: string,
): DemoStepAnswer[] {
  switch (step.kind) {
    case 'item': {
      const item = structure.items.find((i) => i.id === step.itemId);
      if (!item) return [];
      // As the player: single and multiple choice shuffled and recorded; true/false and ordering not.
      const shownOrder = item.kind === 'single' || item.kind === 'multiple' ? deviceOptionOrder(item.options.map((o) => o.id), orderSeed, item.id) : null;
      const response = itemResponse(random, item, student, step.phase, shownOrder);
      return [{ itemId: item.id, phase: step.phase, response, askConfidence: item.askConfidence, shownOrder }];
    }
    case 'attitude': {
      const item = structure.attitudeItems.find((a) => a.id === step.itemId);
      return item ? [{ itemId: item.id, phase: step.phase, response: attitudeResponse(random, item, student, step.phase), askConfidence: false, shownOrder: null }] : [];
    }
    case 'fact': {
      const fact = structure.facts.find((f) => f.id === step.factId);
      if (!fact) return [];
      const shownOrder = fact.guess.kind === 'choice' ? deviceOptionOrder(fact.guess.options.map((o) => o.id), orderSeed, fact.id) : null;
      return [{ itemId: fact.id, phase: 'main', response: factResponse(random, fact, student), askConfidence: false, shownOrder }];
    }
    case 'scenario': {
      const scenario = structure.scenarios.find((s) => s.id === step.scenarioId);
      return (scenario ? scenarioChoices(random, scenario, student) : []).map(({ itemId, choiceId, choiceIds }) => ({
        itemId,
        phase: 'main' as const,
        response: { kind: 'choice' as const, optionIds: [choiceId] },
        askConfidence: false,
        shownOrder: deviceOptionOrder(choiceIds, orderSeed, itemId),
      }));
    }
    case 'plan':
      return [{ itemId: PLAN_ITEM_ID, phase: 'main', response: planResponse(random, structure), askConfidence: false, shownOrder: null }];
    default:
      return [];
  }
}

/**
 * Scores an answer as the server does for one given under the current content version
 * (lib/server/answers.ts), and asks "how sure?" where the item does.
 */
export function scoredAnswer(
  random: SeededRandom,
  structure: ModuleStructure,
  answer: DemoStepAnswer,
  answeredAt: Date,
): DemoAnswer {
  const target = resolveAnswerTarget(structure, answer.itemId);
  const correct = target === null ? null : scoreResponse(target, answer.response);
  const item = target?.kind === 'item' ? target.item : null;
  const confidence =
    answer.askConfidence && item !== null && correct !== null ? confidenceFor(random, correct, isPersistent(item)) : null;
  return {
    id: random.uuid(),
    itemId: answer.itemId,
    phase: answer.phase,
    response: answer.response,
    correct,
    confidence,
    shownOrder: answer.shownOrder,
    answeredAt,
  };
}
