import type { Locale } from '@/i18n/routing';
import { playerModuleFor, playerModulePath, type PlayerModule } from '@/lib/content/player';
import type { JourneyStep } from '@/lib/domain/journey';
import { stepProgress, type StepProgress } from './progress';

/**
 * The screen the server paints before any script runs (issue 13): the intro on your own, the
 * lobby or the class's current step in a live session. The phone gets this screen's share of the
 * module and fetches the rest (`moduleText`); a device with a saved step replaces it once the
 * script has read that step (ResumeMarker.tsx).
 */
export interface FirstScreen {
  module: PlayerModule;
  moduleText: string;
  index: number;
  step: JourneyStep;
  progress: StepProgress | null;
  /** A live session's lobby, before the teacher starts. */
  waitingForStart: boolean;
  /**
   * The option orders of a device that has none yet (lib/domain/shuffle.ts): chosen here, so the
   * screen the server paints and the one the phone keeps show the same order.
   */
  orderSeed: string;
}

export function firstScreen(module: PlayerModule, locale: Locale, steps: readonly JourneyStep[], at: number, waitingForStart = false): FirstScreen {
  const index = Math.min(Math.max(0, at), steps.length - 1);
  const step: JourneyStep = steps[index] ?? { kind: 'intro' };
  return {
    module: playerModuleFor(module, step),
    moduleText: playerModulePath(locale, module.version),
    index,
    step,
    progress: step.kind === 'intro' ? null : stepProgress(steps, index),
    waitingForStart,
    orderSeed: crypto.randomUUID(),
  };
}
