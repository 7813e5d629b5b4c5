import { describe, expect, it } from 'vitest';
import { answerKey, buildJourney, resumePosition, sectionProgress, stepAnswerKey, type JourneyContent, type JourneyStep } from './journey';

const content: JourneyContent = {
  facts: [{ id: 'F1' }, { id: 'F2' }],
  items: [
    { id: 'q-before', phases: ['before'] },
    { id: 'q-main', phases: ['main', 'followup'] },
    { id: 'q-main-2', phases: ['main'] },
    { id: 'q-after', phases: ['after'] },
  ],
  attitudeItems: [{ id: 'a-1', phases: ['before', 'after'] }],
  scenarios: [{ id: 'party-lift' }],
};

const label = (s: JourneyStep) =>
  'itemId' in s ? `${s.kind}:${s.phase}:${s.itemId}` : 'factId' in s ? `fact:${s.factId}` : 'scenarioId' in s ? `scenario:${s.scenarioId}` : 'section' in s && s.kind === 'section' ? `section:${s.section}` : s.kind;

describe('buildJourney', () => {
  it('leaves out the before and after waves when a class session turns them off', () => {
    expect(buildJourney(content, { beforeAfter: false }).map(label)).toEqual([
      'intro',
      'section:facts',
      'fact:F1',
      'fact:F2',
      'section:quiz',
      'item:main:q-main',
      'item:main:q-main-2',
      'section:scenarios',
      'scenario:party-lift',
      'plan',
      'summary',
    ]);
  });

  it('builds a follow-up of the intention items and the retrieval quiz only, before/after or not', () => {
    const withFollowUp: JourneyContent = { ...content, attitudeItems: [...content.attitudeItems, { id: 'int-1', phases: ['before', 'after', 'followup'] }] };
    const expected = ['intro', 'section:followup', 'attitude:followup:int-1', 'item:followup:q-main', 'summary'];
    expect(buildJourney(withFollowUp, { followUp: true }).map(label)).toEqual(expected);
    expect(buildJourney(withFollowUp, { followUp: true, beforeAfter: false }).map(label)).toEqual(expected);
    expect(sectionProgress(buildJourney(withFollowUp, { followUp: true }), 3)).toEqual({ section: 'followup', at: 2, of: 2 });
  });

  it('orders the journey as DESIGN.md describes, from the content', () => {
    const steps = buildJourney(content).map(label);
    expect(steps).toEqual([
      'intro',
      'section:before',
      'attitude:before:a-1',
      'item:before:q-before',
      'section:facts',
      'fact:F1',
      'fact:F2',
      'section:quiz',
      'item:main:q-main',
      'item:main:q-main-2',
      'section:scenarios',
      'scenario:party-lift',
      'plan',
      'section:after',
      'attitude:after:a-1',
      'item:after:q-after',
      'summary',
    ]);
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
