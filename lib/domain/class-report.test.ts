import { describe, expect, it } from 'vitest';
import type { AnswerResponse } from '@/lib/api/schemas';
import type { ModuleStructure, Phase, Scenario } from '@/lib/content/schema';
import { testStructure } from '@/tests/unit/test-module';
import {
  buildClassReport,
  endingReached,
  finishAnswerKey,
  type ClassReport,
  type ReportAnswer,
  type ReportSession,
} from './class-report';
import { discloseClassReport } from './class-report-disclosure';
import { disclosurePolicies } from './disclosure';
import { resolveAnswerTarget, scoreResponse } from './scoring';

/**
 * A module made for this test: one knowledge item in both waves, one of each other kind, three
 * attitude measures, a scenario two decisions deep and three plans.
 */
const teaches = { facts: ['F1' as const], considerations: [] };
const liftScenario: Scenario = {
  id: 'lift',
  role: 'passenger',
  depth: 'core',
  start: 's-start',
  teaches,
  nodes: [
    { id: 's-start', kind: 'scene', next: 'd-offer' },
    {
      id: 'd-offer',
      kind: 'decision',
      choices: [
        { id: 'say-no', next: 's-declined', risky: false },
        { id: 'get-in', next: 'e-risky', risky: true },
      ],
    },
    { id: 's-declined', kind: 'scene', next: 'd-keys' },
    {
      id: 'd-keys',
      kind: 'decision',
      choices: [
        { id: 'ask', next: 'e-safe', risky: false },
        { id: 'leave', next: 'e-mixed', risky: true },
      ],
    },
    { id: 'e-safe', kind: 'ending', outcome: 'safe', pointsTo: teaches },
    { id: 'e-mixed', kind: 'ending', outcome: 'mixed', pointsTo: teaches },
    { id: 'e-risky', kind: 'ending', outcome: 'risky', pointsTo: teaches },
  ],
};

const structure: ModuleStructure = {
  ...testStructure,
  misconceptions: [{ id: 'm-slow' }, { id: 'm-short' }, { id: 'm-map' }, { id: 'm-hype' }, { id: 'm-order' }],
  items: [
    {
      id: 'k-lift',
      kind: 'single',
      phases: ['before', 'main', 'after'],
      teaches,
      askConfidence: true,
      depth: 'core',
      options: [
        { id: 'say-no', correct: true },
        { id: 'slow', correct: false, misconception: 'm-slow' },
        { id: 'short', correct: false, misconception: 'm-short' },
      ],
    },
    {
      id: 'k-help',
      kind: 'multiple',
      phases: ['main'],
      teaches,
      askConfidence: true,
      depth: 'core',
      options: [
        { id: 'silent', correct: true },
        { id: 'music', correct: true },
        { id: 'map', correct: false, misconception: 'm-map' },
        { id: 'hype', correct: false, misconception: 'm-hype' },
      ],
    },
    {
      id: 'k-order',
      kind: 'ordering',
      phases: ['main', 'followup'],
      teaches,
      askConfidence: true,
      depth: 'core',
      misconception: 'm-order',
      options: [{ id: 'first' }, { id: 'second' }, { id: 'third' }],
    },
    {
      id: 'k-tf',
      kind: 'truefalse',
      phases: ['main'],
      teaches,
      askConfidence: false,
      depth: 'core',
      options: [
        { id: 'true', correct: false, misconception: 'm-slow' },
        { id: 'false', correct: true },
      ],
    },
  ],
  attitudeItems: [
    { id: 'att-fine', construct: 'attitude', phases: ['before', 'after'], reverse: true, teaches },
    { id: 'att-quick', construct: 'attitude', phases: ['before', 'after'], reverse: false, teaches },
    { id: 'norm-refuse', construct: 'norm', phases: ['before', 'after'], reverse: false, teaches },
    { id: 'int-seat', construct: 'intention', phases: ['before', 'after', 'followup'], reverse: false, teaches },
  ],
  scenarios: [liftScenario],
  plans: [
    { id: 'plan-call', teaches },
    { id: 'plan-speak', teaches },
    { id: 'plan-wait', teaches },
  ],
};

const session: ReportSession = {
  id: '6f1c1a56-3d38-4c1e-9a43-4c1c1f1f1f1f',
  joinCode: 'KXT4PM',
  mode: 'live',
  beforeAfter: true,
  followUp: false,
  status: 'closed',
  createdAt: new Date('2025-03-14T10:00:00Z'),
  closedAt: new Date('2025-03-14T10:50:00Z'),
  closesAt: null,
};

