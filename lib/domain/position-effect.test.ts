import { beforeAll, describe, expect, it } from 'vitest';
import { getModule } from '@/lib/content/load';
import type { ModuleStructure } from '@/lib/content/schema';
import { perturbCount, sessionNoiseKey } from './cell-key';
import type { ReportAnswer } from './class-report-types';
import { disclosurePolicies } from './disclosure';
import { addPositionCounts, chiSquareSurvival, countPositions, testPositionEffect, type PositionCounts } from './position-effect';
import { disclosePositionQuality, shownPValue } from './position-quality';
import { seededRandom } from './seeded-random';

let structure: ModuleStructure;
beforeAll(async () => {
  structure = (await getModule()).structure;
});

const choice = (participantId: string, itemId: string, optionIds: string[], shownOrder: string[] | null, phase: ReportAnswer['phase'] = 'main'): ReportAnswer => ({
  participantId,
  itemId,
  phase,
  response: { kind: 'choice', optionIds },
  correct: null,
  confidence: null,
  shownOrder,
});

describe('the chi-square tail', () => {
  it('matches the textbook critical values', () => {
    expect(chiSquareSurvival(3.841, 1)).toBeCloseTo(0.05, 3);
    expect(chiSquareSurvival(7.815, 3)).toBeCloseTo(0.05, 3);
    expect(chiSquareSurvival(11.345, 3)).toBeCloseTo(0.01, 4);
    expect(chiSquareSurvival(0.584, 3)).toBeCloseTo(0.9, 3);
    // df = 2 is the exponential: P(χ² ≥ x) = e^(−x/2).
    expect(chiSquareSurvival(20, 2)).toBeCloseTo(Math.exp(-10), 8);
    expect(chiSquareSurvival(0, 4)).toBe(1);
  });
});

describe('counting positions', () => {
  it('counts where the chosen options were shown, for single, choose-all, fact and story questions', () => {
    const order = ['violence', 'road-injuries', 'drowning', 'infections'];
    const counts = countPositions(structure, [
      choice('s1', 'm-world-killer', ['road-injuries'], order),
      choice('s2', 'm-world-killer', ['violence'], order),
      choice('s3', 'm-world-killer', ['violence'], ['violence', 'infections', 'drowning', 'road-injuries']),
      // No order recorded (an older device), or one that isn't the question's options: left out.
      choice('s4', 'm-world-killer', ['violence'], null),
      choice('s5', 'm-world-killer', ['violence'], ['violence', 'drowning', 'infections']),
      // Choose all: each option ticked counts at its position.
      choice('s1', 'm-say-no', ['mum-collecting', 'stay-over'], ['stay-over', 'drive-slowly', 'mum-collecting', 'share-a-taxi', 'dont-drive-either', 'get-in-quietly']),
      choice('s1', 'party-lift/d-offer', ['get-in'], ['get-in', 'say-no']),
      // True/false is never shuffled.
      choice('s1', 'm-drug-driver', ['true'], ['true', 'false']),
    ]);
    expect(counts['main:m-world-killer']).toEqual({ choice: 'one', shown: [3, 3, 3, 3], chosen: [2, 1, 0, 0] });
    expect(counts['main:m-say-no']).toEqual({ choice: 'several', shown: [1, 1, 1, 1, 1, 1], chosen: [1, 0, 1, 0, 0, 0] });
    expect(counts['main:party-lift/d-offer']).toEqual({ choice: 'one', shown: [1, 1], chosen: [1, 0] });
    expect(counts['main:m-drug-driver']).toBeUndefined();
  });

  it('add up across sessions, position by position', () => {
    const a: PositionCounts = { choice: 'one', shown: [3, 3], chosen: [2, 1] };
    const b: PositionCounts = { choice: 'one', shown: [4, 4], chosen: [1, 3] };
    expect(addPositionCounts(a, b)).toEqual({ choice: 'one', shown: [7, 7], chosen: [3, 4] });
  });
});

