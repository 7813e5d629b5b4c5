import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { getPlayerModule } from '@/lib/content/player';
import type { JourneyOptions, JourneyStep } from '@/lib/domain/journey';
import { sessionJourney } from '@/lib/domain/session-journey';
import type { ServedModule } from './session-module';

/**
 * The session's journey as the teacher's screens show it: one line per step, and for steps that
 * ask something, the labels their class tallies are drawn with. Built on the server in the
 * teacher's language, so the projector needs no module text of its own.
 */
export interface TallyLabels {
  itemId: string;
  /** A scenario step asks several things: each decision is headed by its own question. */
  heading: string | null;
  labels: Record<string, string>;
}

export interface StepOutline {
  index: number;
  kind: JourneyStep['kind'];
  /** "Quiz", "Stories"… */
  section: string | null;
  title: string;
  tallies: TallyLabels[];
}

/** `served`: the session's own module (lib/server/session-module.ts). */
export async function sessionOutline(locale: Locale, options: JourneyOptions, served: ServedModule): Promise<StepOutline[]> {
  const { structure } = served;
  const [module, t] = await Promise.all([getPlayerModule(locale, served), getTranslations({ locale, namespace: 'Player' })]);
  const scale: Record<string, string> = {
    '1': t('attitude.scale.1'),
    '2': t('attitude.scale.2'),
    '3': t('attitude.scale.3'),
    '4': t('attitude.scale.4'),
    '5': t('attitude.scale.5'),
    skip: t('attitude.scale.skip'),
  };
  return sessionJourney(structure, options).steps.map((step, index): StepOutline => {
    const section = 'section' in step ? t(`sections.${step.section}`) : null;
    const line = (title: string, tallies: TallyLabels[] = []): StepOutline => ({ index, kind: step.kind, section, title, tallies });
    switch (step.kind) {
      case 'intro':
        return line(module.title);
      case 'section':
        return line(t(`sections.${step.section}`));
      case 'summary':
        return line(module.summary.heading);
      case 'deeper-offer':
        return line(t('deeperOffer.title'));
      case 'plan':
        return line(t('sections.plan'));
      case 'item': {
        const item = module.items.find((i) => i.id === step.itemId);
        return line(item?.prompt ?? step.itemId, [
          { itemId: step.itemId, heading: null, labels: Object.fromEntries((item?.options ?? []).map((o) => [o.id, o.label])) },
        ]);
      }
      case 'attitude': {
        const item = module.attitudeItems.find((a) => a.id === step.itemId);
        return line(item?.statement ?? step.itemId, [{ itemId: step.itemId, heading: null, labels: scale }]);
      }
      case 'fact': {
        const fact = module.facts.find((f) => f.id === step.factId);
        return line(fact ? `${fact.title}: ${fact.question}` : step.factId, [{ itemId: step.factId, heading: null, labels: fact?.optionLabels ?? {} }]);
      }
      case 'scenario': {
        const scenario = module.scenarios.find((s) => s.id === step.scenarioId);
        const decisions = Object.values(scenario?.nodes ?? {}).flatMap((node): TallyLabels[] =>
          node.kind === 'decision'
            ? [
                {
                  itemId: `${step.scenarioId}/${node.id}`,
                  heading: node.title ?? node.text,
                  labels: Object.fromEntries(node.choices.map((c) => [c.id, c.label])),
                },
              ]
            : [],
        );
        return line(scenario?.title ?? step.scenarioId, decisions);
      }
    }
  });
}