const student = (n: number) => `s${n}`;
const students = (...ns: number[]) => ns.map(student);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const rows: ReportAnswer[] = [];
/** An answer scored the way the server scores it. */
function answer(n: number, itemId: string, phase: Phase, response: AnswerResponse, confidence: number | null = null): void {
  const target = resolveAnswerTarget(structure, itemId);
  if (target === null) throw new Error(`no ${itemId} in the test module`);
  rows.push({ participantId: student(n), itemId, phase, response, correct: scoreResponse(target, response), confidence });
}
const choice = (...optionIds: string[]): AnswerResponse => ({ kind: 'choice', optionIds });
const scale = (value: number | null): AnswerResponse => ({ kind: 'scale', value });

/*
 * The class: 12 students joined. s12 never answered. s11 joined late, after the before wave.
 * s1–s10 did the before wave; s1–s8 and s11 the whole after wave; s9 left after its first
 * after question, s10 before the after wave.
 */

// k-lift before, s1–s10: right s1–s4 (4); "slow" s5–s7 (3); "short" s8–s10 (3).
// Very sure (3): s5, s6, s8 → 3 confident errors.
for (const n of range(1, 4)) answer(n, 'k-lift', 'before', choice('say-no'), 2);
answer(5, 'k-lift', 'before', choice('slow'), 3);
answer(6, 'k-lift', 'before', choice('slow'), 3);
answer(7, 'k-lift', 'before', choice('slow'), 1);
answer(8, 'k-lift', 'before', choice('short'), 3);
for (const n of [9, 10]) answer(n, 'k-lift', 'before', choice('short'), 2);

// k-lift after, s1–s8 and s11: right s1–s7 and s11 (8); "slow" s8, very sure (1 confident error).
for (const n of [...range(1, 7), 11]) answer(n, 'k-lift', 'after', choice('say-no'), 2);
answer(8, 'k-lift', 'after', choice('slow'), 3);

// att-fine (reverse: scored 6 − point). Before s1–s10: 4 4 3 3 2 2 5 – 1 2 (s8 prefers not to say)
// → scored 2 2 3 3 4 4 1 – 5 4; n before 9.
[4, 4, 3, 3, 2, 2, 5, null, 1, 2].forEach((v, i) => answer(i + 1, 'att-fine', 'before', scale(v)));
// After s1–s9: 2 2 2 1 2 1 4 2 1 → scored 4 4 4 5 4 5 2 4 5; s11: 3 → 3; n after 10.
[2, 2, 2, 1, 2, 1, 4, 2, 1].forEach((v, i) => answer(i + 1, 'att-fine', 'after', scale(v)));
answer(11, 'att-fine', 'after', scale(3));
// att-quick: before s1 4, s2 3; after s1 5, s3 4. Matched: s1 only.
answer(1, 'att-quick', 'before', scale(4));
answer(2, 'att-quick', 'before', scale(3));
answer(1, 'att-quick', 'after', scale(5));
answer(3, 'att-quick', 'after', scale(4));
// norm-refuse: before s1–s10: 5 4 4 3 3 3 2 4 – – (n 8); after s1–s8: 5 5 4 4 3 4 3 4, s11 5 (n 9).
[5, 4, 4, 3, 3, 3, 2, 4, null, null].forEach((v, i) => answer(i + 1, 'norm-refuse', 'before', scale(v)));
[5, 5, 4, 4, 3, 4, 3, 4].forEach((v, i) => answer(i + 1, 'norm-refuse', 'after', scale(v)));
answer(11, 'norm-refuse', 'after', scale(5));
// int-seat: only s1–s3, both waves: 4 4 5 → 5 5 5. The others prefer not to say.
[4, 4, 5].forEach((v, i) => answer(i + 1, 'int-seat', 'before', scale(v)));
[5, 5, 5].forEach((v, i) => answer(i + 1, 'int-seat', 'after', scale(v)));
for (const n of range(4, 10)) answer(n, 'int-seat', 'before', scale(null));
for (const n of [...range(4, 8), 11]) answer(n, 'int-seat', 'after', scale(null));

// F1, a number guess (answer 4; close is 3 to 5), s1–s11: close 7, far 4.
[4, 3, 5, 6, 1, 4, 4, 10, 3.5, 2, 4.5].forEach((value, i) => answer(i + 1, 'F1', 'main', { kind: 'number', value }));
// F2, a choice guess, s1–s10: right 6, wrong 4.
for (const n of range(1, 6)) answer(n, 'F2', 'main', choice('one-in-five'));
for (const n of range(7, 10)) answer(n, 'F2', 'main', choice('one-in-fifty'));

