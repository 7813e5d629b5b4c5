/**
 * A class tally under disclosure control, ready to leave the server. Knowledge items may be
 * shown exactly and live; attitude items and scenario choices only once at least k students
 * answered, with each small group shown as "fewer than k" (DESIGN.md, "Privacy by design").
 */
import type { StepTally } from './class-tally';
import {
  discloseCount,
  discloseDistribution,
  disclosurePolicies,
  type DisclosedCount,
  type DisclosedFigure,
  type DisclosurePolicies,
} from './disclosure';

export type DisclosedTally =
  | { kind: 'hidden'; itemId: string; k: number }
  | {
      kind: 'options';
      itemId: string;
      respondents: DisclosedFigure;
      options: { id: string; count: DisclosedFigure; correct: boolean | null }[];
    }
  | { kind: 'order'; itemId: string; respondents: DisclosedCount; correct: DisclosedCount }
  | { kind: 'number'; itemId: string; respondents: DisclosedCount; correct: DisclosedCount }
  | { kind: 'scale'; itemId: string; respondents: DisclosedFigure; points: { value: number | null; count: DisclosedFigure }[] };

export function discloseTally(tally: StepTally, policies: DisclosurePolicies = disclosurePolicies()): DisclosedTally {
  const policy = tally.sensitivity === 'knowledge' ? policies.knowledgeLive : policies.classView;
  if (tally.sensitivity === 'sensitive' && tally.respondents < policy.k) return { kind: 'hidden', itemId: tally.itemId, k: policy.k };
  switch (tally.kind) {
    case 'options': {
      const { cells, total } = discloseDistribution(
        tally.options.map((o) => ({ key: o.id, count: o.count })),
        tally.respondents,
        policy,
        { additive: tally.additive },
      );
      return {
        kind: 'options',
        itemId: tally.itemId,
        respondents: total,
        options: tally.options.map((o, i) => ({ id: o.id, correct: o.correct, count: cells[i]?.value ?? discloseCount(o.count, policy) })),
      };
    }
    case 'scale': {
      const { cells, total } = discloseDistribution(
        tally.points.map((p) => ({ key: p.value, count: p.count })),
        tally.respondents,
        policy,
        { additive: true },
      );
      return {
        kind: 'scale',
        itemId: tally.itemId,
        respondents: total,
        points: tally.points.map((p, i) => ({ value: p.value, count: cells[i]?.value ?? discloseCount(p.count, policy) })),
      };
    }
    case 'order':
      return { kind: 'order', itemId: tally.itemId, respondents: discloseCount(tally.respondents, policy), correct: discloseCount(tally.correct, policy) };
    case 'number':
      return { kind: 'number', itemId: tally.itemId, respondents: discloseCount(tally.respondents, policy), correct: discloseCount(tally.close, policy) };
  }
}
