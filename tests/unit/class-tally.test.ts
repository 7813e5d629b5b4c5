import { describe, expect, it } from 'vitest';
import type { AnswerResponse } from '@/lib/api/schemas';
import { exactTally, stepAnswerItems, stepSubjects, storySubjectOf, type ClassAnswer, type TallySubject } from '@/lib/domain/class-tally';
import { discloseSubject } from '@/lib/domain/class-tally-disclosure';
import { advanceRelease } from '@/lib/domain/live-release';
import { sessionJourney } from '@/lib/domain/session-journey';
import { testStructure } from './test-module';

const choice = (...optionIds: string[]): AnswerResponse => ({ kind: 'choice', optionIds });
const answers = (itemId: string, phase: string, responses: AnswerResponse[], from = 0): ClassAnswer[] =>
  responses.map((response, i) => ({ participantId: `p${from + i}`, itemId, phase, response }));
const item = (itemId: string, phase: 'before' | 'main' | 'after' = 'main'): TallySubject => ({ kind: 'item', key: `item:${phase}:${itemId}`, phase, itemId });
const story: TallySubject = { kind: 'story', key: 'story:party', scenarioId: 'party' };
const rules = { k: 5, mayStart: true, firstAt: 5 };

/** The tables a subject shows once released now. */
function released(subject: TallySubject, given: ClassAnswer[]) {
  const step = advanceRelease(null, exactTally(subject, testStructure, given), rules);
  return discloseSubject(subject, testStructure, step.release, 5, { why: 'few', at: 5 });
}

