/**
 * A class session's journey and what the teacher's screens need to know about it: which
 * answers each step records and which answer means a student reached the end. Pure.
 */
import type { ModuleStructure, Phase } from '@/lib/content/schema';
import { stepAnswerItems } from './class-tally';
import { buildJourney, type JourneyStep } from './journey';

export interface SessionJourney {
  steps: JourneyStep[];
  lastStep: number;
  /** The last answer the journey records: a student who gave it has finished. */
  finishKey: { phase: Phase; itemId: string };
}

export function sessionJourney(structure: ModuleStructure, beforeAfter: boolean): SessionJourney {
  const steps = buildJourney(structure, { beforeAfter });
  let finishKey: SessionJourney['finishKey'] | undefined;
  for (let i = steps.length - 1; i >= 0 && finishKey === undefined; i -= 1) {
    const step = steps[i];
    if (step) finishKey = stepAnswerItems(step, structure).at(-1);
  }
  // Every module has a plan step (the content schema requires plans), so this is a content bug.
  if (finishKey === undefined) throw new Error('a journey with no question in it');
  return { steps, lastStep: steps.length - 1, finishKey };
}
