import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { teacherNotesOf, type ServedModule } from './session-module';
import { getPlayerModule, type PlayerScenario } from '@/lib/content/player';
import { teacherNoteKey, type TeacherNote } from '@/lib/content/teacher-notes';
import type { JourneyOptions } from '@/lib/domain/journey';
import { sessionJourney } from '@/lib/domain/session-journey';

/**
 * What the projector shows of each step before and after the reveal, and the teacher's note for
 * it, built on the server in the teacher's language. Content only: no figure of the class is
 * here (those come from the releases, through the live events).
 */
export type StepShow =
  | { kind: 'intro'; title: string; tagline: string }
  | { kind: 'section'; title: string; body: string }
  | { kind: 'question'; itemId: string; prompt: string; multiple: boolean; options: { id: string; label: string; correct: boolean }[]; explanation: string }
  | { kind: 'order'; itemId: string; prompt: string; options: { id: string; label: string }[]; explanation: string }
  | { kind: 'attitude'; itemId: string; statement: string; scale: { id: string; label: string }[] }
  | {
      kind: 'fact';
      itemId: string;
      title: string;
      question: string;
      /** A choice guess: its options, the right one marked. */
      options: { id: string; label: string; correct: boolean }[] | null;
      /** A number guess: the real figure and its unit. */
      number: { answer: number; unit: string | null } | null;
      answer: string;
      source: string;
    }
  | { kind: 'story'; scenarioId: string; title: string; setup: string; decisions: StoryDecisionShow[] }
  | { kind: 'plan'; title: string; prompt: string; examples: string[] }
  | { kind: 'summary'; title: string; body: string };

export interface StoryDecisionShow {
  itemId: string;
  prompt: string;
  /** Each choice and the title (or the first sentence) of what followed it. */
  choices: { id: string; label: string; followed: string }[];
}

export interface PresenterStep {
  show: StepShow;
  note: TeacherNote | null;
}

/** A node's title, or its text up to the end of the first sentence: what a story's choice led to, in a line. */
function headline(node: { title?: string; text: string } | undefined): string {
  if (!node) return '';
  if (node.title) return node.title;
  const first = /^.+?[.!?](?=\s|$)/u.exec(node.text)?.[0] ?? node.text;
  return first.length > 110 ? `${first.slice(0, 107).trimEnd()}…` : first;
}

function storyShow(scenario: PlayerScenario): StepShow {
  const decisions = Object.values(scenario.nodes).flatMap((node): StoryDecisionShow[] =>
    node.kind === 'decision'
      ? [
          {
            itemId: `${scenario.id}/${node.id}`,
            prompt: node.title ?? node.text,
            choices: node.choices.map((c) => ({ id: c.id, label: c.label, followed: headline(scenario.nodes[c.next]) })),
          },
        ]
      : [],
  );
  return { kind: 'story', scenarioId: scenario.id, title: scenario.title, setup: scenario.setup, decisions };
}

/** The steps of a session's journey as the teacher shows them, from the session's own module (lib/server/session-module.ts). */
export async function presenterSteps(locale: Locale, options: JourneyOptions, served: ServedModule): Promise<PresenterStep[]> {
  const { structure } = served;
  const [module, notes, t] = await Promise.all([
    getPlayerModule(locale, served),
    teacherNotesOf(served, locale),
    getTranslations({ locale, namespace: 'Player' }),
  ]);
  const scale = (['1', '2', '3', '4', '5'] as const).map((id) => ({ id, label: t(`attitude.scale.${id}`) }));
  return sessionJourney(structure, options).steps.map((step): PresenterStep => {
    const key = teacherNoteKey(step);
    const note = key ? (notes.notes[key] ?? null) : null;
    const show = ((): StepShow => {
      switch (step.kind) {
        case 'intro':
          return { kind: 'intro', title: module.title, tagline: module.tagline };
        case 'section':
          return { kind: 'section', title: t(`sectionIntro.${step.section}.title`), body: t(`sectionIntro.${step.section}.body`) };
        case 'summary':
          return { kind: 'summary', title: module.summary.heading, body: module.summary.body };
        case 'deeper-offer':
          // Only a student on their own is offered the deeper sections; a class session's path is the teacher's choice.
          return { kind: 'section', title: t('deeperOffer.title'), body: '' };
        case 'plan':
          return { kind: 'plan', title: t('plan.heading'), prompt: t('plan.hint', { max: 2 }), examples: module.plans.slice(0, 3).map((p) => `${t('plan.if')} ${p.if}, ${t('plan.then')} ${p.then}`) };
        case 'attitude': {
          const item = module.attitudeItems.find((a) => a.id === step.itemId);
          return { kind: 'attitude', itemId: step.itemId, statement: item?.statement ?? step.itemId, scale };
        }
        case 'item': {
          const item = module.items.find((i) => i.id === step.itemId);
          const options = (item?.options ?? []).map((o) => ({ id: o.id, label: o.label, correct: o.correct }));
          if (item?.kind === 'ordering') return { kind: 'order', itemId: step.itemId, prompt: item.prompt, options, explanation: item.explanation };
          return { kind: 'question', itemId: step.itemId, prompt: item?.prompt ?? step.itemId, multiple: item?.kind === 'multiple', options, explanation: item?.explanation ?? '' };
        }
        case 'fact': {
          const fact = module.facts.find((f) => f.id === step.factId);
          const guess = fact?.guess;
          const source = fact?.sources[0];
          return {
            kind: 'fact',
            itemId: step.factId,
            title: fact?.title ?? step.factId,
            question: fact?.question ?? '',
            options: guess?.kind === 'choice' ? guess.options.map((o) => ({ id: o.id, label: fact?.optionLabels[o.id] ?? o.id, correct: o.correct })) : null,
            number: guess?.kind === 'number' ? { answer: guess.answer, unit: fact?.unit ?? null } : null,
            answer: fact?.answer ?? '',
            source: source ? `${source.publisher}, ${source.year}` : '',
          };
        }
        case 'scenario': {
          const scenario = module.scenarios.find((s) => s.id === step.scenarioId);
          return scenario ? storyShow(scenario) : { kind: 'section', title: step.scenarioId, body: '' };
        }
      }
    })();
    return { show, note };
  });
}
