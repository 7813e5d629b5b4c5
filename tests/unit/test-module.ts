/**
 * A small module for tests: one of every kind of thing an answer can refer to, independent of
 * the real content in `content/`, which changes as officers edit it.
 */
import { randomUUID } from 'node:crypto';
import type { Answer } from '@/lib/api/schemas';
import type { LoadedModule } from '@/lib/content/load';
import type { ModuleStructure, ModuleText } from '@/lib/content/schema';

export const TEST_CONTENT_VERSION = 'abc123abc123';
export const OLD_CONTENT_VERSION = '000000000000';

const teaches = { facts: ['F1' as const], considerations: [] };

export const testStructure: ModuleStructure = {
  id: 'test-module',
  sources: [{ id: 'src', title: 'Source', publisher: 'Publisher', year: 2024, reviewBy: '2026-01-01' }],
  facts: [
    { id: 'F1', sources: ['src'], guess: { kind: 'number', min: 0, max: 10, step: 0.5, start: 1, answer: 4 } },
    {
      id: 'F2',
      sources: ['src'],
      guess: {
        kind: 'choice',
        options: [
          { id: 'one-in-five', correct: true },
          { id: 'one-in-fifty', correct: false },
        ],
      },
    },
  ],
  misconceptions: [{ id: 'm-wrong' }],
  items: [
    {
      id: 'q-single',
      kind: 'single',
      phases: ['before', 'main', 'after'],
      teaches,
      askConfidence: true,
      depth: 'core',
      options: [
        { id: 'right', correct: true },
        { id: 'wrong', correct: false, misconception: 'm-wrong' },
        { id: 'also-wrong', correct: false, misconception: 'm-wrong' },
      ],
    },
    {
      id: 'q-multi',
      kind: 'multiple',
      phases: ['main'],
      teaches,
      askConfidence: true,
      depth: 'core',
      options: [
        { id: 'a', correct: true },
        { id: 'b', correct: true },
        { id: 'c', correct: false, misconception: 'm-wrong' },
      ],
    },
    {
      id: 'q-tf',
      kind: 'truefalse',
      phases: ['main'],
      teaches,
      askConfidence: false,
      depth: 'core',
      options: [
        { id: 'true', correct: false, misconception: 'm-wrong' },
        { id: 'false', correct: true },
      ],
    },
    {
      id: 'q-order',
      kind: 'ordering',
      phases: ['main', 'followup'],
      teaches,
      askConfidence: true,
      depth: 'core',
      misconception: 'm-wrong',
      options: [{ id: 'first' }, { id: 'second' }, { id: 'third' }],
    },
  ],
  attitudeItems: [{ id: 'a-speed', construct: 'attitude', phases: ['before', 'after'], reverse: true, teaches }],
  scenarios: [
    {
      id: 'party',
      role: 'passenger',
      depth: 'core',
      start: 'intro',
      teaches,
      nodes: [
        { id: 'intro', kind: 'scene', next: 'offer' },
        {
          id: 'offer',
          kind: 'decision',
          choices: [
            { id: 'accept', next: 'end-risky', risky: true },
            { id: 'decline', next: 'end-safe', risky: false },
          ],
        },
        { id: 'end-risky', kind: 'ending', outcome: 'risky', pointsTo: teaches },
        { id: 'end-safe', kind: 'ending', outcome: 'safe', pointsTo: teaches },
      ],
    },
  ],
  plans: [
    { id: 'plan-call', teaches },
    { id: 'plan-speak', teaches },
  ],
  pictures: [],
};

const testText: ModuleText = {
  title: 'Test module',
  tagline: 'Tagline',
  intro: 'Intro',
  contentNote: 'Note',
  summary: { heading: 'Summary', body: 'Body' },
  considerations: {},
  facts: {},
  misconceptions: {},
  items: {},
  attitudeItems: {},
  scenarios: {},
  plans: {},
  pictures: {},
};

export const testModule: LoadedModule = {
  structure: testStructure,
  text: { 'en-GB': testText, pl: testText },
  version: TEST_CONTENT_VERSION,
};

/** A valid answer to `itemId` in the test module, with a fresh id; override what a test varies. */
export function makeAnswer(overrides: Partial<Answer> & Pick<Answer, 'itemId' | 'response'>): Answer {
  return {
    id: randomUUID(),
    phase: 'main',
    contentVersion: TEST_CONTENT_VERSION,
    answeredAt: '2025-03-14T10:15:00.000Z',
    ...overrides,
  };
}

/** One valid answer of each kind, all in phase main. */
export function answerBatch(): Answer[] {
  return [
    makeAnswer({ itemId: 'F1', response: { kind: 'number', value: 3.5 } }),
    makeAnswer({ itemId: 'F2', response: { kind: 'choice', optionIds: ['one-in-fifty'] } }),
    makeAnswer({ itemId: 'q-single', response: { kind: 'choice', optionIds: ['right'] }, confidence: 3 }),
    makeAnswer({ itemId: 'q-order', response: { kind: 'order', optionIds: ['second', 'first', 'third'] } }),
    makeAnswer({ itemId: 'party/offer', response: { kind: 'choice', optionIds: ['decline'] } }),
    makeAnswer({ itemId: 'plan', response: { kind: 'plan', planIds: ['plan-call'], ownPlanCount: 1 } }),
  ];
}
