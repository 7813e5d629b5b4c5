import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { getModule } from '@/lib/content/load';
import type { ModuleStructure } from '@/lib/content/schema';
import { auditOfficerResults, auditPositionQuality } from '@/tests/support/disclosure-audit';
import { seededRandom, syntheticClass, syntheticFollowUp } from '@/tests/support/synthetic-class';
import { buildClassReport, type ReportSession } from './class-report';
import { disclosurePolicies, type DisclosurePolicy } from './disclosure';
import { summariseFollowUp } from './follow-up-summary';
import { discloseMeasure, disclosePart, discloseOfficerResults, SCALE_POINTS } from './officer-disclosure';
import { buildOfficerResults, type ResultsSession } from './officer-results';
import { releaseOfficerResults } from './officer-release';
import { perturbSessionSummary } from './perturb-summary';
import { positionQualityInputs } from './position-quality';
import { summariseSession, type SessionSummary } from './session-summary';

let structure: ModuleStructure;
beforeAll(async () => {
  structure = (await getModule()).structure;
});

const TERM_DATES = ['2025-10-01T10:00:00Z', '2026-02-01T10:00:00Z', '2026-05-01T10:00:00Z'];
const reportSession = (id: string, followUp: boolean): ReportSession => ({
  id,
  joinCode: 'KXT4PM',
  mode: 'live',
  beforeAfter: !followUp,
  followUp,
  status: 'closed',
  createdAt: new Date(TERM_DATES[0] as string),
  closedAt: null,
  closesAt: null,
});

interface GeneratedSession {
  organisation: number;
  term: number;
  size: number;
  seed: number;
  followUp: boolean;
}

/** Sessions, their summaries and follow-ups, from a list of generated session shapes. */
function county(shapes: readonly GeneratedSession[]) {
  const sessions: ResultsSession[] = [];
  const followUps: ResultsSession[] = [];
  const summaries = new Map<string, SessionSummary>();
  shapes.forEach((shape, i) => {
    const id = `session-${i}`;
    const random = seededRandom(shape.seed);
    const klass = syntheticClass(structure, random, shape.size, { prefix: `${id}-s` });
    const report = buildClassReport(structure, { session: reportSession(id, false), participantIds: klass.participantIds, answers: klass.answers });
    summaries.set(id, summariseSession(structure, report, klass.answers));
    const meta: ResultsSession = {
      id,
      organisationId: `org-${shape.organisation}`,
      organisationName: `Organisation ${shape.organisation}`,
      area: shape.organisation < 2 ? 'North' : 'South',
      moduleId: 'roads-kill',
      contentVersion: 'abcdefabcdef',
      mode: 'live',
      createdAt: new Date(TERM_DATES[shape.term] as string),
      followUpOf: null,
      demo: false,
      closed: true,
    };
    sessions.push(meta);
    if (!shape.followUp) return;
    // About two in three devices come back; each keeps its pairing code.
    const back = klass.participantIds.filter(() => random() < 0.66);
    const followUpIds = back.map((p) => `${p}-f`);
    const followUpAnswers = syntheticFollowUp(structure, random, followUpIds);
    const pairing = {
      first: klass.participantIds.map((p) => ({ participantId: p, pairingHash: `hash-${p}` })),
      followUp: followUpIds.map((p) => ({ participantId: p, pairingHash: `hash-${p.slice(0, -2)}` })),
    };
    const followUpReport = buildClassReport(structure, {
      session: reportSession(`${id}-f`, true),
      participantIds: followUpIds,
      answers: followUpAnswers,
      pairing,
    });
    const followUp = summariseFollowUp(structure, {
      first: { participants: pairing.first, answers: klass.answers },
      followUp: { participants: pairing.followUp, answers: followUpAnswers },
    });
    summaries.set(`${id}-f`, summariseSession(structure, followUpReport, followUpAnswers, followUp));
    followUps.push({ ...meta, id: `${id}-f`, followUpOf: id });
  });
  return { sessions, followUps, summaries };
}

const sessionShape = fc.record({
  organisation: fc.integer({ min: 0, max: 3 }),
  term: fc.integer({ min: 0, max: 2 }),
  size: fc.integer({ min: 0, max: 32 }),
  seed: fc.integer(),
  followUp: fc.boolean(),
});

