/**
 * How a class answered one step, for the projector's reveal and the phones' "what your class
 * chose": raw counts per option or scale point. Pure; disclosure control is applied to the
 * result before it leaves the server (`discloseTally` in class-tally-disclosure.ts).
 */
import type { AnswerResponse } from '@/lib/api/schemas';
import type { ModuleStructure, Phase } from '@/lib/content/schema';
import { isCloseGuess } from './correctness';
import type { JourneyStep } from './journey';
import { PLAN_ITEM_ID } from './scoring';

/** Knowledge may be shown exactly and live; attitudes and scenario choices are sensitive (DESIGN.md). */
export type TallySensitivity = 'knowledge' | 'sensitive';

export type StepTally =
  | {
      kind: 'options';
      itemId: string;
      sensitivity: TallySensitivity;
      /** Single-answer questions: the option counts add up to the respondents. */
      additive: boolean;
      respondents: number;
      options: { id: string; count: number; correct: boolean | null }[];
    }
  | { kind: 'order'; itemId: string; sensitivity: 'knowledge'; respondents: number; correct: number }
  | { kind: 'number'; itemId: string; sensitivity: 'knowledge'; respondents: number; close: number }
  | {
      kind: 'scale';
      itemId: string;
      sensitivity: 'sensitive';
      respondents: number;
      /** 1 strongly disagree … 5 strongly agree, then null for "prefer not to say". */
      points: { value: number | null; count: number }[];
    };

export interface TallyResponse {
  itemId: string;
  phase: string;
  response: AnswerResponse;
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
        .map((node) => ({ phase: 'main' as const, itemId: `${step.scenarioId}/${node.id}` }));
    }
    default:
      return [];
  }
}

/** How many of the given answers chose each option; a student counts once per option. */
function optionsTally(
  itemId: string,
  sensitivity: TallySensitivity,
  additive: boolean,
  options: readonly { id: string; correct?: boolean }[],
  given: readonly AnswerResponse[],
): StepTally {
  const counts = new Map(options.map((o) => [o.id, 0]));
  for (const response of given) {
    if (response.kind !== 'choice') continue;
    for (const id of new Set(response.optionIds)) if (counts.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return {
    kind: 'options',
    itemId,
    sensitivity,
    additive,
    respondents: given.length,
    options: options.map((o) => ({ id: o.id, count: counts.get(o.id) ?? 0, correct: o.correct ?? null })),
  };
}

/** One tally per thing the step asks; empty for steps that ask nothing (sections, intro, summary). */
export function tallyStep(step: JourneyStep, structure: ModuleStructure, responses: readonly TallyResponse[]): StepTally[] {
  const answersTo = (phase: string, itemId: string) =>
    responses.filter((r) => r.phase === phase && r.itemId === itemId).map((r) => r.response);

  switch (step.kind) {
    case 'item': {
      const item = structure.items.find((i) => i.id === step.itemId);
      if (!item) return [];
      const given = answersTo(step.phase, item.id);
      if (item.kind === 'ordering') {
        const correctOrder = item.options.map((o) => o.id).join(',');
        const correct = given.filter((r) => r.kind === 'order' && r.optionIds.join(',') === correctOrder).length;
        return [{ kind: 'order', itemId: item.id, sensitivity: 'knowledge', respondents: given.length, correct }];
      }
      return [optionsTally(item.id, 'knowledge', item.kind !== 'multiple', item.options, given)];
    }
    case 'fact': {
      const fact = structure.facts.find((f) => f.id === step.factId);
      if (!fact) return [];
      const given = answersTo('main', fact.id);
      const { guess } = fact;
      if (guess.kind === 'number') {
        const close = given.filter((r) => r.kind === 'number' && isCloseGuess(guess.answer, r.value)).length;
        return [{ kind: 'number', itemId: fact.id, sensitivity: 'knowledge', respondents: given.length, close }];
      }
      return [optionsTally(fact.id, 'knowledge', true, guess.options, given)];
    }
    case 'attitude': {
      const given = answersTo(step.phase, step.itemId);
      const points = [1, 2, 3, 4, 5, null].map((value) => ({
        value,
        count: given.filter((r) => r.kind === 'scale' && r.value === value).length,
      }));
      return [{ kind: 'scale', itemId: step.itemId, sensitivity: 'sensitive', respondents: given.length, points }];
    }
    case 'scenario': {
      const scenario = structure.scenarios.find((s) => s.id === step.scenarioId);
      if (!scenario) return [];
      return scenario.nodes.flatMap((node): StepTally[] => {
        if (node.kind !== 'decision') return [];
        const itemId = `${scenario.id}/${node.id}`;
        // Story choices have no right answer.
        const choices = node.choices.map((c) => ({ id: c.id }));
        return [optionsTally(itemId, 'sensitive', true, choices, answersTo('main', itemId))];
      });
    }
    default:
      return [];
  }
}
