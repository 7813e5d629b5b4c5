import { describe, expect, it } from 'vitest';
import type { AnswerResponse } from '@/lib/api/schemas';
import { stepAnswerItems, tallyStep, type TallyResponse } from '@/lib/domain/class-tally';
import { discloseTally } from '@/lib/domain/class-tally-disclosure';
import { sessionJourney } from '@/lib/domain/session-journey';
import { testStructure } from './test-module';

const choice = (...optionIds: string[]): AnswerResponse => ({ kind: 'choice', optionIds });
const answersTo = (itemId: string, phase: string, responses: AnswerResponse[]): TallyResponse[] => responses.map((response) => ({ itemId, phase, response }));

describe('class tallies', () => {
  it('counts a knowledge item exactly, even for one or two students', () => {
    const step = { kind: 'item', itemId: 'q-single', phase: 'main', section: 'quiz' } as const;
    const [tally] = tallyStep(step, testStructure, answersTo('q-single', 'main', [choice('right'), choice('wrong'), choice('right')]));
    expect(tally).toEqual({
      kind: 'options',
      itemId: 'q-single',
      sensitivity: 'knowledge',
      additive: true,
      respondents: 3,
      options: [
        { id: 'right', count: 2, correct: true },
        { id: 'wrong', count: 1, correct: false },
        { id: 'also-wrong', count: 0, correct: false },
      ],
    });
    // Knowledge may be shown live: 1 stays 1.
    const shown = tally && discloseTally(tally);
    expect(shown?.kind === 'options' && shown.options.map((o) => o.count)).toEqual([
      { kind: 'count', value: 2 },
      { kind: 'count', value: 1 },
      { kind: 'count', value: 0 },
    ]);
  });

  it('ignores answers to other items and phases', () => {
    const step = { kind: 'item', itemId: 'q-single', phase: 'after', section: 'after' } as const;
    const responses = [...answersTo('q-single', 'main', [choice('right')]), ...answersTo('q-tf', 'after', [choice('true')])];
    expect(tallyStep(step, testStructure, responses)[0]?.respondents).toBe(0);
  });

  it('hides a scenario decision until 5 answered, then shows small groups as "fewer than 5"', () => {
    const step = { kind: 'scenario', scenarioId: 'party', section: 'scenarios' } as const;
    const four = answersTo('party/offer', 'main', [choice('accept'), choice('decline'), choice('decline'), choice('decline')]);
    const [few] = tallyStep(step, testStructure, four);
    expect(few && discloseTally(few)).toEqual({ kind: 'hidden', itemId: 'party/offer', k: 5 });

    const nine = answersTo('party/offer', 'main', [...Array(7).fill(choice('decline')), choice('accept'), choice('accept')]);
    const [some] = tallyStep(step, testStructure, nine);
    const shown = some && discloseTally(some);
    expect(shown).toMatchObject({
      kind: 'options',
      options: [
        { id: 'accept', count: { kind: 'fewer-than', k: 5 } },
        { id: 'decline', count: { kind: 'count', value: 7 } },
      ],
    });
    // 9 − 7 would give the 2 away: the total is withheld.
    expect(shown?.kind === 'options' && shown.respondents).toEqual({ kind: 'withheld' });
  });

  it('tallies an attitude item on its five points and "prefer not to say"', () => {
    const step = { kind: 'attitude', itemId: 'a-speed', phase: 'before', section: 'before' } as const;
    const scale = (value: number | null): AnswerResponse => ({ kind: 'scale', value });
    const [tally] = tallyStep(step, testStructure, answersTo('a-speed', 'before', [scale(1), scale(1), scale(5), scale(null), scale(4), scale(4)]));
    expect(tally?.kind === 'scale' && tally.points.map((p) => p.count)).toEqual([2, 0, 0, 2, 1, 1]);
    expect(tally?.sensitivity).toBe('sensitive');
  });

  it('knows which answers each step records, and which one means a student finished', () => {
    const journey = sessionJourney(testStructure, { beforeAfter: true });
    const scenario = journey.steps.find((s) => s.kind === 'scenario');
    expect(scenario && stepAnswerItems(scenario, testStructure)).toEqual([{ phase: 'main', itemId: 'party/offer' }]);
    // The after wave asks the attitude items, then the knowledge items: the last of those ends it.
    const lastAfter = testStructure.items.filter((i) => i.phases.includes('after')).at(-1)?.id ?? testStructure.attitudeItems.at(-1)?.id;
    expect(journey.finishKey).toEqual({ phase: 'after', itemId: lastAfter });
    expect(sessionJourney(testStructure, { beforeAfter: false }).finishKey).toEqual({ phase: 'main', itemId: 'plan' });
    // A follow-up ends with its last retrieval item.
    const lastFollowUp = testStructure.items.filter((i) => i.phases.includes('followup')).at(-1)?.id;
    expect(sessionJourney(testStructure, { followUp: true }).finishKey).toEqual({ phase: 'followup', itemId: lastFollowUp });
  });
});
