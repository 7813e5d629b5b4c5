'use client';

import { lazy, Suspense } from 'react';
import type { JourneyStep } from '@/lib/domain/journey';
import type { PlayerApi } from './Player';
import { IntroScreen } from './screens/IntroScreen';
import type StepScreensComponent from './StepScreens';

export interface StepProps {
  index: number;
  api: PlayerApi;
}

/**
 * The screens after the intro, fetched apart from the page's first scripts: the intro paints and
 * works without them, and the player loads them (`preloadStepScreens`) with the module's text,
 * before the service worker is told what to keep for offline use. Once loaded they render
 * directly, never through a Suspense fallback, so a screen never appears in two steps and shifts
 * what is below it. Until then (a screen the server painted, while the page hydrates) React's
 * `lazy` renders the server's HTML and waits for the code.
 */
let loaded: typeof StepScreensComponent | null = null;
const LazyStepScreens = lazy(() => import('./StepScreens'));

export function preloadStepScreens(): Promise<unknown> {
  return import('./StepScreens').then((m) => (loaded = m.default));
}

export function StepScreen({ step, index, api, hasState }: StepProps & { step: JourneyStep; hasState: boolean }) {
  if (step.kind === 'intro') return <IntroScreen api={api} resumable={hasState} />;
  const Screens = loaded;
  if (Screens) return <Screens step={step} index={index} api={api} />;
  return (
    <Suspense fallback={null}>
      <LazyStepScreens step={step} index={index} api={api} />
    </Suspense>
  );
}