describe('class tallies', () => {
  it('counts a question exactly, but shows no one and no small group: knowledge like everything else', () => {
    const given = answers('q-single', 'main', [choice('right'), choice('wrong'), choice('right')]);
    expect(exactTally(item('q-single'), testStructure, given)).toEqual([
      {
        key: '',
        count: 3,
        children: [
          { key: 'right', count: 2, children: [] },
          // It asks how sure: each wrong option splits into very sure and the rest (a detail split).
          { key: 'wrong', count: 1, detail: true, children: [{ key: 'very-sure', count: 0, children: [] }, { key: 'less-sure', count: 1, children: [] }] },
          { key: 'also-wrong', count: 0, detail: true, children: [{ key: 'very-sure', count: 0, children: [] }, { key: 'less-sure', count: 0, children: [] }] },
        ],
      },
    ]);
    // 3 answered: nothing is released, whatever kind of item it is.
    expect(released(item('q-single'), given)).toEqual([{ kind: 'waiting', itemId: 'q-single', k: 5, why: 'few', at: 5 }]);
  });

  it('releases how sure the wrong were with the answers: shown beside a wrong option, never on its own', () => {
    const sure = (response: AnswerResponse, confidence: number) => ({ response, confidence });
    const given: ClassAnswer[] = [
      ...Array.from({ length: 10 }, () => sure(choice('right'), 3)),
      ...Array.from({ length: 6 }, () => sure(choice('wrong'), 3)),
      ...Array.from({ length: 5 }, () => sure(choice('wrong'), 1)),
    ].map((a, i) => ({ participantId: `p${i}`, itemId: 'q-single', phase: 'main', ...a }));
    const [table] = released(item('q-single'), given);
    expect(table).toMatchObject({
      kind: 'options',
      options: [
        { id: 'right', count: { kind: 'count', value: 10 } },
        { id: 'wrong', count: { kind: 'count', value: 11 }, sure: { kind: 'count', value: 6 } },
        { id: 'also-wrong', count: { kind: 'fewer-than', k: 5 }, sure: { kind: 'fewer-than', k: 5 } },
      ],
    });
    // The right answer's students are not split: how sure the right were is no one's business here.
    expect(table?.kind === 'options' ? table.options[0] : null).not.toHaveProperty('sure');
  });

  it('ignores answers to other items and phases', () => {
    const given = [...answers('q-single', 'main', [choice('right')]), ...answers('q-tf', 'after', [choice('true')])];
    expect(exactTally(item('q-single', 'after'), testStructure, given)[0]?.count).toBe(0);
  });

  it('shows a group of 1 to 4 as "fewer than 5", and the cell beside it as the range the total gives away anyway', () => {
    const nine = answers('party/offer', 'main', [...Array<AnswerResponse>(7).fill(choice('decline')), choice('accept'), choice('accept')]);
    const [decision] = released(story, nine);
    expect(decision).toMatchObject({
      kind: 'options',
      itemId: 'party/offer',
      reached: { kind: 'range', from: 5, to: 9 },
      options: [
        { id: 'accept', count: { kind: 'fewer-than', k: 5 } },
        { id: 'decline', count: { kind: 'range', from: 5, to: 9 } },
      ],
    });
  });

  it('counts a story only for students who finished it, so every decision is a part of the one before', () => {
    const given: ClassAnswer[] = [
      ...answers('party/offer', 'main', Array<AnswerResponse>(6).fill(choice('decline'))),
      ...answers('party/offer', 'main', Array<AnswerResponse>(6).fill(choice('accept')), 6),
    ];
    expect(exactTally(story, testStructure, given)[0]?.children.map((c) => [c.key, c.count])).toEqual([
      ['offer:accept', 6],
      ['offer:decline', 6],
    ]);
    expect(storySubjectOf('party/offer', testStructure)).toEqual(story);
    expect(storySubjectOf('party/intro', testStructure)).toBeNull();
  });

  it('tallies a tick-all question option by option, and a scale on its five points and "prefer not to say"', () => {
    const ticks = answers('q-multi', 'main', [
      ...Array<AnswerResponse>(6).fill(choice('a', 'b')),
      ...Array<AnswerResponse>(6).fill(choice('a', 'c')),
    ]);
    const [multi] = released(item('q-multi'), ticks);
    expect(multi).toMatchObject({
      kind: 'options',
      additive: false,
      // Everyone ticked a: shown as a range, not as "all 12".
      options: [
        { id: 'a', count: { kind: 'range', from: 8, to: 12 } },
        { id: 'b', count: { kind: 'count', value: 6 } },
        { id: 'c', count: { kind: 'count', value: 6 } },
      ],
    });
    const scale = (value: number | null): AnswerResponse => ({ kind: 'scale', value });
    const tree = exactTally(item('a-speed', 'before'), testStructure, answers('a-speed', 'before', [scale(1), scale(1), scale(5), scale(null), scale(4), scale(4)]));
    expect(tree[0]?.children.map((p) => p.count)).toEqual([2, 0, 0, 2, 1, 1]);
  });

  it('knows which answers each step records, what its tally counts, and which answer means a student finished', () => {
    const journey = sessionJourney(testStructure, { beforeAfter: true });
    const scenario = journey.steps.find((s) => s.kind === 'scenario');
    expect(scenario && stepAnswerItems(scenario, testStructure)).toEqual([{ phase: 'main', itemId: 'party/offer' }]);
    expect(scenario && stepSubjects(scenario)).toEqual([story]);
    // The after wave asks the attitude items, then the knowledge items: the last of those ends it.
    const lastAfter = testStructure.items.filter((i) => i.phases.includes('after')).at(-1)?.id ?? testStructure.attitudeItems.at(-1)?.id;
    expect(journey.finishKey).toEqual({ phase: 'after', itemId: lastAfter });
    expect(sessionJourney(testStructure, { beforeAfter: false }).finishKey).toEqual({ phase: 'main', itemId: 'plan' });
    // A follow-up ends with its last retrieval item.
    const lastFollowUp = testStructure.items.filter((i) => i.phases.includes('followup')).at(-1)?.id;
    expect(sessionJourney(testStructure, { followUp: true }).finishKey).toEqual({ phase: 'followup', itemId: lastFollowUp });
  });
});
