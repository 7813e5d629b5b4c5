/**
 * What an answer refers to in a module, whether it fits, and whether it is right. Pure: the
 * module structure comes in as an argument, nothing is read or written here.
 */
import type { AnswerResponse } from '@/lib/api/schemas';
import { isCloseGuess, isCorrectAnswer } from './correctness';
import { isOrderOf } from './shuffle';
import type {
  AttitudeItem,
  Fact,
  Item,
  ModuleStructure,
  Phase,
  Plan,
  Scenario,
  ScenarioNode,
} from '@/lib/content/schema';

type DecisionNode = Extract<ScenarioNode, { kind: 'decision' }>;

/** The thing an answer's `itemId` names. */
export type AnswerTarget =
  | { kind: 'fact'; fact: Fact }
  | { kind: 'item'; item: Item }
  | { kind: 'attitude'; item: AttitudeItem }
  | { kind: 'scenario'; scenario: Scenario; node: DecisionNode }
  | { kind: 'plan'; plans: readonly Plan[] };

export const PLAN_ITEM_ID = 'plan';
const FACT_ITEM_ID = /^F[1-9]$/;

/**
 * `F1`… a fact guess; `scenario/node` a decision in a scenario; `plan` the if–then plan;
 * anything else a knowledge item, then an attitude item. Null when nothing matches.
 */
export function resolveAnswerTarget(structure: ModuleStructure, itemId: string): AnswerTarget | null {
  if (itemId === PLAN_ITEM_ID) return { kind: 'plan', plans: structure.plans };
  if (FACT_ITEM_ID.test(itemId)) {
    const fact = structure.facts.find((f) => f.id === itemId);
    return fact ? { kind: 'fact', fact } : null;
  }
  const slash = itemId.indexOf('/');
  if (slash !== -1) {
    const scenarioId = itemId.slice(0, slash);
    const nodeId = itemId.slice(slash + 1);
    const scenario = structure.scenarios.find((s) => s.id === scenarioId);
    const node = scenario?.nodes.find((n) => n.id === nodeId);
    // Scenes and endings are passed through, not answered.
    return scenario && node?.kind === 'decision' ? { kind: 'scenario', scenario, node } : null;
  }
  const item = structure.items.find((i) => i.id === itemId);
  if (item) return { kind: 'item', item };
  const attitude = structure.attitudeItems.find((a) => a.id === itemId);
  return attitude ? { kind: 'attitude', item: attitude } : null;
}

export const RESPONSE_PROBLEMS = [
  'unknown_item',
  'wrong_phase',
  'wrong_kind',
  'not_single',
  'unknown_option',
  'repeated_option',
  'bad_order',
  'out_of_range',
  'unknown_plan',
  'bad_shown_order',
  'not_replayable',
  // The answer's time, corrected for the device's clock (lib/domain/answer-time.ts).
  'answered_before_open',
  'answered_in_future',
] as const;
export type ResponseProblem = (typeof RESPONSE_PROBLEMS)[number];

export type ResponseCheck = { ok: true } | { ok: false; problem: ResponseProblem };

const ok: ResponseCheck = { ok: true };
const problem = (p: ResponseProblem): ResponseCheck => ({ ok: false, problem: p });

/**
 * Facts, scenarios and the plan happen once, in the main part of the journey. A retired
 * attitude item (no phases: decision note 014) still takes the before and after answers a phone
 * on an earlier content version sends late, so its queue is not refused as a whole.
 */
export function phasesOf(target: AnswerTarget): readonly Phase[] {
  if (target.kind === 'attitude' && target.item.phases.length === 0) return ['before', 'after'];
  return target.kind === 'item' || target.kind === 'attitude' ? target.item.phases : ['main'];
}

/** The response kind each target takes. */
function expectedKind(target: AnswerTarget): AnswerResponse['kind'] {
  switch (target.kind) {
    case 'fact':
      return target.fact.guess.kind;
    case 'item':
      return target.item.kind === 'ordering' ? 'order' : 'choice';
    case 'attitude':
      return 'scale';
    case 'scenario':
      return 'choice';
    case 'plan':
      return 'plan';
  }
}

