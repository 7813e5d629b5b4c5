'use client';

import type { JourneyStep } from '@/lib/domain/journey';
import { ScenarioScreen } from '@/components/scenario/ScenarioScreen';
import type { StepProps } from './StepScreen';
import { AttitudeScreen } from './screens/AttitudeScreen';
import { DeeperOfferScreen } from './screens/DeeperOfferScreen';
import { FactScreen } from './screens/FactScreen';
import { ItemScreen } from './screens/ItemScreen';
import { PlanScreen } from './screens/PlanScreen';
import { SectionScreen } from './screens/SectionScreen';
import { SummaryScreen } from './screens/SummaryScreen';

/** Every screen after the intro: a chunk of its own, which the intro does not wait for (StepScreen.tsx). */
export default function StepScreens({ step, index, api }: StepProps & { step: Exclude<JourneyStep, { kind: 'intro' }> }) {
  switch (step.kind) {
    case 'section':
      return <SectionScreen section={step.section} index={index} api={api} />;
    case 'attitude':
      return <AttitudeScreen itemId={step.itemId} phase={step.phase} index={index} api={api} />;
    case 'item':
      return <ItemScreen itemId={step.itemId} phase={step.phase} index={index} api={api} />;
    case 'fact':
      return <FactScreen factId={step.factId} index={index} api={api} />;
    case 'scenario':
      return <ScenarioScreen scenarioId={step.scenarioId} index={index} api={api} />;
    case 'plan':
      return <PlanScreen index={index} api={api} />;
    case 'deeper-offer':
      return <DeeperOfferScreen index={index} api={api} />;
    case 'summary':
      return <SummaryScreen api={api} />;
  }
}