describe('officer results under disclosure control', () => {
  it('never show a count from 1 to k−1, directly or by subtraction from a shown total', () => {
    fc.assert(
      fc.property(fc.array(sessionShape, { minLength: 1, maxLength: 8 }), fc.constantFrom(10, 15, 20), (shapes, exportK) => {
        const policy = disclosurePolicies({ exportK }).export;
        const input = county(shapes);
        const results = buildOfficerResults(structure, { ...input, timeZone: 'Europe/London' });
        const disclosed = discloseOfficerResults(results, policy);
        expect(auditOfficerResults(disclosed, policy)).toEqual([]);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 60) },
    );
  });

  it('the position check of question quality: no small count, no p-value beside a small position group, the same release every time', () => {
    fc.assert(
      fc.property(fc.array(sessionShape, { minLength: 1, maxLength: 8 }), fc.constantFrom(10, 15), (shapes, exportK) => {
        const policy = disclosurePolicies({ exportK }).export;
        const input = county(shapes);
        const release = () => releaseOfficerResults({ structure, sessions: input.sessions, summaries: input.summaries, filters: {}, policy, timeZone: 'Europe/London' });
        const { positions } = release();
        expect(auditPositionQuality(positions, policy)).toEqual([]);
        // Checked apart from the release: a verdict only where every position's group, chosen
        // and passed over, is at least k in the perturbed sums the release adds up.
        const perturbed = new Map([...input.summaries].map(([id, summary]) => [id, perturbSessionSummary(summary)]));
        const sums = new Map(positionQualityInputs(input.sessions, perturbed).map((q) => [`${q.phase}:${q.itemId}`, q.counts]));
        for (const q of positions) {
          if (q.verdict.kind !== 'no-sign' && q.verdict.kind !== 'position-matters') continue;
          const counts = sums.get(`${q.phase}:${q.itemId}`);
          expect(counts?.chosen.every((n, p) => n >= policy.k && (counts.shown[p] ?? 0) - n >= policy.k)).toBe(true);
        }
        // No differencing by asking again: the same selection gives the same figures.
        expect(release().positions).toEqual(positions);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 40) },
    );
  });

  it('the position audit catches a small position, a lone hidden one, and a p-value beside a hidden one', () => {
    const policy = disclosurePolicies().export;
    const input = county([0, 1, 2].map((i) => ({ organisation: 0, term: 0, size: 30, seed: 40 + i, followUp: false })));
    const { positions } = releaseOfficerResults({ structure, sessions: input.sessions, summaries: input.summaries, filters: {}, policy, timeZone: 'Europe/London' });
    const tested = positions.find((q) => q.choice === 'one' && q.verdict.kind !== 'not-enough' && q.verdict.kind !== 'small-group');
    if (!tested) throw new Error('no question was tested: the county is too small for this check');
    expect(auditPositionQuality(positions, policy)).toEqual([]);
    const shownSmall = structuredClone(tested);
    shownSmall.chosen[1] = { kind: 'count', value: 5 };
    expect(auditPositionQuality([shownSmall], policy).length).toBeGreaterThan(0);
    const loneHidden = structuredClone(tested);
    loneHidden.chosen[1] = { kind: 'fewer-than', k: policy.k };
    const problems = auditPositionQuality([loneHidden], policy);
    expect(problems.some((p) => p.includes('total minus the rest'))).toBe(true);
    expect(problems.some((p) => p.includes('p-value'))).toBe(true);
  });

  it('the audit itself catches a small count and a revealing difference', () => {
    const policy = disclosurePolicies().export;
    const input = county([{ organisation: 0, term: 0, size: 30, seed: 3, followUp: false }]);
    const disclosed = discloseOfficerResults(buildOfficerResults(structure, { ...input, timeZone: 'Europe/London' }), policy);
    expect(auditOfficerResults(disclosed, policy)).toEqual([]);
    const leaky = structuredClone(disclosed);
    leaky.headline.finished = { kind: 'count', value: 5 };
    expect(auditOfficerResults(leaky, policy).length).toBeGreaterThan(0);
    const subtracting = structuredClone(disclosed);
    subtracting.change.knowledge.nBefore = { kind: 'count', value: 40 };
    subtracting.change.knowledge.nMatched = { kind: 'count', value: 35 };
    expect(auditOfficerResults(subtracting, policy).some((p) => p.includes('difference'))).toBe(true);
  });
});

