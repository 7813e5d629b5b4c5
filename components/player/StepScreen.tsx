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
 * works without them, and the player loads them (`preloadStepScreens`) after the page's load event, with the module's text,
 * before the service worker is told what to keep for offline use. Once loaded they render
 * directly, never through a Suspense fallback, so a screen never appears in two steps and shifts
 * what is below it. Until then (a screen the server painted, while the page hydrates) React's
 * `lazy` renders the server's HTML and waits for the code.
 */
let loaded: typeof StepScreensComponent | null = null;
const LazyStepScreens = lazy(() => import('./StepScreens'));

let loading: Promise<unknown> | null = null;

export function preloadStepScreens(): Promise<unknown> {
  loading ??= import('./StepScreens').then(
    (m) => (loaded = m.default),
    (error: unknown) => {
      loading = null; // offline: tried again when the network returns
      throw error;
    },
  );
  return loading;
}

// A device resuming a saved step (ResumeMarker.tsx) shows nothing until these screens are here:
// it asks for them as soon as this script runs, not after the page has hydrated.
if (typeof document !== 'undefined' && document.documentElement.hasAttribute('data-resuming')) void preloadStepScreens().catch(() => undefined);

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