describe('testing for a position effect', () => {
  it('says nothing under 30 answers or under 5 expected at a position', () => {
    expect(testPositionEffect({ choice: 'one', shown: [29, 29, 29, 29], chosen: [20, 3, 3, 3] })).toEqual({ kind: 'not-enough' });
    // Choose-all with few ticks: 40 answers but 12 choices over 4 positions, 3 expected at each.
    expect(testPositionEffect({ choice: 'several', shown: [40, 40, 40, 40], chosen: [6, 2, 2, 2] })).toEqual({ kind: 'not-enough' });
  });

  it('works a hand example: 40 of 100 chose the first of four, 25 expected', () => {
    const result = testPositionEffect({ choice: 'one', shown: [100, 100, 100, 100], chosen: [40, 20, 20, 20] });
    // X² = (15² + 3 × 5²) / 25 = 12 on 3 df.
    expect(result).toMatchObject({ kind: 'tested', df: 3, firstShare: 0.4, expectedFirstShare: 0.25, favoured: 0 });
    if (result.kind !== 'tested') throw new Error('not tested');
    expect(result.statistic).toBeCloseTo(12, 9);
    expect(result.p).toBeCloseTo(0.0074, 4);
    // Ten sessions' noise (variance 1.2 each): X² = 300 / (25 + 12) = 8.11, p = 0.044.
    const noisy = testPositionEffect({ choice: 'one', shown: [100, 100, 100, 100], chosen: [40, 20, 20, 20] }, { sessions: 10 });
    if (noisy.kind !== 'tested') throw new Error('not tested');
    expect(noisy.statistic).toBeCloseTo(300 / 37, 9);
    expect(noisy.p).toBeCloseTo(0.0438, 3);
  });

  it('names the position chosen most against what position alone would give', () => {
    const result = testPositionEffect({ choice: 'one', shown: [90, 90, 90], chosen: [20, 25, 45] });
    expect(result).toMatchObject({ kind: 'tested', favoured: 2 });
  });

  it('does not read perturbation noise as a position effect (many small sessions, no effect at all)', () => {
    const random = seededRandom(2026);
    const replicates = 300;
    let flaggedAllowingNoise = 0;
    let flaggedIgnoringNoise = 0;
    for (let r = 0; r < replicates; r += 1) {
      let total: PositionCounts = { choice: 'one', shown: [0, 0, 0, 0], chosen: [0, 0, 0, 0] };
      for (let s = 0; s < 40; s += 1) {
        // Eight students choose a position at random, as when position doesn't matter.
        const exact = [0, 0, 0, 0];
        for (let a = 0; a < 8; a += 1) {
          const p = random.int(0, 3);
          exact[p] = (exact[p] ?? 0) + 1;
        }
        const key = sessionNoiseKey([`r${r}s${s}`]);
        const perturbed = exact.map((n, p) => perturbCount(key, `position/main:x/chosen/${p}`, n));
        const answers = perturbed.reduce((a, b) => a + b, 0);
        total = addPositionCounts(total, { choice: 'one', shown: [answers, answers, answers, answers], chosen: perturbed });
      }
      const allowing = testPositionEffect(total, { sessions: 40 });
      const ignoring = testPositionEffect(total);
      if (allowing.kind === 'tested' && allowing.p < 0.05) flaggedAllowingNoise += 1;
      if (ignoring.kind === 'tested' && ignoring.p < 0.05) flaggedIgnoringNoise += 1;
    }
    // About 5% flagged by chance when the noise is allowed for; far more when it isn't.
    expect(flaggedAllowingNoise / replicates).toBeLessThan(0.09);
    expect(flaggedIgnoringNoise / replicates).toBeGreaterThan(0.1);
  });
});

describe('disclosing the position check', () => {
  const policy = disclosurePolicies().export;
  const input = (counts: PositionCounts, sessions = 0) => ({ contentVersion: 'v1', itemId: 'm-world-killer', phase: 'main' as const, counts, sessions });

  it('shows rounded counts, the shares from them, and the verdict with its p-value', () => {
    const shown = disclosePositionQuality(input({ choice: 'one', shown: [102, 102, 102, 102], chosen: [41, 21, 19, 21] }), policy);
    expect(shown.answers).toEqual({ kind: 'count', value: 100 });
    expect(shown.chosen).toEqual([40, 20, 20, 20].map((value) => ({ kind: 'count', value })));
    expect(shown.firstShare).toEqual({ kind: 'share', value: 0.4 });
    expect(shown.expectedFirstShare).toEqual({ kind: 'share', value: 0.25 });
    // X² = (15.5² + 4.5² + 6.5² + 4.5²) / 25.5 = 12.67 on 3 df: p = 0.0054.
    expect(shown.verdict).toEqual({ kind: 'position-matters', p: { value: 0.005, lessThan: false }, favoured: 0 });
    const even = disclosePositionQuality(input({ choice: 'one', shown: [100, 100, 100, 100], chosen: [27, 24, 25, 24] }), policy);
    expect(even.verdict).toEqual({ kind: 'no-sign', p: { value: 0.97, lessThan: false } });
  });

  it('says nothing of a question with a position chosen by fewer than k, and hides that count', () => {
    const shown = disclosePositionQuality(input({ choice: 'one', shown: [60, 60, 60, 60], chosen: [20, 21, 12, 7] }), policy);
    expect(shown.verdict).toEqual({ kind: 'small-group' });
    expect(shown.chosen[3]).toEqual({ kind: 'fewer-than', k: 10 });
    expect(disclosePositionQuality(input({ choice: 'one', shown: [25, 25, 25, 25], chosen: [10, 5, 5, 5] }), policy).verdict).toEqual({ kind: 'not-enough' });
  });

  it('choose-all: the expected share is the mean ticking rate, and a position not ticked by a few is a small group too', () => {
    const shown = disclosePositionQuality(input({ choice: 'several', shown: [80, 80, 80, 80], chosen: [40, 30, 30, 20] }), policy);
    expect(shown.firstShare).toEqual({ kind: 'share', value: 0.5 });
    expect(shown.expectedFirstShare).toEqual({ kind: 'share', value: 120 / 320 });
    expect(shown.verdict.kind).not.toBe('small-group');
    // 75 of 80 ticked the first: 5 who didn't are a small group.
    expect(disclosePositionQuality(input({ choice: 'several', shown: [80, 80, 80, 80], chosen: [75, 30, 30, 20] }), policy).verdict).toEqual({ kind: 'small-group' });
  });

  it('rounds p to two places, three below 0.1, and says "less than 0.001" below that', () => {
    expect(shownPValue(0.4234)).toEqual({ value: 0.42, lessThan: false });
    expect(shownPValue(0.04961)).toEqual({ value: 0.05, lessThan: false });
    expect(shownPValue(0.0123)).toEqual({ value: 0.012, lessThan: false });
    expect(shownPValue(0.00002)).toEqual({ value: 0.001, lessThan: true });
  });
});
