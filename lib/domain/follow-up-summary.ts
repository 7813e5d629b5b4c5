/**
 * The follow-up wave of a follow-up session: its students against their own first visit, as
 * additive sums (session-summary.ts). A follow-up student is linked to a first-visit student
 * only through their device's pairing code (pairing.ts); nothing else ties them. Pure.
 */
import type { AttitudeItem, ModuleStructure, Phase } from '@/lib/content/schema';
import { knowledgeScore as score, scalePoint as point, type ReportAnswer } from './class-report';
import { answerKey } from './journey';
import { pairFollowUp, type PairingEntry } from './pairing';
import { addMeasure, emptyMeasure, type FollowUpSummary, type MeasureSums } from './session-summary';

export interface FollowUpInput {
  /** The first session's participants (only their pairing matters here) and their answers. */
  first: { participants: readonly PairingEntry[]; answers: readonly ReportAnswer[] };
  /** The follow-up session's participants and answers. */
  followUp: { participants: readonly PairingEntry[]; answers: readonly ReportAnswer[] };
}

type Answers = Map<string, ReportAnswer>;

function byParticipant(answers: readonly ReportAnswer[]): Map<string, Answers> {
  const out = new Map<string, Answers>();
  for (const answer of answers) {
    const own = out.get(answer.participantId) ?? new Map<string, ReportAnswer>();
    own.set(answerKey(answer.phase, answer.itemId), answer);
    out.set(answer.participantId, own);
  }
  return out;
}

/** One student's measure at two waves, as sums: the pair's means over items answered at both. */
function intentionPair(
  items: readonly AttitudeItem[],
  earlier: { answers: Answers | undefined; phase: Phase },
  later: Answers | undefined,
): MeasureSums {
  const before = items.map((item) => point(earlier.answers, earlier.phase, item));
  const after = items.map((item) => point(later, 'followup', item));
  const both = items.flatMap((_, i) => {
    const [b, a] = [before[i], after[i]];
    return b !== undefined && a !== undefined ? [{ b, a }] : [];
  });
  const matched = both.length > 0;
  const meanBefore = matched ? both.reduce((s, x) => s + x.b, 0) / both.length : 0;
  const meanAfter = matched ? both.reduce((s, x) => s + x.a, 0) / both.length : 0;
  return {
    nBefore: before.some((v) => v !== undefined) ? 1 : 0,
    nAfter: after.some((v) => v !== undefined) ? 1 : 0,
    nMatched: matched ? 1 : 0,
    sumBefore: meanBefore,
    sumAfter: meanAfter,
    sumSquaredChange: (meanAfter - meanBefore) ** 2,
  };
}

export function summariseFollowUp(structure: ModuleStructure, input: FollowUpInput): FollowUpSummary {
  const retrievalItems = structure.items.filter((item) => item.phases.includes('followup'));
  const intentionItems = structure.attitudeItems.filter(
    (item) => item.construct === 'intention' && item.phases.includes('followup'),
  );
  const { pairs } = pairFollowUp(input.first.participants, input.followUp.participants);
  const firstOf = new Map(pairs.map((pair) => [pair.followUp, pair.first]));
  const firstAnswers = byParticipant(input.first.answers);
  const followUpAnswers = byParticipant(input.followUp.answers);

  let retrieval = emptyMeasure();
  let intention = emptyMeasure();
  let intentionSinceAfter = emptyMeasure();
  let started = 0;
  for (const participant of input.followUp.participants) {
    const own = followUpAnswers.get(participant.participantId);
    if (own !== undefined && own.size > 0) started += 1;
    const firstId = firstOf.get(participant.participantId);
    const first = firstId === undefined ? undefined : firstAnswers.get(firstId);

    const later = score(own, 'followup', retrievalItems);
    const earlier = firstId === undefined ? undefined : score(first, 'main', retrievalItems);
    const bothWaves = earlier !== undefined && later !== undefined;
    retrieval = addMeasure(retrieval, {
      nBefore: earlier === undefined ? 0 : 1,
      nAfter: later === undefined ? 0 : 1,
      nMatched: bothWaves ? 1 : 0,
      sumBefore: bothWaves ? earlier : 0,
      sumAfter: bothWaves ? later : 0,
      sumSquaredChange: bothWaves ? (later - earlier) ** 2 : 0,
    });
    // An unpaired student still counts at the follow-up wave, with nothing to compare.
    const pairedFirst = firstId === undefined ? undefined : (first ?? new Map<string, ReportAnswer>());
    intention = addMeasure(intention, intentionPair(intentionItems, { answers: pairedFirst, phase: 'before' }, own));
    intentionSinceAfter = addMeasure(
      intentionSinceAfter,
      intentionPair(intentionItems, { answers: pairedFirst, phase: 'after' }, own),
    );
  }
  return {
    joined: input.followUp.participants.length,
    started,
    paired: pairs.length,
    retrieval,
    intention,
    intentionSinceAfter,
  };
}
