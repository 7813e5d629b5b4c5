/**
 * Per-step teacher notes for the presenter view: a discussion prompt and the key point, in
 * every locale, in `content/modules/<id>/teacher-notes/<locale>.json`. Keyed by content id
 * (`fact:F1`, `item:m-glance`, `scenario:party-lift`, `section:quiz`, `plan`, `summary`), not
 * by step number, so notes follow their question wherever the module's sections put it.
 */
import { z } from 'zod';
import type { JourneyStep } from '@/lib/domain/journey';

export const teacherNoteSchema = z.strictObject({
  prompt: z.string().trim().min(10).describe('A question to put to the class.'),
  keyPoint: z.string().trim().min(10).describe('What the class should leave this step knowing.'),
});
export type TeacherNote = z.infer<typeof teacherNoteSchema>;

export const teacherNotesSchema = z.strictObject({
  notes: z.record(z.string().regex(/^(fact|item|scenario|section):[a-z0-9-]+$|^(plan|summary)$/i), teacherNoteSchema),
});
export type TeacherNotes = z.infer<typeof teacherNotesSchema>;

/** The note a step is keyed by, or null for a step that has none (the intro, a before/after question). */
export function teacherNoteKey(step: JourneyStep): string | null {
  switch (step.kind) {
    case 'fact':
      return `fact:${step.factId}`;
    case 'item':
      return step.phase === 'main' ? `item:${step.itemId}` : null;
    case 'scenario':
      return `scenario:${step.scenarioId}`;
    case 'section':
      return step.section === 'before' || step.section === 'after' || step.section === 'followup' ? null : `section:${step.section}`;
    case 'plan':
      return 'plan';
    case 'summary':
      return 'summary';
    default:
      return null;
  }
}

/**
 * The keys a live session's core steps need a note for (every step of a journey that has a key),
 * missing from one locale's notes; and the keys a locale has that no step uses (a renamed id).
 */
export function teacherNoteGaps(steps: readonly JourneyStep[], notes: TeacherNotes): { missing: string[]; unused: string[] } {
  const keys = [...new Set(steps.map(teacherNoteKey).filter((k): k is string => k !== null))];
  return { missing: keys.filter((k) => !(k in notes.notes)), unused: Object.keys(notes.notes).filter((k) => !keys.includes(k)) };
}