describe('head counts', () => {
  it('round the number who started from its exact count, not as a sum of rounded parts', () => {
    // A county case fast-check found: 66 joined, 56 started, 28 finished. Rounded parts
    // (30 + 30) would show 60 started beside 65 students, a difference of 5 where 10 is shown.
    const policy = disclosurePolicies().export;
    const results = buildOfficerResults(structure, { sessions: [], followUps: [], summaries: new Map(), timeZone: 'Europe/London' });
    const disclosed = discloseOfficerResults(
      { ...results, headline: { ...results.headline, students: 66, started: 56, finished: 28 } },
      policy,
    );
    expect(disclosed.headline).toMatchObject({
      students: { kind: 'count', value: 65 },
      started: { kind: 'count', value: 55 },
      finished: { kind: 'count', value: 30 },
    });
    expect(auditOfficerResults(disclosed, policy)).toEqual([]);
  });
});

describe('disclosing one figure', () => {
  const policy: DisclosurePolicy = disclosurePolicies().export;

  it('a share of a total: withholds the total when the rest is a small group, or the count when the total must stay', () => {
    expect(disclosePart({ count: 96, total: 100 }, policy)).toEqual({
      count: { kind: 'count', value: 95 },
      total: { kind: 'withheld' },
      share: { kind: 'withheld' },
    });
    expect(disclosePart({ count: 96, total: 100 }, policy, { keepTotal: true })).toEqual({
      count: { kind: 'withheld' },
      total: { kind: 'count', value: 100 },
      share: { kind: 'withheld' },
    });
    expect(disclosePart({ count: 61, total: 100 }, policy).share).toEqual({ kind: 'share', value: 0.6 });
  });

  it('a measure: n at each wave, attrition, and means only over at least k matched pairs', () => {
    // 40 before, 41 after, 28 matched: means 3.5 → 4.25.
    // Σ(after − before)² = 49: a mean change of 0.75, s² = (49 − 28 × 0.5625) / 27 = 1.23, s = 1.11.
    const shown = discloseMeasure({ nBefore: 40, nAfter: 41, nMatched: 28, sumBefore: 98, sumAfter: 119, sumSquaredChange: 49 }, policy, SCALE_POINTS, 2);
    expect(shown.nBefore).toEqual({ kind: 'count', value: 40 });
    expect(shown.nAfter).toEqual({ kind: 'count', value: 40 });
    expect(shown.nMatched).toEqual({ kind: 'count', value: 30 });
    // 12 of 40 not matched at the after wave, as rounded counts: 10 of 40.
    expect(shown.attrition).toEqual({ kind: 'share', value: 0.25 });
    expect(shown.before).toEqual({ kind: 'mean', value: 3.5 });
    expect(shown.change).toEqual({ kind: 'mean', value: 0.8 });
    // Two sessions' noise: SE² = 1.23 / 28 + 2 × 1.2 × (2 × 2² + 0.75²) / 28² = 0.044 + 0.026; t(27) ≈ 2.06: 0.75 ± 0.55.
    expect(shown.interval).toEqual({ kind: 'interval', low: 0.2, high: 1.3 });
    expect(shown.effectSize).toEqual({ kind: 'mean', value: 0.68 });
    // Exact sums (no noise): the textbook interval, 0.75 ± 2.06 × √0.044 = 0.75 ± 0.43.
    expect(discloseMeasure({ nBefore: 40, nAfter: 41, nMatched: 28, sumBefore: 98, sumAfter: 119, sumSquaredChange: 49 }, policy, SCALE_POINTS).interval).toEqual({
      kind: 'interval',
      low: 0.3,
      high: 1.2,
    });

    // 3 after-only students would be 31 − 28: the after wave's n is withheld.
    const small = discloseMeasure({ nBefore: 8, nAfter: 31, nMatched: 8, sumBefore: 24, sumAfter: 30, sumSquaredChange: 10 }, policy, SCALE_POINTS);
    expect(small.nMatched).toEqual({ kind: 'fewer-than', k: 10 });
    expect(small.before).toEqual({ kind: 'fewer-than', k: 10 });
    expect(small.interval).toEqual({ kind: 'withheld' });
    expect(small.effectSize).toEqual({ kind: 'fewer-than', k: 10 });
  });
});