// k-help, multiple choice, s1–s11: right s1–s6. Wrong: s7 map (very sure), s8 all four, s9 only
// "silent" (no misconception), s10 map and hype, s11 hype (very sure).
// → m-map s7 s8 s10 (3), m-hype s8 s10 s11 (3), none s9 (1); confident errors 2.
for (const n of range(1, 6)) answer(n, 'k-help', 'main', choice('silent', 'music'), 2);
answer(7, 'k-help', 'main', choice('silent', 'map'), 3);
answer(8, 'k-help', 'main', choice('silent', 'music', 'map', 'hype'), 2);
answer(9, 'k-help', 'main', choice('silent'), 1);
answer(10, 'k-help', 'main', choice('map', 'hype'), 2);
answer(11, 'k-help', 'main', choice('hype'), 3);

// k-order, s1–s8: right s1–s5; wrong s6–s8 (m-order 3).
for (const n of range(1, 5)) answer(n, 'k-order', 'main', { kind: 'order', optionIds: ['first', 'second', 'third'] });
for (const n of range(6, 8)) answer(n, 'k-order', 'main', { kind: 'order', optionIds: ['second', 'first', 'third'] });

// k-tf, no confidence asked, s1–s11: right 9, "true" s10 s11 (m-slow 2).
for (const n of range(1, 9)) answer(n, 'k-tf', 'main', choice('false'));
for (const n of [10, 11]) answer(n, 'k-tf', 'main', choice('true'));

// The scenario. d-offer, s1–s11: say no s1–s7 (7), get in s8–s11 (4).
// d-keys, s1–s6 (s7 stopped there): ask s1–s5 (5), leave s6 (1).
// Endings: e-safe s1–s5 (5), e-mixed s6 (1), e-risky s8–s11 (4); s7 reached none → 10 reached.
for (const n of range(1, 7)) answer(n, 'lift/d-offer', 'main', choice('say-no'));
for (const n of range(8, 11)) answer(n, 'lift/d-offer', 'main', choice('get-in'));
for (const n of range(1, 5)) answer(n, 'lift/d-keys', 'main', choice('ask'));
answer(6, 'lift/d-keys', 'main', choice('leave'));

// Plans, s1–s8 and s11 (9): plan-call s1 s2 s3 s4 s5 s7 s11 (7); plan-speak s1 s6 s11 (3);
// plan-wait s4 (1). Own plans written by s2, s5, s8 (3).
const plans: [number, string[], number][] = [
  [1, ['plan-call', 'plan-speak'], 0],
  [2, ['plan-call'], 1],
  [3, ['plan-call'], 0],
  [4, ['plan-call', 'plan-wait'], 0],
  [5, ['plan-call'], 2],
  [6, ['plan-speak'], 0],
  [7, ['plan-call'], 0],
  [8, [], 1],
  [11, ['plan-call', 'plan-speak'], 0],
];
for (const [n, planIds, ownPlanCount] of plans) answer(n, 'plan', 'main', { kind: 'plan', planIds, ownPlanCount });

const input = { session, participantIds: students(...range(1, 12)), answers: rows };

describe('finishAnswerKey', () => {
  it('is the last after-wave question with before/after, and the plan without', () => {
    expect(finishAnswerKey(structure, { beforeAfter: true })).toBe('after:k-lift');
    expect(finishAnswerKey(structure, { beforeAfter: false })).toBe('main:plan');
  });

  it('is the last follow-up question in a follow-up session', () => {
    expect(finishAnswerKey(structure, { beforeAfter: false, followUp: true })).toBe('followup:k-order');
  });
});

describe('endingReached', () => {
  const path = (choices: Record<string, string>) => endingReached(liftScenario, (nodeId) => choices[nodeId]);

  it('follows the choices from the start through scenes to an ending', () => {
    expect(path({ 'd-offer': 'get-in' })).toBe('e-risky');
    expect(path({ 'd-offer': 'say-no', 'd-keys': 'ask' })).toBe('e-safe');
    expect(path({ 'd-offer': 'say-no', 'd-keys': 'leave' })).toBe('e-mixed');
  });

  it('is null for a path that stops, or a choice the scenario does not have', () => {
    expect(path({ 'd-offer': 'say-no' })).toBeNull();
    expect(path({})).toBeNull();
    expect(path({ 'd-offer': 'run-away' })).toBeNull();
    // An answer to a later decision without the first one leads nowhere either.
    expect(path({ 'd-keys': 'ask' })).toBeNull();
  });

  it('stops on a loop instead of going round for ever', () => {
    const loop: Scenario = {
      ...liftScenario,
      nodes: [
        { id: 's-start', kind: 'scene', next: 'd-offer' },
        {
          id: 'd-offer',
          kind: 'decision',
          choices: [
            { id: 'again', next: 's-start', risky: false },
            { id: 'stop', next: 'e-safe', risky: false },
          ],
        },
        { id: 'e-safe', kind: 'ending', outcome: 'safe', pointsTo: teaches },
      ],
    };
    expect(endingReached(loop, () => 'again')).toBeNull();
  });
});

