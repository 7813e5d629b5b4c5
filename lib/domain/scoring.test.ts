import { describe, expect, it } from 'vitest';
import type { AnswerResponse } from '@/lib/api/schemas';
import type { Phase } from '@/lib/content/schema';
import { testStructure } from '@/tests/unit/test-module';
import {
  checkResponse,
  resolveAnswerTarget,
  scoreResponse,
  type AnswerTarget,
  type ResponseProblem,
} from './scoring';

const target = (itemId: string): AnswerTarget => {
  const resolved = resolveAnswerTarget(testStructure, itemId);
  if (resolved === null) throw new Error(`test module has no ${itemId}`);
  return resolved;
};

const choice = (...optionIds: string[]): AnswerResponse => ({ kind: 'choice', optionIds });
const order = (...optionIds: string[]): AnswerResponse => ({ kind: 'order', optionIds });
const number = (value: number): AnswerResponse => ({ kind: 'number', value });
const scale = (value: number | null): AnswerResponse => ({ kind: 'scale', value });
const plan = (planIds: string[], ownPlanCount = 0): AnswerResponse => ({ kind: 'plan', planIds, ownPlanCount });

describe('resolveAnswerTarget', () => {
  it.each([
    ['F1', 'fact'],
    ['F2', 'fact'],
    ['q-single', 'item'],
    ['q-order', 'item'],
    ['a-speed', 'attitude'],
    ['party/offer', 'scenario'],
    ['plan', 'plan'],
  ])('%s is a %s', (itemId, kind) => {
    expect(resolveAnswerTarget(testStructure, itemId)?.kind).toBe(kind);
  });

  it('returns the very content it names', () => {
    expect(target('F2')).toEqual({ kind: 'fact', fact: testStructure.facts[1] });
    expect(target('a-speed')).toEqual({ kind: 'attitude', item: testStructure.attitudeItems[0] });
    expect(target('party/offer')).toEqual({
      kind: 'scenario',
      scenario: testStructure.scenarios[0],
      node: testStructure.scenarios[0]?.nodes[1],
    });
    expect(target('plan')).toEqual({ kind: 'plan', plans: testStructure.plans });
  });

  it.each([
    ['F9', 'a fact the module lacks'],
    ['q-none', 'an unknown item'],
    ['party/intro', 'a scene, which is not answered'],
    ['party/end-safe', 'an ending'],
    ['party/nope', 'an unknown node'],
    ['nope/offer', 'an unknown scenario'],
    ['offer', 'a decision node without its scenario'],
  ])('%s is null: %s', (itemId) => {
    expect(resolveAnswerTarget(testStructure, itemId)).toBeNull();
  });
});

describe('checkResponse', () => {
  const cases: [string, string, AnswerResponse, Phase, ResponseProblem | 'ok'][] = [
    // phases
    ['a fact guess outside main', 'F1', number(4), 'before', 'wrong_phase'],
    ['a scenario choice outside main', 'party/offer', choice('accept'), 'after', 'wrong_phase'],
    ['the plan outside main', 'plan', plan(['plan-call']), 'followup', 'wrong_phase'],
    ['an item in a phase it lacks', 'q-multi', choice('a', 'b'), 'before', 'wrong_phase'],
    ['an attitude item in main', 'a-speed', scale(3), 'main', 'wrong_phase'],
    ['an item in one of its phases', 'q-order', order('first', 'second', 'third'), 'followup', 'ok'],
    ['an attitude item before', 'a-speed', scale(2), 'before', 'ok'],
    // kinds
    ['a scale answer to a quiz item', 'q-single', scale(3), 'main', 'wrong_kind'],
    ['a choice to a number guess', 'F1', choice('one-in-five'), 'main', 'wrong_kind'],
    ['a number to a choice guess', 'F2', number(1), 'main', 'wrong_kind'],
    ['an order to a single-choice item', 'q-single', order('right', 'wrong'), 'main', 'wrong_kind'],
    ['a choice to an ordering item', 'q-order', choice('first'), 'main', 'wrong_kind'],
    ['a plan to a quiz item', 'q-single', plan(['plan-call']), 'main', 'wrong_kind'],
    ['a choice to the plan', 'plan', choice('plan-call'), 'main', 'wrong_kind'],
    ['a choice to an attitude item', 'a-speed', choice('right'), 'before', 'wrong_kind'],
    ['a number to a scenario decision', 'party/offer', number(1), 'main', 'wrong_kind'],
    // one option
    ['two options to a single-choice item', 'q-single', choice('right', 'wrong'), 'main', 'not_single'],
    ['both to a true/false item', 'q-tf', choice('true', 'false'), 'main', 'not_single'],
    ['two options to a fact choice', 'F2', choice('one-in-five', 'one-in-fifty'), 'main', 'not_single'],
    ['two choices in a scenario', 'party/offer', choice('accept', 'decline'), 'main', 'not_single'],
    ['one option to a multiple-choice item', 'q-multi', choice('c'), 'main', 'ok'],
    // options
    ['an unknown option', 'q-single', choice('zzz'), 'main', 'unknown_option'],
    ['an unknown option among known', 'q-multi', choice('a', 'zzz'), 'main', 'unknown_option'],
    ['an unknown scenario choice', 'party/offer', choice('zzz'), 'main', 'unknown_option'],
    ['an unknown fact option', 'F2', choice('zzz'), 'main', 'unknown_option'],
    ['an unknown option in an order', 'q-order', order('first', 'second', 'zzz'), 'main', 'unknown_option'],
    ['an option chosen twice', 'q-multi', choice('a', 'a'), 'main', 'repeated_option'],
    ['a known scenario choice', 'party/offer', choice('decline'), 'main', 'ok'],
    ['a known fact option', 'F2', choice('one-in-fifty'), 'main', 'ok'],
    // orders
    ['an order leaving one out', 'q-order', order('first', 'second'), 'main', 'bad_order'],
    ['an order repeating one', 'q-order', order('first', 'first', 'second'), 'main', 'bad_order'],
    ['a wrong but complete order', 'q-order', order('third', 'first', 'second'), 'main', 'ok'],
    // numbers
    ['a guess below the minimum', 'F1', number(-1), 'main', 'out_of_range'],
    ['a guess above the maximum', 'F1', number(10.5), 'main', 'out_of_range'],
    ['a guess at the minimum', 'F1', number(0), 'main', 'ok'],
    ['a guess at the maximum', 'F1', number(10), 'main', 'ok'],
    // scales
    ['"prefer not to say"', 'a-speed', scale(null), 'after', 'ok'],
    // plans
    ['an unknown plan', 'plan', plan(['plan-call', 'nope']), 'main', 'unknown_plan'],
    ['a plan picked twice', 'plan', plan(['plan-call', 'plan-call']), 'main', 'repeated_option'],
    ['only own plans', 'plan', plan([], 2), 'main', 'ok'],
    ['both plans', 'plan', plan(['plan-speak', 'plan-call']), 'main', 'ok'],
  ];

  it.each(cases)('%s (%s): %s', (_name, itemId, response, phase, expected) => {
    const result = checkResponse(target(itemId), response, phase);
    expect(result).toEqual(expected === 'ok' ? { ok: true } : { ok: false, problem: expected });
  });

  it('takes a late before or after answer to a retired attitude item (no phases), and nothing else', () => {
    const live = target('a-speed');
    if (live.kind !== 'attitude') throw new Error('a-speed is not an attitude item');
    const retired: AnswerTarget = { kind: 'attitude', item: { ...live.item, phases: [] } };
    expect(checkResponse(retired, scale(2), 'before')).toEqual({ ok: true });
    expect(checkResponse(retired, scale(4), 'after')).toEqual({ ok: true });
    expect(checkResponse(retired, scale(4), 'followup')).toEqual({ ok: false, problem: 'wrong_phase' });
  });

  it('reports unknown_item when nothing has the id', () => {
    expect(checkResponse(null, choice('right'), 'main')).toEqual({ ok: false, problem: 'unknown_item' });
  });
});

