import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { getModule } from '@/lib/content/load';
import type { ModuleStructure } from '@/lib/content/schema';
import { seededRandom, syntheticClass } from '@/tests/support/synthetic-class';
import { buildClassReport, type ReportAnswer, type ReportSession } from './class-report';
import { discriminationSums, mergeSummaries, summariseSession, type SessionSummary } from './session-summary';
import { sessionSummarySchema } from './session-summary-schema';

let structure: ModuleStructure;
beforeAll(async () => {
  structure = (await getModule()).structure;
});

const session: ReportSession = {
  id: 'session',
  joinCode: 'KXT4PM',
  mode: 'live',
  beforeAfter: true,
  followUp: false,
  status: 'closed',
  createdAt: new Date('2026-03-02T10:00:00Z'),
  closedAt: null,
  closesAt: null,
};

function summaryOf(participantIds: readonly string[], answers: readonly ReportAnswer[]): SessionSummary {
  const ids = new Set(participantIds);
  const own = answers.filter((a) => ids.has(a.participantId));
  return summariseSession(structure, buildClassReport(structure, { session, participantIds, answers: own }), own);
}

/** Sums of floats added in another order differ in the last bits: compare them to 9 places. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e9) / 1e9;
  if (Array.isArray(value)) return value.map(rounded);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  }
  return value;
}

describe('session summaries', () => {
  it('add up: two halves of a class merge into the whole class', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (seed, size, cut) => {
        const whole = syntheticClass(structure, seededRandom(seed), size);
        const first = whole.participantIds.slice(0, Math.min(cut, size));
        const second = whole.participantIds.slice(Math.min(cut, size));
        const merged = mergeSummaries([summaryOf(first, whole.answers), summaryOf(second, whole.answers)]);
        // A merged summary has no key of its own: it is never perturbed again.
        expect(rounded(merged)).toEqual({ ...(rounded(summaryOf(whole.participantIds, whole.answers)) as object), noiseKey: '' });
      }),
      { numRuns: 40 },
    );
  });

  it('merge three or more in one total without changing the summaries merged', () => {
    const whole = syntheticClass(structure, seededRandom(11), 24);
    const thirds = [0, 1, 2].map((i) => summaryOf(whole.participantIds.slice(i * 8, i * 8 + 8), whole.answers));
    const before = JSON.stringify(thirds);
    const merged = mergeSummaries(thirds);
    expect(JSON.stringify(thirds)).toBe(before);
    expect(rounded(merged)).toEqual({ ...(rounded(summaryOf(whole.participantIds, whole.answers)) as object), noiseKey: '' });
    // Merging again from the same inputs gives the same total: nothing of one merge leaks into the next.
    expect(mergeSummaries(thirds)).toEqual(merged);
    expect(mergeSummaries([])).toEqual({ ...merged, headline: { joined: 0, started: 0, finished: 0 }, items: {}, facts: {}, scenarios: {}, change: { knowledge: { nBefore: 0, nAfter: 0, nMatched: 0, sumBefore: 0, sumAfter: 0, sumSquaredChange: 0 }, constructs: {} }, plans: { answered: 0, picked: {}, ownPlanWriters: 0 }, followUp: null, positions: {} });
  });

  it('survive the trip through JSON and the stored-summary schema', () => {
    const whole = syntheticClass(structure, seededRandom(7), 25);
    const summary = summaryOf(whole.participantIds, whole.answers);
    expect(sessionSummarySchema.parse(JSON.parse(JSON.stringify(summary)))).toEqual(summary);
    expect(summary.headline.joined).toBe(25);
    expect(summary.format).toBe(3);
  });

  it('count where the chosen options were shown, for every shuffled question answered', () => {
    const whole = syntheticClass(structure, seededRandom(7), 25);
    const summary = summaryOf(whole.participantIds, whole.answers);
    const answeredMain = whole.answers.filter((a) => a.phase === 'main' && a.itemId === 'm-world-killer').length;
    expect(answeredMain).toBeGreaterThan(0);
    // One choice per answer: the choices at all positions add up to the answers.
    expect(summary.positions['main:m-world-killer']).toMatchObject({ choice: 'one', shown: [answeredMain, answeredMain, answeredMain, answeredMain] });
    expect(summary.positions['main:m-world-killer']?.chosen.reduce((a, b) => a + b, 0)).toBe(answeredMain);
    expect(summary.positions['main:m-say-no']?.choice).toBe('several');
    expect(summary.positions['main:party-lift/d-offer']?.shown).toHaveLength(2);
    // True/false and ordering questions are not shuffled this way.
    expect(summary.positions['main:m-drug-driver']).toBeUndefined();
    expect(summary.positions['main:m-risk-years']).toBeUndefined();
  });

  it('read a format-2 summary (from before position counts) as having none', () => {
    const whole = syntheticClass(structure, seededRandom(7), 25);
    const { positions, ...old } = summaryOf(whole.participantIds, whole.answers);
    expect(Object.keys(positions).length).toBeGreaterThan(0);
    const parsed = sessionSummarySchema.parse(JSON.parse(JSON.stringify({ ...old, format: 2 })));
    expect(parsed).toEqual({ ...old, format: 3, positions: {} });
    // Format 1 had no noise key and can't be read.
    expect(sessionSummarySchema.safeParse({ ...old, format: 1 }).success).toBe(false);
  });

  it('counts a hand-worked class: sums of matched pairs, not means', () => {
    const at = (participantId: string, phase: 'before' | 'after', value: number): ReportAnswer => ({
      participantId,
      itemId: 'int-sober-driver',
      phase,
      response: { kind: 'scale', value },
      correct: null,
      confidence: null,
    });
    // s1 and s2 answer at both waves, s3 only before: intention 3→5 and 4→4 over two pairs.
    const answers = [at('s1', 'before', 3), at('s1', 'after', 5), at('s2', 'before', 4), at('s2', 'after', 4), at('s3', 'before', 1)];
    const summary = summaryOf(['s1', 's2', 's3'], answers);
    expect(summary.change.constructs.intention).toEqual({ nBefore: 3, nAfter: 2, nMatched: 2, sumBefore: 7, sumAfter: 9, sumSquaredChange: 4 });
  });
});

describe('discrimination sums', () => {
  it('pair each answer with the share right of the same student’s other answers', () => {
    const answer = (participantId: string, itemId: string, correct: boolean): ReportAnswer => ({
      participantId,
      itemId,
      phase: 'main',
      response: { kind: 'choice', optionIds: ['x'] },
      correct,
      confidence: null,
    });
    // Three items; s1 gets all right, s2 two, s3 one, s4 none. s5 answered only one: no rest score.
    const answers = [
      ...['m-world-killer', 'm-age-compare', 'm-know-limit'].map((id) => answer('s1', id, true)),
      answer('s2', 'm-world-killer', true),
      answer('s2', 'm-age-compare', true),
      answer('s2', 'm-know-limit', false),
      answer('s3', 'm-world-killer', true),
      answer('s3', 'm-age-compare', false),
      answer('s3', 'm-know-limit', false),
      ...['m-world-killer', 'm-age-compare', 'm-know-limit'].map((id) => answer('s4', id, false)),
      answer('s5', 'm-world-killer', true),
    ];
    // m-world-killer: x = 1, 1, 1, 0; rest r = 1, 0.5, 0, 0.
    expect(discriminationSums(structure, answers).get('main:m-world-killer')).toEqual({
      n: 4,
      sx: 3,
      sr: 1.5,
      srr: 1.25,
      sxr: 1.5,
    });
  });
});
