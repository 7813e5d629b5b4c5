import { describe, expect, it } from 'vitest';
import { buildJourney } from '@/lib/domain/journey';
import { teacherNoteGaps, teacherNoteKey, teacherNotesSchema } from './teacher-notes';

const content = {
  facts: [{ id: 'F1' }],
  items: [{ id: 'q1', phases: ['before', 'main'] as const }],
  attitudeItems: [{ id: 'a1', phases: ['before'] as const }],
  scenarios: [{ id: 'lift' }],
};
const note = { prompt: 'A question for the class?', keyPoint: 'What they should leave knowing.' };

describe('teacher notes', () => {
  it('keys a step by its content id, not its place, and leaves the before/after questions without one', () => {
    const keys = buildJourney(content, { beforeAfter: true }).map(teacherNoteKey);
    expect(keys).toEqual([null, null, null, null, 'section:facts', 'fact:F1', 'section:scenarios', 'scenario:lift', 'section:quiz', 'item:q1', 'plan', null, 'summary']);
  });

  it('finds the core steps with no note, and notes no step uses', () => {
    const steps = buildJourney(content, { beforeAfter: false });
    const notes = teacherNotesSchema.parse({ notes: { 'fact:F1': note, 'item:q1': note, 'item:gone': note, plan: note } });
    expect(teacherNoteGaps(steps, notes)).toEqual({ missing: ['section:facts', 'section:scenarios', 'scenario:lift', 'section:quiz', 'summary'], unused: ['item:gone'] });
  });

  it('refuses a note without a prompt or a key point, or under a malformed key', () => {
    expect(teacherNotesSchema.safeParse({ notes: { 'fact:F1': { prompt: note.prompt } } }).success).toBe(false);
    expect(teacherNotesSchema.safeParse({ notes: { 'step 4': note } }).success).toBe(false);
  });
});