describe('scoreResponse', () => {
  it.each<[string, string, AnswerResponse, boolean]>([
    ['single: the correct option', 'q-single', choice('right'), true],
    ['single: a wrong option', 'q-single', choice('wrong'), false],
    ['true/false: the correct one', 'q-tf', choice('false'), true],
    ['true/false: the wrong one', 'q-tf', choice('true'), false],
    ['multiple: exactly the correct set, any order', 'q-multi', choice('b', 'a'), true],
    ['multiple: half the correct set', 'q-multi', choice('a'), false],
    ['multiple: the correct set and a wrong one', 'q-multi', choice('a', 'b', 'c'), false],
    ['multiple: only the wrong one', 'q-multi', choice('c'), false],
    ['ordering: the exact order', 'q-order', order('first', 'second', 'third'), true],
    ['ordering: two swapped', 'q-order', order('second', 'first', 'third'), false],
    ['fact choice: the correct option', 'F2', choice('one-in-five'), true],
    ['fact choice: a wrong option', 'F2', choice('one-in-fifty'), false],
    ['number: exactly the answer', 'F1', number(4), true],
    ['number: 25% under', 'F1', number(3), true],
    ['number: 25% over', 'F1', number(5), true],
    ['number: just beyond 25% under', 'F1', number(2.9), false],
    ['number: just beyond 25% over', 'F1', number(5.1), false],
    ['a response of the wrong kind', 'q-single', scale(3), false],
    ['a number response to a choice guess', 'F2', number(1), false],
    ['a choice response to a number guess', 'F1', choice('one-in-five'), false],
  ])('%s → %s', (_name, itemId, response, expected) => {
    expect(scoreResponse(target(itemId), response)).toBe(expected);
  });

  it('counts a number guess within 25% of the answer as close, and no further', () => {
    const three: AnswerTarget = {
      kind: 'fact',
      fact: { id: 'F2', sources: ['src'], guess: { kind: 'number', min: 0, max: 10, step: 0.05, start: 1, answer: 3 } },
    };
    expect(scoreResponse(three, number(3.75))).toBe(true);
    expect(scoreResponse(three, number(2.25))).toBe(true);
    expect(scoreResponse(three, number(3.8))).toBe(false);
    expect(scoreResponse(three, number(2.2))).toBe(false);
  });

  it('scores a guess at an answer of 0 only when it is exactly 0', () => {
    const zero: AnswerTarget = {
      kind: 'fact',
      fact: { id: 'F3', sources: ['src'], guess: { kind: 'number', min: -5, max: 5, step: 1, start: 1, answer: 0 } },
    };
    expect(scoreResponse(zero, number(0))).toBe(true);
    expect(scoreResponse(zero, number(0.1))).toBe(false);
    expect(scoreResponse(zero, number(-0.1))).toBe(false);
  });

  it.each<[string, AnswerResponse]>([
    ['a-speed', scale(5)],
    ['a-speed', scale(null)],
    ['party/offer', choice('accept')],
    ['plan', plan(['plan-call'], 1)],
  ])('%s has no right answer: null', (itemId, response) => {
    expect(scoreResponse(target(itemId), response)).toBeNull();
  });
});