/** The option ids a choice or order response may use, in the content's order. */
function optionIdsOf(target: AnswerTarget): readonly string[] {
  switch (target.kind) {
    case 'fact':
      return target.fact.guess.kind === 'choice' ? target.fact.guess.options.map((o) => o.id) : [];
    case 'item':
      return target.item.options.map((o) => o.id);
    case 'scenario':
      return target.node.choices.map((c) => c.id);
    case 'attitude':
    case 'plan':
      return [];
  }
}

/** Only a multiple-choice item takes more than one option. */
function takesOneOption(target: AnswerTarget): boolean {
  return !(target.kind === 'item' && target.item.kind === 'multiple');
}

const hasRepeats = (ids: readonly string[]) => new Set(ids).size !== ids.length;

/**
 * Whether a response fits its target in a phase: the checks the schema can't make because
 * they need the content. `target` null (nothing by that id) is `unknown_item`.
 */
export function checkResponse(target: AnswerTarget | null, response: AnswerResponse, phase: Phase): ResponseCheck {
  if (target === null) return problem('unknown_item');
  if (!phasesOf(target).includes(phase)) return problem('wrong_phase');
  if (response.kind !== expectedKind(target)) return problem('wrong_kind');

  switch (response.kind) {
    case 'choice': {
      const known = optionIdsOf(target);
      if (takesOneOption(target) && response.optionIds.length !== 1) return problem('not_single');
      if (!response.optionIds.every((id) => known.includes(id))) return problem('unknown_option');
      return hasRepeats(response.optionIds) ? problem('repeated_option') : ok;
    }
    case 'order': {
      const known = optionIdsOf(target);
      if (!response.optionIds.every((id) => known.includes(id))) return problem('unknown_option');
      // A permutation: every option once, none left out.
      const isPermutation = response.optionIds.length === known.length && !hasRepeats(response.optionIds);
      return isPermutation ? ok : problem('bad_order');
    }
    case 'number': {
      if (target.kind !== 'fact' || target.fact.guess.kind !== 'number') return problem('wrong_kind');
      const { min, max } = target.fact.guess;
      return response.value >= min && response.value <= max ? ok : problem('out_of_range');
    }
    case 'scale':
      // 1–5 or null ("prefer not to say") is already enforced by the request schema.
      return ok;
    case 'plan': {
      if (target.kind !== 'plan') return problem('wrong_kind');
      const known = target.plans.map((p) => p.id);
      if (!response.planIds.every((id) => known.includes(id))) return problem('unknown_plan');
      return hasRepeats(response.planIds) ? problem('repeated_option') : ok;
    }
  }
}

/**
 * The order the device says it showed the options in: every option of the question, each once
 * (lib/domain/shuffle.ts). Absent is fine: true/false and older devices send none.
 */
export function checkShownOrder(target: AnswerTarget, shownOrder: readonly string[] | undefined): ResponseCheck {
  if (shownOrder === undefined) return ok;
  return isOrderOf(shownOrder, optionIdsOf(target)) ? ok : problem('bad_shown_order');
}

/** Only a story decision can be taken again after its ending ("try the other choice"). */
export function checkReplay(target: AnswerTarget, replay: boolean | undefined): ResponseCheck {
  return replay === true && target.kind !== 'scenario' ? problem('not_replayable') : ok;
}

/**
 * True or false for anything with a right answer (knowledge items, fact guesses); null for
 * attitudes, scenario choices and plans, which have none. Meant for responses that passed
 * `checkResponse`; a response of the wrong kind is simply not right.
 */
export function scoreResponse(target: AnswerTarget, response: AnswerResponse): boolean | null {
  switch (target.kind) {
    case 'attitude':
    case 'scenario':
    case 'plan':
      return null;
    case 'fact': {
      const guess = target.fact.guess;
      if (guess.kind === 'number') return response.kind === 'number' && isCloseGuess(guess.answer, response.value);
      // A choice guess scores like a single-choice item: one option, the correct one.
      return isCorrectAnswer({ kind: 'single', options: guess.options }, response);
    }
    case 'item':
      // The same function gives the phone its instant feedback, so the two never disagree.
      return isCorrectAnswer(target.item, response);
  }
}
