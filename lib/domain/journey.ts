/**
 * The order of screens in one module (DESIGN.md, "The learning journey"), derived from the
 * content so that adding an item or a scenario needs no code. Pure: no I/O, no clock.
 */
import type { Phase } from '@/lib/content/schema';

export type Section = 'before' | 'facts' | 'quiz' | 'scenarios' | 'plan' | 'after' | 'followup';

export type JourneyStep =
  | { kind: 'intro' }
  | { kind: 'section'; section: Section }
  | { kind: 'attitude'; itemId: string; phase: Phase; section: Section }
  | { kind: 'item'; itemId: string; phase: Phase; section: Section }
  | { kind: 'fact'; factId: string; section: Section }
  | { kind: 'scenario'; scenarioId: string; section: Section }
  | { kind: 'plan'; section: Section }
  | { kind: 'summary' };

/** The least a journey needs to know about the content: ids and phases, in content order. */
export interface JourneyContent {
  facts: readonly { id: string }[];
  items: readonly { id: string; phases: readonly Phase[] }[];
  attitudeItems: readonly { id: string; phases: readonly Phase[] }[];
  scenarios: readonly { id: string }[];
}

export interface JourneyOptions {
  /** The before and after waves (a class session may turn them off); on for a student on their own. */
  beforeAfter?: boolean;
  /**
   * A follow-up session weeks later (DESIGN.md, step 8): only the retrieval quiz and the
   * intention items, so the same device's answers can be compared with its first visit.
   * `beforeAfter` does not apply.
   */
  followUp?: boolean;
}

export function buildJourney(content: JourneyContent, { beforeAfter = true, followUp = false }: JourneyOptions = {}): JourneyStep[] {
  if (followUp) return [{ kind: 'intro' }, ...wave(content, 'followup'), { kind: 'summary' }];
  return [
    { kind: 'intro' },
    ...(beforeAfter ? wave(content, 'before') : []),
    { kind: 'section', section: 'facts' },
    ...content.facts.map((f): JourneyStep => ({ kind: 'fact', factId: f.id, section: 'facts' })),
    { kind: 'section', section: 'quiz' },
    ...content.items
      .filter(inPhase('main'))
      .map((i): JourneyStep => ({ kind: 'item', itemId: i.id, phase: 'main', section: 'quiz' })),
    { kind: 'section', section: 'scenarios' },
    ...content.scenarios.map((s): JourneyStep => ({ kind: 'scenario', scenarioId: s.id, section: 'scenarios' })),
    { kind: 'plan', section: 'plan' },
    ...(beforeAfter ? wave(content, 'after') : []),
    { kind: 'summary' },
  ];
}

const inPhase = (phase: Phase) => (entry: { phases: readonly Phase[] }) => entry.phases.includes(phase);

/** A wave of questions asked in one phase: its title card, the attitude items, then the knowledge items. */
function wave(content: JourneyContent, phase: 'before' | 'after' | 'followup'): JourneyStep[] {
  return [
    { kind: 'section', section: phase },
    ...content.attitudeItems
      .filter(inPhase(phase))
      .map((a): JourneyStep => ({ kind: 'attitude', itemId: a.id, phase, section: phase })),
    ...content.items
      .filter(inPhase(phase))
      .map((i): JourneyStep => ({ kind: 'item', itemId: i.id, phase, section: phase })),
  ];
}

/** The key an answer is stored under on the device; the server's unique key is the same pair. */
export function answerKey(phase: Phase, itemId: string): string {
  return `${phase}:${itemId}`;
}

/** The answer key a step records, if it records exactly one answer. Scenarios record one per decision. */
export function stepAnswerKey(step: JourneyStep): string | null {
  switch (step.kind) {
    case 'attitude':
    case 'item':
      return answerKey(step.phase, step.itemId);
    case 'fact':
      return answerKey('main', step.factId);
    case 'plan':
      return answerKey('main', 'plan');
    default:
      return null;
  }
}

/**
 * Where a student resumes: the stored position, but never past a step whose answer is missing,
 * so a position saved ahead of its answer (a crash between the two writes) asks again rather
 * than skipping a question.
 */
export function resumePosition(steps: readonly JourneyStep[], stored: number, answered: ReadonlySet<string>): number {
  const last = steps.length - 1;
  const target = Math.min(Math.max(0, Math.trunc(stored)), last);
  for (let i = 0; i < target; i += 1) {
    const step = steps[i];
    const key = step ? stepAnswerKey(step) : null;
    if (key !== null && !answered.has(key)) return i;
  }
  return target;
}

/** Progress within the section a step belongs to, for "Fact 2 of 4". */
export function sectionProgress(steps: readonly JourneyStep[], index: number): { section: Section; at: number; of: number } | null {
  const step = steps[index];
  if (!step || !('section' in step) || step.kind === 'section') return null;
  const same = steps.filter((s) => s.kind !== 'section' && 'section' in s && s.section === step.section);
  return { section: step.section, at: same.indexOf(step) + 1, of: same.length };
}
