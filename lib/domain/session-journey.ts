/**
 * A class session's journey and what the teacher's screens need to know about it: which
 * answers each step records and which answer means a student reached the end. Pure.
 */
import type { ModuleStructure, Phase } from '@/lib/content/schema';
import { stepAnswerItems } from './class-tally';
import { buildJourney, type JourneyOptions, type JourneyPath, type JourneyStep } from './journey';

export interface SessionJourney {
  steps: JourneyStep[];
  lastStep: number;
  /** The last answer the journey records: a student who gave it has finished. */
  finishKey: { phase: Phase; itemId: string };
}

/**
 * The journey options a class session stands for: a session that names an earlier one is its
 * follow-up, and before/after does not apply to it.
 */
export function sessionJourneyOptions(session: {
  beforeAfter: boolean;
  followUpOf: string | null;
  path: JourneyPath;
}): Required<Omit<JourneyOptions, 'offerDeeper'>> {
  const followUp = session.followUpOf !== null;
  return { beforeAfter: session.beforeAfter && !followUp, followUp, path: session.path };
}

export function sessionJourney(structure: ModuleStructure, options: JourneyOptions): SessionJourney {
  const steps = buildJourney(structure, options);
  let finishKey: SessionJourney['finishKey'] | undefined;
  for (let i = steps.length - 1; i >= 0 && finishKey === undefined; i -= 1) {
    const step = steps[i];
    // A story's last decision may be on a branch a student never takes: it can't mark the end.
    if (step && step.kind !== 'scenario') finishKey = stepAnswerItems(step, structure).at(-1);
  }
  // Every journey ends with a question (the plan, or the follow-up's last item), so this is a content bug.
  if (finishKey === undefined) throw new Error('a journey with no question in it');
  return { steps, lastStep: steps.length - 1, finishKey };
}
