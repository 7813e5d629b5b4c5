import { describe, expect, it } from 'vitest';
import type { Phase } from '@/lib/content/schema';
import { answerKey, buildJourney, resumePosition, sectionProgress, showsFeedback, stepAnswerKey, type JourneyContent, type JourneyStep } from './journey';

const content: JourneyContent = {
  facts: [{ id: 'F1' }, { id: 'F2' }],
  items: [
    { id: 'q-before', phases: ['before'] },
    { id: 'q-main', phases: ['main', 'followup'] },
    { id: 'q-main-2', phases: ['main'] },
    { id: 'q-deep', phases: ['main'], depth: 'deeper' },
    { id: 'q-after', phases: ['after'] },
  ],
  attitudeItems: [
    { id: 'a-1', phases: ['before', 'after'] },
    { id: 'a-retired', phases: [] },
  ],
  scenarios: [{ id: 'party-lift' }, { id: 'two-am', depth: 'deeper' }],
};

const label = (s: JourneyStep) =>
  'itemId' in s ? `${s.kind}:${s.phase}:${s.itemId}` : 'factId' in s ? `fact:${s.factId}` : 'scenarioId' in s ? `scenario:${s.scenarioId}` : 'section' in s && s.kind === 'section' ? `section:${s.section}` : s.kind;

const CORE_WITHOUT_WAVES = [
  'intro',
  'section:facts',
  'fact:F1',
  'fact:F2',
  'section:scenarios',
  'scenario:party-lift',
  'section:quiz',
  'item:main:q-main',
  'item:main:q-main-2',
  'plan',
];
const DEEPER = ['section:deeper', 'scenario:two-am', 'item:main:q-deep'];

describe('buildJourney', () => {
  it('leaves out the before and after waves when a class session turns them off', () => {
    expect(buildJourney(content, { beforeAfter: false }).map(label)).toEqual([...CORE_WITHOUT_WAVES, 'summary']);
  });

  it('builds a follow-up of the intention items and the retrieval quiz only, before/after or not', () => {
    const withFollowUp: JourneyContent = { ...content, attitudeItems: [...content.attitudeItems, { id: 'int-1', phases: ['before', 'after', 'followup'] }] };
    const expected = ['intro', 'section:followup', 'attitude:followup:int-1', 'item:followup:q-main', 'summary'];
    expect(buildJourney(withFollowUp, { followUp: true }).map(label)).toEqual(expected);
    expect(buildJourney(withFollowUp, { followUp: true, beforeAfter: false, path: 'full', offerDeeper: true }).map(label)).toEqual(expected);
    expect(sectionProgress(buildJourney(withFollowUp, { followUp: true }), 3)).toEqual({ section: 'followup', at: 2, of: 2 });
  });

  it('orders the core as decision note 014 describes: the waves around the facts, the stories, then the quiz', () => {
    const steps = buildJourney(content).map(label);
    expect(steps).toEqual([
      'intro',
      'section:before',
      'attitude:before:a-1',
      'item:before:q-before',
      ...CORE_WITHOUT_WAVES.slice(1),
      'section:after',
      'attitude:after:a-1',
      'item:after:q-after',
      'summary',
    ]);
  });

  it('asks a fact again only after a story, never straight after its reveal', () => {
    const steps = buildJourney(content).map(label);
    expect(steps.indexOf('scenario:party-lift')).toBeGreaterThan(steps.indexOf('fact:F2'));
    expect(steps.indexOf('item:main:q-main')).toBeGreaterThan(steps.indexOf('scenario:party-lift'));
  });

  it('puts the deeper sections after the whole core, the after wave included', () => {
    const steps = buildJourney(content, { path: 'full' }).map(label);
    expect(steps.slice(-DEEPER.length - 1)).toEqual([...DEEPER, 'summary']);
    expect(steps.indexOf('section:deeper')).toBeGreaterThan(steps.indexOf('item:after:q-after'));
    expect(buildJourney(content, { path: 'full', beforeAfter: false }).map(label)).toEqual([...CORE_WITHOUT_WAVES, ...DEEPER, 'summary']);
  });

  it('offers the deeper sections at the end of the core, at the same step whichever path follows', () => {
    const core = buildJourney(content, { path: 'core', offerDeeper: true }).map(label);
    const full = buildJourney(content, { path: 'full', offerDeeper: true }).map(label);
    const offer = core.indexOf('deeper-offer');
    expect(offer).toBe(core.length - 2);
    expect(full.indexOf('deeper-offer')).toBe(offer);
    expect(full.slice(0, offer + 1)).toEqual(core.slice(0, offer + 1));
    expect(full.slice(offer + 1)).toEqual([...DEEPER, 'summary']);
  });

  it('offers nothing when there is nothing deeper', () => {
    const flat: JourneyContent = { ...content, items: content.items.filter((i) => i.depth !== 'deeper'), scenarios: [{ id: 'party-lift' }] };
    expect(buildJourney(flat, { path: 'full', offerDeeper: true }).map(label)).not.toContain('deeper-offer');
    expect(buildJourney(flat, { path: 'full' }).map(label)).not.toContain('section:deeper');
  });

  it('asks no retired attitude item', () => {
    expect(buildJourney(content, { path: 'full' }).map(label).filter((l) => l.includes('a-retired'))).toEqual([]);
  });
});

describe('showsFeedback', () => {
  it('teaches in the main and follow-up phases, and only measures in the before and after waves', () => {
    expect(['before', 'main', 'after', 'followup'].filter((p) => showsFeedback(p as Phase))).toEqual(['main', 'followup']);
  });
});

describe('resumePosition', () => {
  const steps = buildJourney(content);
  const answered = (...keys: string[]) => new Set(keys);

  it('returns the stored position when every answer before it is stored', () => {
    expect(resumePosition(steps, 5, answered(answerKey('before', 'a-1'), answerKey('before', 'q-before')))).toBe(5);
  });

  it('goes back to the first step whose answer is missing', () => {
    expect(resumePosition(steps, 9, answered(answerKey('before', 'a-1')))).toBe(3);
  });

  it('clamps a position outside the journey', () => {
    expect(resumePosition(steps, -4, answered())).toBe(0);
    expect(resumePosition(steps, 0, answered())).toBe(0);
    const all = new Set(steps.map(stepAnswerKey).filter((k): k is string => k !== null));
    expect(resumePosition(steps, 999, all)).toBe(steps.length - 1);
  });
});

describe('sectionProgress', () => {
  const steps = buildJourney(content);
  it('counts steps within a section, not section cards', () => {
    expect(sectionProgress(steps, 6)).toEqual({ section: 'facts', at: 2, of: 2 });
    expect(sectionProgress(steps, 1)).toBeNull();
  });
});
