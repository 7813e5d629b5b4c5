/**
 * The order of screens in one module (DESIGN.md, "The learning journey"), derived from the
 * content so that adding an item or a scenario needs no code. Pure: no I/O, no clock.
 */
import type { Depth, Phase } from '@/lib/content/schema';

export type Section = 'before' | 'facts' | 'quiz' | 'scenarios' | 'plan' | 'after' | 'deeper' | 'followup';

export type JourneyStep =
  | { kind: 'intro' }
  | { kind: 'section'; section: Section }
  | { kind: 'attitude'; itemId: string; phase: Phase; section: Section }
  | { kind: 'item'; itemId: string; phase: Phase; section: Section }
  | { kind: 'fact'; factId: string; section: Section }
  | { kind: 'scenario'; scenarioId: string; section: Section }
  | { kind: 'plan'; section: Section }
  /** The end of the core for a student on their own: go deeper, or finish. */
  | { kind: 'deeper-offer' }
  | { kind: 'summary' };

/** The core every student does, or the core followed by the deeper sections. */
export type JourneyPath = 'core' | 'full';
export const JOURNEY_PATHS: readonly JourneyPath[] = ['core', 'full'];

/** The least a journey needs to know about the content: ids, phases and depth, in content order. */
export interface JourneyContent {
  facts: readonly { id: string }[];
  items: readonly { id: string; phases: readonly Phase[]; depth?: Depth }[];
  attitudeItems: readonly { id: string; phases: readonly Phase[] }[];
  scenarios: readonly { id: string; depth?: Depth }[];
}

export interface JourneyOptions {
  /** The before and after waves (a class session may turn them off); on for a student on their own. */
  beforeAfter?: boolean;
  /**
   * A follow-up session weeks later (DESIGN.md, step 8): only the retrieval quiz and the
   * intention items, so the same device's answers can be compared with its first visit.
   * `beforeAfter`, `path` and `offerDeeper` do not apply.
   */
  followUp?: boolean;
  /** The core only (the default), or the core and then the deeper sections. */
  path?: JourneyPath;
  /**
   * A student on their own: a screen at the end of the core offers the deeper sections. The
   * screen keeps its place whichever path follows it, so choosing "go deeper" (path 'full')
   * keeps every earlier step where it was.
   */
  offerDeeper?: boolean;
}

/**
 * Core: the before wave, the facts, the stories, then the quiz (so a fact is asked again only
 * after the stories, never straight after its reveal), the plan and the after wave. The after
 * wave closes the core on every path, so before/after change measures the same teaching
 * whether or not the deeper sections follow (decision note 014). Deeper: its stories, then its
 * quiz, then the summary.
 */
export function buildJourney(
  content: JourneyContent,
  { beforeAfter = true, followUp = false, path = 'core', offerDeeper = false }: JourneyOptions = {},
): JourneyStep[] {
  if (followUp) return [{ kind: 'intro' }, ...wave(content, 'followup'), { kind: 'summary' }];
  const mainItems = (depth: Depth, section: Section) =>
    content.items
      .filter(inPhase('main'))
      .filter((i) => (i.depth ?? 'core') === depth)
      .map((i): JourneyStep => ({ kind: 'item', itemId: i.id, phase: 'main', section }));
  const scenarios = (depth: Depth, section: Section) =>
    content.scenarios
      .filter((s) => (s.depth ?? 'core') === depth)
      .map((s): JourneyStep => ({ kind: 'scenario', scenarioId: s.id, section }));
  const deeper = [...scenarios('deeper', 'deeper'), ...mainItems('deeper', 'deeper')];
  return [
    { kind: 'intro' },
    ...(beforeAfter ? wave(content, 'before') : []),
    { kind: 'section', section: 'facts' },
    ...content.facts.map((f): JourneyStep => ({ kind: 'fact', factId: f.id, section: 'facts' })),
    { kind: 'section', section: 'scenarios' },
    ...scenarios('core', 'scenarios'),
    { kind: 'section', section: 'quiz' },
    ...mainItems('core', 'quiz'),
    { kind: 'plan', section: 'plan' },
    ...(beforeAfter ? wave(content, 'after') : []),
    ...(offerDeeper && deeper.length > 0 ? [{ kind: 'deeper-offer' } as const] : []),
    ...(path === 'full' && deeper.length > 0 ? [{ kind: 'section', section: 'deeper' } as const, ...deeper] : []),
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

/**
 * Whether a quiz item's answer is followed by its feedback. Not in the before wave: it measures
 * what a student knows before the module, and its feedback would teach ahead of the facts (and
 * put two more screens per question before the first fact). Decision note 014.
 */
export function showsFeedback(phase: Phase): boolean {
  return phase === 'main' || phase === 'followup';
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