describe('buildClassReport (the hand-worked class)', () => {
  const report: ClassReport = buildClassReport(structure, input);

  it('counts who joined, started and finished', () => {
    // Finished = answered k-lift in the after wave: s1–s8 and s11.
    expect(report.headline).toEqual({ joined: 12, started: 11, finished: 9 });
  });

  it('tallies each knowledge item in each phase, misconceptions in content order', () => {
    expect(report.knowledge).toEqual([
      {
        itemId: 'k-lift',
        phase: 'before',
        kind: 'single',
        answered: 10,
        correct: 4,
        misconceptions: [
          { misconceptionId: 'm-slow', count: 3 },
          { misconceptionId: 'm-short', count: 3 },
        ],
        misconceptionsAdditive: true,
        confidenceAsked: true,
        confidentErrors: 3,
      },
      {
        itemId: 'k-lift',
        phase: 'main',
        kind: 'single',
        answered: 0,
        correct: 0,
        misconceptions: [
          { misconceptionId: 'm-slow', count: 0 },
          { misconceptionId: 'm-short', count: 0 },
        ],
        misconceptionsAdditive: true,
        confidenceAsked: true,
        confidentErrors: 0,
      },
      {
        itemId: 'k-lift',
        phase: 'after',
        kind: 'single',
        answered: 9,
        correct: 8,
        misconceptions: [
          { misconceptionId: 'm-slow', count: 1 },
          { misconceptionId: 'm-short', count: 0 },
        ],
        misconceptionsAdditive: true,
        confidenceAsked: true,
        confidentErrors: 1,
      },
      {
        itemId: 'k-help',
        phase: 'main',
        kind: 'multiple',
        answered: 11,
        correct: 6,
        misconceptions: [
          { misconceptionId: 'm-map', count: 3 },
          { misconceptionId: 'm-hype', count: 3 },
          { misconceptionId: null, count: 1 },
        ],
        misconceptionsAdditive: false,
        confidenceAsked: true,
        confidentErrors: 2,
      },
      // The follow-up phase isn't listed: this session has no follow-up answers.
      {
        itemId: 'k-order',
        phase: 'main',
        kind: 'ordering',
        answered: 8,
        correct: 5,
        misconceptions: [{ misconceptionId: 'm-order', count: 3 }],
        misconceptionsAdditive: true,
        confidenceAsked: true,
        confidentErrors: 0,
      },
      {
        itemId: 'k-tf',
        phase: 'main',
        kind: 'truefalse',
        answered: 11,
        correct: 9,
        misconceptions: [{ misconceptionId: 'm-slow', count: 2 }],
        misconceptionsAdditive: true,
        confidenceAsked: false,
        confidentErrors: 0,
      },
    ]);
  });

  it('tallies fact guesses: close number guesses, and each option of a choice guess', () => {
    expect(report.facts).toEqual([
      { factId: 'F1', kind: 'number', answered: 11, correct: 7, options: [] },
      {
        factId: 'F2',
        kind: 'choice',
        answered: 10,
        correct: 6,
        options: [
          { optionId: 'one-in-five', correct: true, count: 6 },
          { optionId: 'one-in-fifty', correct: false, count: 4 },
        ],
      },
    ]);
  });

  it('counts each choice at each decision and the endings the paths reached', () => {
    expect(report.scenarios).toEqual([
      {
        scenarioId: 'lift',
        decisions: [
          {
            nodeId: 'd-offer',
            answered: 11,
            choices: [
              { choiceId: 'say-no', risky: false, count: 7 },
              { choiceId: 'get-in', risky: true, count: 4 },
            ],
          },
          {
            nodeId: 'd-keys',
            answered: 6,
            choices: [
              { choiceId: 'ask', risky: false, count: 5 },
              { choiceId: 'leave', risky: true, count: 1 },
            ],
          },
        ],
        endings: [
          { nodeId: 'e-safe', outcome: 'safe', count: 5 },
          { nodeId: 'e-mixed', outcome: 'mixed', count: 1 },
          { nodeId: 'e-risky', outcome: 'risky', count: 4 },
        ],
        reachedEnding: 10,
      },
    ]);
  });

  it('compares knowledge before and after over matched pairs', () => {
    // Before: s1–s10 (s1–s4 all right). After: s1–s8, s11 (all right but s8).
    // Matched s1–s8: before 4/8 = 0.5; after 7/8 = 0.875. s5–s7 gained 1 each: Σ(change)² = 3.
    expect(report.change.knowledge).toEqual({ nBefore: 10, nAfter: 9, nMatched: 8, meanBefore: 0.5, meanAfter: 0.875, sumSquaredChange: 3 });
  });

  it('compares each attitude item over matched pairs, scored so that 5 is safer', () => {
    expect(report.change.attitudeItems).toEqual([
      // Matched s1–s7, s9 (s8 preferred not to say before; s10 has no after; s11 no before):
      // before 2 2 3 3 4 4 1 5 = 24/8 = 3; after 4 4 4 5 4 5 2 5 = 33/8 = 4.125; changes 2 2 1 2 0 1 1 0.
      { itemId: 'att-fine', construct: 'attitude', reverse: true, nBefore: 9, nAfter: 10, nMatched: 8, meanBefore: 3, meanAfter: 4.125, sumSquaredChange: 15 },
      { itemId: 'att-quick', construct: 'attitude', reverse: false, nBefore: 2, nAfter: 2, nMatched: 1, meanBefore: 4, meanAfter: 5, sumSquaredChange: 1 },
      // Matched s1–s8: before 28/8 = 3.5; after 32/8 = 4.
      { itemId: 'norm-refuse', construct: 'norm', reverse: false, nBefore: 8, nAfter: 9, nMatched: 8, meanBefore: 3.5, meanAfter: 4, sumSquaredChange: 4 },
      { itemId: 'int-seat', construct: 'intention', reverse: false, nBefore: 3, nAfter: 3, nMatched: 3, meanBefore: 13 / 3, meanAfter: 5, sumSquaredChange: 2 },
    ]);
  });

  it('compares each measure over the items each student answered at both waves', () => {
    // attitude = att-fine and att-quick. At a wave: any item answered (before: s1–s7, s9, s10;
    // after: s1–s9, s11, and s3 through att-quick). Pairs: s1 over both items (3 → 4.5), the
    // others over att-fine alone: s2 2→4, s3 3→4, s4 3→5, s5 4→4, s6 4→5, s7 1→2, s9 5→5.
    // Before 25/8 = 3.125; after 33.5/8 = 4.1875; Σ(change)² = 1.5² + 2² + 1 + 2² + 0 + 1 + 1 + 0 = 13.25.
    expect(report.change.constructs).toEqual([
      { construct: 'attitude', nBefore: 9, nAfter: 10, nMatched: 8, meanBefore: 3.125, meanAfter: 4.1875, sumSquaredChange: 13.25 },
      { construct: 'norm', nBefore: 8, nAfter: 9, nMatched: 8, meanBefore: 3.5, meanAfter: 4, sumSquaredChange: 4 },
      { construct: 'intention', nBefore: 3, nAfter: 3, nMatched: 3, meanBefore: 13 / 3, meanAfter: 5, sumSquaredChange: 2 },
    ]);
  });

  it('counts plans picked and students who wrote their own', () => {
    expect(report.plans).toEqual({
      answered: 9,
      plans: [
        { planId: 'plan-call', count: 7 },
        { planId: 'plan-speak', count: 3 },
        { planId: 'plan-wait', count: 1 },
      ],
      ownPlanWriters: 3,
    });
  });

  it('ignores answers from anyone not in the session', () => {
    const stranger: ReportAnswer = {
      participantId: 'someone-else',
      itemId: 'k-tf',
      phase: 'main',
      response: choice('true'),
      correct: false,
      confidence: null,
    };
    const withStranger = buildClassReport(structure, { ...input, answers: [...rows, stranger] });
    expect(withStranger).toEqual(report);
  });

  it('leaves out answers that were not scored (another content version)', () => {
    const unscored = rows.map((row) => (row.itemId === 'k-tf' && row.participantId === 's10' ? { ...row, correct: null } : row));
    const item = buildClassReport(structure, { ...input, answers: unscored }).knowledge.find((k) => k.itemId === 'k-tf');
    expect(item).toMatchObject({ answered: 10, correct: 9, misconceptions: [{ misconceptionId: 'm-slow', count: 1 }] });
  });

  it('without before/after, lists no before or after items and finishes at the plan', () => {
    const noWaves = buildClassReport(structure, { ...input, session: { ...session, beforeAfter: false }, answers: rows.filter((r) => r.phase === 'main') });
    expect(noWaves.knowledge.map((k) => `${k.itemId}:${k.phase}`)).toEqual(['k-lift:main', 'k-help:main', 'k-order:main', 'k-tf:main']);
    expect(noWaves.headline).toEqual({ joined: 12, started: 11, finished: 9 });
    expect(noWaves.change.knowledge).toEqual({ nBefore: 0, nAfter: 0, nMatched: 0, meanBefore: null, meanAfter: null, sumSquaredChange: 0 });
    expect(noWaves.pairedDevices).toBeNull();
  });

  it('in a follow-up, lists only the follow-up items, finishes at the last of them and counts paired devices', () => {
    const order = (n: number): ReportAnswer => ({
      participantId: student(n),
      itemId: 'k-order',
      phase: 'followup',
      response: { kind: 'order', optionIds: ['first', 'second', 'third'] },
      correct: true,
      confidence: null,
    });
    const followUp = buildClassReport(structure, {
      session: { ...session, beforeAfter: false, followUp: true },
      participantIds: students(1, 2, 3),
      answers: [order(1), order(2)],
      pairing: {
        first: [{ participantId: 'old-1', pairingHash: 'h1' }, { participantId: 'old-2', pairingHash: 'h2' }],
        followUp: [{ participantId: student(1), pairingHash: 'h1' }, { participantId: student(2), pairingHash: null }, { participantId: student(3), pairingHash: 'h9' }],
      },
    });
    expect(followUp.knowledge.map((k) => `${k.itemId}:${k.phase}:${k.correct}`)).toEqual(['k-order:followup:2']);
    expect(followUp.headline).toEqual({ joined: 3, started: 2, finished: 2 });
    expect(followUp.pairedDevices).toBe(1);
    expect(discloseClassReport(structure, followUp, disclosurePolicies()).page.pairedDevices).toEqual({ kind: 'fewer-than', k: 5 });
  });

  it('in a follow-up, compares the intention statements now with the same devices at the first session’s start', () => {
    const seat = (participantId: string, phase: 'before' | 'followup', value: number | null): ReportAnswer => ({
      participantId,
      itemId: 'int-seat',
      phase,
      response: { kind: 'scale', value },
      correct: null,
      confidence: null,
    });
    const followUp = buildClassReport(structure, {
      session: { ...session, beforeAfter: false, followUp: true },
      participantIds: students(1, 2, 3, 4),
      // s4 joined and answered nothing: counted at neither wave, though its device was there the first time.
      answers: [seat(student(1), 'followup', 5), seat(student(2), 'followup', 4), seat(student(3), 'followup', 2)],
      pairing: {
        first: ['old-1', 'old-2', 'old-3', 'old-4'].map((participantId, i) => ({ participantId, pairingHash: `h${i + 1}` })),
        followUp: [
          { participantId: student(1), pairingHash: 'h1' },
          { participantId: student(2), pairingHash: 'h2' },
          { participantId: student(3), pairingHash: 'h9' },
          { participantId: student(4), pairingHash: 'h4' },
        ],
        firstAnswers: [seat('old-1', 'before', 3), seat('old-2', 'before', null), seat('old-4', 'before', 2), seat('old-3', 'before', 1)],
      },
    });
    // s1 paired and answered both times (3 → 5); s2 paired but chose "prefer not to say" first; s3 unpaired.
    expect(followUp.change.attitudeItems).toEqual([
      { itemId: 'int-seat', construct: 'intention', reverse: false, nBefore: 1, nAfter: 3, nMatched: 1, meanBefore: 3, meanAfter: 5, sumSquaredChange: 4 },
    ]);
    expect(followUp.change.constructs).toEqual([{ construct: 'intention', nBefore: 1, nAfter: 3, nMatched: 1, meanBefore: 3, meanAfter: 5, sumSquaredChange: 4 }]);
    expect(followUp.change.knowledge.nAfter).toBe(0);
    // Disclosed under the class view like any change: a pair of one is no figure.
    const page = discloseClassReport(structure, followUp, disclosurePolicies()).page;
    expect(page.change.attitudeItems[0]).toMatchObject({ nMatched: { kind: 'fewer-than', k: 5 }, before: { kind: 'fewer-than', k: 5 } });
  });
});

