'use client';

import { lazy, Suspense } from 'react';
import type { JourneyStep } from '@/lib/domain/journey';
import type { PlayerApi } from './Player';
import { IntroScreen } from './screens/IntroScreen';

export interface StepProps {
  index: number;
  api: PlayerApi;
}

/**
 * The screens after the intro, fetched apart from the page's first scripts: the intro paints and
 * works without them, and the player loads them once the module's text has arrived
 * (`loadStepScreens`), before the service worker is told what to keep for offline use.
 */
const loadStepScreens = () => import('./StepScreens');
const StepScreens = lazy(loadStepScreens);

export function preloadStepScreens(): Promise<unknown> {
  return loadStepScreens();
}

export function StepScreen({ step, index, api, hasState }: StepProps & { step: JourneyStep; hasState: boolean }) {
  if (step.kind === 'intro') return <IntroScreen api={api} resumable={hasState} />;
  return (
    <Suspense fallback={null}>
      <StepScreens step={step} index={index} api={api} />
    </Suspense>
  );
}
