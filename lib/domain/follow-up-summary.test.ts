import { beforeAll, describe, expect, it } from 'vitest';
import { getModule } from '@/lib/content/load';
import type { ModuleStructure, Phase } from '@/lib/content/schema';
import type { ReportAnswer } from './class-report';
import { summariseFollowUp } from './follow-up-summary';

let structure: ModuleStructure;
let retrieval: string[];
beforeAll(async () => {
  structure = (await getModule()).structure;
  retrieval = structure.items.filter((item) => item.phases.includes('followup')).map((item) => item.id);
});

const knowledge = (participantId: string, itemId: string, phase: Phase, correct: boolean): ReportAnswer => ({
  participantId,
  itemId,
  phase,
  response: { kind: 'choice', optionIds: ['x'] },
  correct,
  confidence: 2,
});
const intention = (participantId: string, itemId: string, phase: Phase, value: number | null): ReportAnswer => ({
  participantId,
  itemId,
  phase,
  response: { kind: 'scale', value },
  correct: null,
  confidence: null,
});

describe('the follow-up wave', () => {
  it('pairs devices by hash and compares each paired student with their own first visit (hand-worked)', () => {
    expect(retrieval).toHaveLength(4);
    const [a, b, c, d] = retrieval as [string, string, string, string];
    const first = {
      participants: [
        { participantId: 's1', pairingHash: 'h1' },
        { participantId: 's2', pairingHash: 'h2' },
        { participantId: 's3', pairingHash: 'h3' },
      ],
      answers: [
        // s1 had all four recap items right in the quiz; s2 two of four; s3 never reached them.
        ...[a, b, c, d].map((id) => knowledge('s1', id, 'main', true)),
        knowledge('s2', a, 'main', true),
        knowledge('s2', b, 'main', true),
        knowledge('s2', c, 'main', false),
        knowledge('s2', d, 'main', false),
        // Intentions at the start: s1 3 on one item; s2 "prefer not to say".
        intention('s1', 'int-sober-driver', 'before', 3),
        intention('s1', 'int-sober-driver', 'after', 4),
        intention('s2', 'int-own-seat', 'before', null),
      ],
    };
    const followUp = {
      participants: [
        { participantId: 'f1', pairingHash: 'h1' },
        { participantId: 'f2', pairingHash: 'h2' },
        { participantId: 'f4', pairingHash: 'h4' },
        { participantId: 'f5', pairingHash: null },
      ],
      answers: [
        // f1 (s1's device): three of four; f2 (s2's): two of four; f4 (no first visit): all four.
        knowledge('f1', a, 'followup', true),
        knowledge('f1', b, 'followup', true),
        knowledge('f1', c, 'followup', true),
        knowledge('f1', d, 'followup', false),
        knowledge('f2', a, 'followup', true),
        knowledge('f2', b, 'followup', false),
        knowledge('f2', c, 'followup', true),
        knowledge('f2', d, 'followup', false),
        ...[a, b, c, d].map((id) => knowledge('f4', id, 'followup', true)),
        intention('f1', 'int-sober-driver', 'followup', 5),
        intention('f2', 'int-own-seat', 'followup', 4),
        intention('f4', 'int-phone-away', 'followup', 2),
      ],
    };

    expect(summariseFollowUp(structure, { first, followUp })).toEqual({
      joined: 4,
      started: 3,
      paired: 2,
      // Quiz 1.0 and 0.5 against recap 0.75 and 0.5, for f1 and f2; f4 counts at the follow-up only.
      retrieval: { nBefore: 2, nAfter: 3, nMatched: 2, sumBefore: 1.5, sumAfter: 1.25, sumSquaredChange: 0.25 ** 2 },
      // Only s1/f1 has a point at both the start and the follow-up: 3 then 5.
      intention: { nBefore: 1, nAfter: 3, nMatched: 1, sumBefore: 3, sumAfter: 5, sumSquaredChange: 4 },
      intentionSinceAfter: { nBefore: 1, nAfter: 3, nMatched: 1, sumBefore: 4, sumAfter: 5, sumSquaredChange: 1 },
    });
  });

  it('pairs nobody when the devices sent no pairing code', () => {
    const summary = summariseFollowUp(structure, {
      first: { participants: [{ participantId: 's1', pairingHash: null }], answers: [] },
      followUp: { participants: [{ participantId: 'f1', pairingHash: null }], answers: [] },
    });
    expect(summary).toMatchObject({ joined: 1, started: 0, paired: 0, retrieval: { nMatched: 0 }, intention: { nMatched: 0 } });
  });
});
