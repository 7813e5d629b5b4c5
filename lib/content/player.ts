/**
 * The module as the student's phone sees it: structure and one locale's text joined into one
 * serialisable object, built on the server and handed to the player as props.
 */
import type { Locale } from '@/i18n/routing';
import { getModule, type LoadedModule } from './load';
import { buildJourney, type JourneyStep } from '@/lib/domain/journey';
import { pictureNodeKey } from './pictures';
import { estimateJourney } from './reading-time';
import type { AttitudeConstruct, ConsiderationId, Depth, FactGuess, ItemKind, Phase, PicturePerson, PictureProp, Teaches } from './schema';

export interface PlayerSource {
  title: string;
  publisher: string;
  year: number;
  url?: string;
}

export interface PlayerFact {
  id: string;
  title: string;
  question: string;
  unit?: string;
  guess: FactGuess;
  optionLabels: Record<string, string>;
  answer: string;
  reveal: string;
  caveat: string;
  sources: PlayerSource[];
}

export interface PlayerOption {
  id: string;
  label: string;
  explanation?: string;
  correct: boolean;
}

export interface PlayerItem {
  id: string;
  kind: ItemKind;
  phases: Phase[];
  prompt: string;
  explanation: string;
  options: PlayerOption[];
  wrongOrder?: string;
  askConfidence: boolean;
  depth: Depth;
  /** Where a figure or legal fact in the feedback comes from. */
  sources: PlayerSource[];
}

export interface PlayerAttitudeItem {
  id: string;
  construct: AttitudeConstruct;
  phases: Phase[];
  statement: string;
}

/** A story picture: what to draw (checked names) and its alt text in the student's language. */
export interface PlayerPicture {
  setting: string;
  people: PicturePerson[];
  props: PictureProp[];
  alt: string;
}

interface PlayerNodeBase {
  id: string;
  title?: string;
  text: string;
  picture?: PlayerPicture;
}

export type PlayerScenarioNode =
  | (PlayerNodeBase & { kind: 'scene'; next: string })
  | (PlayerNodeBase & { kind: 'decision'; choices: { id: string; label: string; next: string }[] })
  | (PlayerNodeBase & {
      kind: 'ending';
      outcome: 'safe' | 'mixed' | 'risky';
      pointsTo: Teaches;
      /** Where a figure or legal fact the ending states comes from. */
      sources: PlayerSource[];
    });

export interface PlayerScenario {
  id: string;
  role: 'passenger' | 'driver';
  depth: Depth;
  title: string;
  setup: string;
  start: string;
  nodes: Record<string, PlayerScenarioNode>;
}

export interface PlayerModule {
  id: string;
  version: string;
  title: string;
  tagline: string;
  intro: string;
  contentNote: string;
  summary: { heading: string; body: string };
  considerations: { id: ConsiderationId; title: string; body: string }[];
  facts: PlayerFact[];
  items: PlayerItem[];
  attitudeItems: PlayerAttitudeItem[];
  scenarios: PlayerScenario[];
  plans: { id: string; if: string; then: string }[];
  /** The reading-time model's whole minutes: the core on your own, and what the deeper sections add. */
  minutes: { core: number; deeper: number };
}