describe('discloseClassReport', () => {
  const report = buildClassReport(structure, input);
  const policies = disclosurePolicies();
  const disclosed = discloseClassReport(structure, report, policies);
  const page = disclosed.page;
  const file = disclosed.file();
  const count = (value: number) => ({ kind: 'count', value }) as const;
  const mean = (value: number) => ({ kind: 'mean', value }) as const;
  const fewerThan = (k: number) => ({ kind: 'fewer-than', k }) as const;
  const withheld = { kind: 'withheld' } as const;

  /** Every count a disclosed report shows as a number. */
  const shownCounts = (shown: unknown): number[] => {
    const counts: number[] = [];
    JSON.stringify(shown, (_key, value: unknown) => {
      if (value && typeof value === 'object' && 'kind' in value && value.kind === 'count' && 'value' in value) counts.push(value.value as number);
      return value;
    });
    return counts;
  };

  it('never carries the session id', () => {
    expect(page.session).not.toHaveProperty('id');
    expect(page.session.joinCode).toBe('KXT4PM');
  });

  it('class view: k = 5 for every kind of figure, knowledge and head counts included', () => {
    expect(page.policy).toEqual(policies.classView);
    const counts = shownCounts(page);
    expect(counts.length).toBeGreaterThan(10);
    for (const n of counts) expect(n === 0 || n >= 5).toBe(true);
    // k-lift before: 4 right, 3 and 3 wrong, of 10: every group small, the 10 safe to show.
    expect(page.knowledge[0]).toEqual({
      itemId: 'k-lift',
      phase: 'before',
      kind: 'single',
      answered: count(10),
      correct: { value: fewerThan(5), share: withheld },
      misconceptions: [
        { misconceptionId: 'm-slow', value: fewerThan(5), share: withheld },
        { misconceptionId: 'm-short', value: fewerThan(5), share: withheld },
      ],
      confidenceAsked: true,
      confidentErrors: fewerThan(5),
    });
    // k-help: 6 right of 11; the wrong answers' beliefs are all small. 11 answered of the 12 the
    // teacher knows joined would leave at most 1 who never answered: the 11 goes.
    expect(page.knowledge[3]).toMatchObject({ answered: withheld, correct: { value: count(6), share: withheld } });
  });

  it('withholds a total that would give away a small group: 8 right of 9 leaves 1 wrong', () => {
    expect(page.knowledge[2]).toMatchObject({ phase: 'after', answered: withheld, correct: { value: count(8), share: withheld } });
    // 9 of 11 right at k-tf, 5 of 8 at k-order: the totals go.
    expect(page.knowledge[5]).toMatchObject({ answered: withheld, correct: { value: count(9) } });
    expect(page.knowledge[4]).toMatchObject({ answered: withheld, correct: { value: count(5) } });
  });

  it('discloses the head counts together: 12 joined, 11 started and 9 finished would show 1 and 3', () => {
    // How many joined the teacher knows (and their session list shows): it stays, the others go.
    expect(page.headline).toEqual({ joined: count(12), started: withheld, finished: withheld });
  });

  it('discloses a story’s decisions and endings together, along the paths between them', () => {
    const [lift] = page.scenarios;
    // d-offer: 7 say no and 4 get in, of 11. d-keys (reached by saying no): 5 ask and 1 leaves,
    // of 6, so one of the 7 stopped. Endings: safe = ask (5), mixed = leave (1), risky = get in (4),
    // 10 in all. 11 at the first decision beside 10 at an ending would show the one who stopped,
    // and 6 at d-keys the one who left: those totals go.
    expect(lift?.decisions[0]).toEqual({
      nodeId: 'd-offer',
      answered: withheld,
      choices: [
        { choiceId: 'say-no', risky: false, value: withheld, share: withheld },
        { choiceId: 'get-in', risky: true, value: fewerThan(5), share: withheld },
      ],
    });
    expect(lift?.decisions[1]).toMatchObject({ answered: withheld, choices: [{ value: count(5) }, { value: fewerThan(5) }] });
    // Of the 10 endings, 5 safe: the mixed and risky add up to 5, which each of 1 to 4 could make.
    expect(lift?.endings.map((e) => e.value)).toEqual([count(5), fewerThan(5), fewerThan(5)]);
    expect(lift?.reachedEnding).toEqual(count(10));
  });

  it('discloses before, after and matched counts together, so attrition is never a small number', () => {
    // Knowledge: 10 at the start, 9 at the end, 8 both: 2 and 1 left over. The pairs go, and their means.
    expect(page.change.knowledge).toEqual({ nBefore: count(10), nAfter: count(9), nMatched: withheld, before: withheld, after: withheld, change: withheld });
    // Attitudes: 9, 10 and 8 pairs; the pairs and their means stay, the waves go.
    expect(page.change.constructs[0]).toEqual({
      construct: 'attitude',
      nBefore: withheld,
      nAfter: withheld,
      nMatched: count(8),
      before: mean(3.1),
      after: mean(4.2),
      change: mean(1.1),
    });
    // Norms: 8 at the start are the 8 pairs (none only at the start); 9 at the end would leave 1.
    expect(page.change.constructs[1]).toMatchObject({ nBefore: count(8), nAfter: withheld, nMatched: count(8), change: mean(0.5) });
    expect(page.change.constructs[2]).toMatchObject({ nMatched: fewerThan(5), before: fewerThan(5), change: fewerThan(5) });
  });

  it('gives the change as the difference of the means shown: 4.1 − 3.0, not the exact 1.125 rounded', () => {
    expect(page.change.attitudeItems[0]).toMatchObject({ itemId: 'att-fine', before: mean(3), after: mean(4.1), change: mean(1.1) });
  });

  it('plans: a plan nearly everyone picked would show how many didn’t', () => {
    expect(page.plans).toEqual({
      answered: withheld,
      plans: [
        { planId: 'plan-call', value: count(7), share: withheld },
        { planId: 'plan-speak', value: fewerThan(5), share: withheld },
        { planId: 'plan-wait', value: fewerThan(5), share: withheld },
      ],
      ownPlanWriters: { value: fewerThan(5), share: withheld },
    });
  });

  it('the file: k = 10 and rounding to 5 everywhere, from the page’s figures', () => {
    expect(file.policy).toEqual(policies.export);
    const counts = shownCounts(file);
    for (const n of counts) {
      expect(n === 0 || n >= 10).toBe(true);
      expect(n % 5).toBe(0);
    }
    // k-help's 6 right (shown on the page) are fewer than 10 here; its total the page withholds.
    expect(file.knowledge[3]).toMatchObject({ answered: withheld, correct: { value: fewerThan(10) } });
    expect(file.headline.joined).toEqual(count(10));
    expect(file.change.constructs[0]).toMatchObject({ nMatched: fewerThan(10), before: fewerThan(10) });
  });

  it('the file hides everything the page hides, so together they tell no more than the page', () => {
    const hiddenOnPage: string[] = [];
    const shownInFile = new Set<string>();
    const walk = (value: unknown, path: string, visit: (path: string, figure: { kind: string }) => void): void => {
      if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}[${i}]`, visit));
      if (value === null || typeof value !== 'object') return;
      const record = value as Record<string, unknown>;
      if (typeof record.kind === 'string') visit(path, record as { kind: string });
      for (const [key, v] of Object.entries(record)) if (key !== 'policy' && key !== 'session') walk(v, `${path}.${key}`, visit);
    };
    walk(page, 'r', (path, figure) => figure.kind === 'withheld' && hiddenOnPage.push(path));
    walk(file, 'r', (path, figure) => (figure.kind === 'count' || figure.kind === 'mean' || figure.kind === 'share') && shownInFile.add(path));
    expect(hiddenOnPage.length).toBeGreaterThan(5);
    for (const path of hiddenOnPage) expect(shownInFile.has(path), path).toBe(false);
  });
});

describe('discloseClassReport: means near an end of the scale', () => {
  it('withholds an average that says how many gave another answer: all at 5 but one', () => {
    const ids = range(1, 8);
    const answers: ReportAnswer[] = ids.flatMap((n) => [
      { participantId: student(n), itemId: 'norm-refuse', phase: 'before' as const, response: scale(3), correct: null, confidence: null },
      { participantId: student(n), itemId: 'norm-refuse', phase: 'after' as const, response: scale(n === 1 ? 4 : 5), correct: null, confidence: null },
    ]);
    const attitudes = buildClassReport(structure, { session, participantIds: students(...ids), answers });
    const shown = discloseClassReport(structure, attitudes, disclosurePolicies()).page;
    // After: 39 of 40 points, 4.9: seven at 5 and one at 4. Before: all 3, which names no one apart.
    expect(shown.change.attitudeItems.find((c) => c.itemId === 'norm-refuse')).toMatchObject({
      nMatched: { kind: 'count', value: 8 },
      before: { kind: 'withheld' },
      after: { kind: 'withheld' },
      change: { kind: 'withheld' },
    });
    // Three points short of everyone at 5 could be one student at 2, or two, or three: shown.
    const three = answers.map((a) => (a.phase === 'after' && a.participantId === student(1) ? { ...a, response: scale(2) } : a));
    const shownThree = discloseClassReport(structure, buildClassReport(structure, { session, participantIds: students(...ids), answers: three }), disclosurePolicies()).page;
    expect(shownThree.change.attitudeItems.find((c) => c.itemId === 'norm-refuse')).toMatchObject({ before: { kind: 'mean', value: 3 }, after: { kind: 'mean', value: 4.6 } });
  });
});
