import { sectionProgress, type JourneyStep, type Section } from '@/lib/domain/journey';

/** How far through the journey a step is: what the progress bar shows. Pure, so the server can work it out for the first screen. */
export interface StepProgress {
  percent: number;
  within: { section: Section; at: number; of: number } | null;
}

export function stepProgress(steps: readonly JourneyStep[], index: number): StepProgress {
  return { percent: Math.round((index / Math.max(1, steps.length - 1)) * 100), within: sectionProgress(steps, index) };
}