/** Text is guaranteed by the content check; a gap here is a deploy of unchecked content. */
function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Content text missing for ${what}; run npm run content:check`);
  return value;
}

export function toPlayerModule(loaded: LoadedModule, locale: Locale): PlayerModule {
  const { structure } = loaded;
  const text = loaded.text[locale];
  const sources = new Map(structure.sources.map((s) => [s.id, s]));
  const playerSource = (id: string): PlayerSource => {
    const s = must(sources.get(id), `source ${id}`);
    return { title: s.title, publisher: s.publisher, year: s.year, ...(s.url ? { url: s.url } : {}) };
  };
  const pictures = new Map(structure.pictures.map((p) => [p.node, p]));
  const pictureOf = (key: string): { picture?: PlayerPicture } => {
    const p = pictures.get(key);
    if (!p) return {};
    const alt = must(text.pictures[key], `picture ${key}`);
    return { picture: { setting: p.setting, people: p.people, props: p.props, alt } };
  };

  return {
    id: structure.id,
    version: loaded.version,
    title: text.title,
    tagline: text.tagline,
    intro: text.intro,
    contentNote: text.contentNote,
    summary: text.summary,
    considerations: (Object.keys(text.considerations) as ConsiderationId[]).sort().map((id) => ({
      id,
      ...must(text.considerations[id], id),
    })),
    facts: structure.facts.map((fact) => {
      const t = must(text.facts[fact.id], fact.id);
      return {
        id: fact.id,
        title: t.title,
        question: t.question,
        ...(t.unit ? { unit: t.unit } : {}),
        guess: fact.guess,
        optionLabels: t.options ?? {},
        answer: t.answer,
        reveal: t.reveal,
        caveat: t.caveat,
        sources: fact.sources.map(playerSource),
      };
    }),
    items: structure.items.map((item) => {
      const t = must(text.items[item.id], item.id);
      return {
        id: item.id,
        kind: item.kind,
        phases: item.phases,
        prompt: t.prompt,
        explanation: t.explanation,
        askConfidence: item.askConfidence,
        depth: item.depth,
        sources: (item.sources ?? []).map(playerSource),
        ...(t.wrongOrder ? { wrongOrder: t.wrongOrder } : {}),
        options: item.options.map((option) => {
          const o = must(t.options[option.id], `${item.id}/${option.id}`);
          return {
            id: option.id,
            label: o.label,
            ...('explanation' in o ? { explanation: o.explanation } : {}),
            correct: 'correct' in option ? option.correct : true,
          };
        }),
      };
    }),
    attitudeItems: structure.attitudeItems.map((a) => ({
      id: a.id,
      construct: a.construct,
      phases: a.phases,
      statement: must(text.attitudeItems[a.id], a.id).statement,
    })),
    scenarios: structure.scenarios.map((scenario) => {
      const t = must(text.scenarios[scenario.id], scenario.id);
      const nodes: Record<string, PlayerScenarioNode> = {};
      for (const node of scenario.nodes) {
        const n = must(t.nodes[node.id], `${scenario.id}/${node.id}`);
        const common = { id: node.id, text: n.text, ...(n.title ? { title: n.title } : {}), ...pictureOf(pictureNodeKey(scenario.id, node.id)) };
        nodes[node.id] =
          node.kind === 'scene'
            ? { ...common, kind: 'scene', next: node.next }
            : node.kind === 'decision'
              ? {
                  ...common,
                  kind: 'decision',
                  choices: node.choices.map((c) => ({
                    id: c.id,
                    next: c.next,
                    label: must(n.choices?.[c.id], `${scenario.id}/${node.id}/${c.id}`),
                  })),
                }
              : { ...common, kind: 'ending', outcome: node.outcome, pointsTo: node.pointsTo, sources: (node.sources ?? []).map(playerSource) };
      }
      return { id: scenario.id, role: scenario.role, depth: scenario.depth, title: t.title, setup: t.setup, start: scenario.start, nodes };
    }),
    plans: structure.plans.map((p) => ({ id: p.id, ...must(text.plans[p.id], p.id) })),
    minutes: journeyMinutes(loaded, locale),
  };
}

/** A student on their own: the core, and how much going deeper adds (the title cards left out). */
function journeyMinutes({ structure, text }: LoadedModule, locale: Locale): PlayerModule['minutes'] {
  const input = { structure, text: text[locale], locale };
  const core = estimateJourney(buildJourney(structure, { path: 'core', offerDeeper: true }), input);
  const full = estimateJourney(buildJourney(structure, { path: 'full', offerDeeper: true }), input);
  return { core: Math.round(core.seconds / 60), deeper: Math.max(1, Math.round((full.seconds - core.seconds) / 60)) };
}

const built = new Map<string, PlayerModule>();

/**
 * A module for one locale as the player reads it, built once per module, content version and
 * locale rather than per request: `loaded` (a class session's module, lib/server/session-module.ts),
 * by default the roads-kill module in content/.
 */
export async function getPlayerModule(locale: Locale, loaded?: LoadedModule): Promise<PlayerModule> {
  loaded ??= await getModule();
  const key = `${loaded.structure.id}:${loaded.version}:${locale}`;
  let module = built.get(key);
  if (!module) {
    module = toPlayerModule(loaded, locale);
    built.set(key, module);
  }
  return module;
}

/**
 * Where the phone fetches the whole module's text: named by its content version, so every cache
 * may keep it for good (app/[locale]/learn/content/[version]/route.ts, public/sw.js).
 */
export function playerModulePath(locale: Locale, version: string): string {
  return `/${locale}/learn/content/${encodeURIComponent(version)}`;
}

/**
 * The module reduced to what one screen shows, for the page's first screen: the whole module is
 * about 80 KB of text, and sent as a client component's props it filled the page's HTML twice
 * over (once as the screen, once as React's copy of the props). The rest arrives as
 * `playerModulePath`, fetched once and cached by its version.
 */
export function playerModuleFor(module: PlayerModule, step: JourneyStep): PlayerModule {
  if (step.kind === 'summary') return module;
  const scenarios = step.kind === 'scenario' ? module.scenarios.filter((s) => s.id === step.scenarioId) : [];
  // A story's ending points to facts and key considerations (components/scenario/ScenarioEnding.tsx).
  const pointedTo = new Set<string>(scenarios.flatMap((s) => Object.values(s.nodes).flatMap((n) => (n.kind === 'ending' ? [...n.pointsTo.facts, ...n.pointsTo.considerations] : []))));
  return {
    ...module,
    considerations: module.considerations.filter((k) => pointedTo.has(k.id)),
    facts: module.facts.filter((f) => (step.kind === 'fact' && f.id === step.factId) || pointedTo.has(f.id)),
    items: step.kind === 'item' ? module.items.filter((i) => i.id === step.itemId) : [],
    attitudeItems: step.kind === 'attitude' ? module.attitudeItems.filter((a) => a.id === step.itemId) : [],
    scenarios,
    plans: step.kind === 'plan' ? module.plans : [],
  };
}
