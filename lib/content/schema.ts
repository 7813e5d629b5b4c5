/**
 * The shape of a module's content. Structure (ids, answers, graph edges, sources) is written
 * once in `structure.json`; every string a student reads lives in one text file per locale.
 * The checks that need more than one file at a time (reachability, coverage, translations)
 * live in `check.ts`.
 */
import { z } from 'zod';

/**
 * The roads-kill module's seed facts and key considerations (research/facts-and-sources.md).
 * Every module declares its own learning points (decision note 017): its facts are the
 * `facts` of its structure.json, its key points the `considerations` of its text files. The
 * content check requires roads-kill to keep all of these.
 */
export const FACT_IDS = ['F1', 'F2', 'F3', 'F4'] as const;
export const CONSIDERATION_IDS = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7'] as const;
/** The module every existing session and result belongs to, and the one served by default. */
export const DEFAULT_MODULE_ID = 'roads-kill';
/** The learning points a module must keep, by module id. */
export const REQUIRED_LEARNING_POINTS: Readonly<Record<string, { facts: readonly string[]; considerations: readonly string[] }>> = {
  [DEFAULT_MODULE_ID]: { facts: FACT_IDS, considerations: CONSIDERATION_IDS },
};

export const factIdSchema = z.string().regex(/^F[1-9][0-9]?$/, 'fact ids are F and a number from 1 to 99: "F1", "F12"');
export const considerationIdSchema = z.string().regex(/^K[1-9][0-9]?$/, 'key point ids are K and a number from 1 to 99: "K1", "K12"');
export type FactId = z.infer<typeof factIdSchema>;
export type ConsiderationId = z.infer<typeof considerationIdSchema>;

/** Lower-case kebab ids: `q-seat-count`, `after-party`. */
export const contentIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'ids are lower-case letters, digits and hyphens');

export const phaseSchema = z.enum(['before', 'main', 'after', 'followup']);
export type Phase = z.infer<typeof phaseSchema>;

/**
 * Whether a main-phase quiz item or a story belongs to the core every student does (at most 20
 * minutes by the reading-time model, reading-time.ts) or to the deeper sections a teacher may
 * add and a student on their own is offered at the end of the core (decision note 014).
 */
export const depthSchema = z.enum(['core', 'deeper']);
export type Depth = z.infer<typeof depthSchema>;

/** What a piece of content teaches: at least one of the module's facts or key points. */
export const teachesSchema = z.object({
  facts: z.array(factIdSchema).default([]),
  considerations: z.array(considerationIdSchema).default([]),
});
export type Teaches = z.infer<typeof teachesSchema>;

export const sourceSchema = z.object({
  id: contentIdSchema,
  /** Titles stay in the language they were published in. */
  title: z.string().min(1),
  publisher: z.string().min(1),
  year: z.int().min(1950).max(2100),
  url: z.url().optional(),
  /** When an officer should check the figure is still current (YYYY-MM-DD). */
  reviewBy: z.iso.date(),
});
export type Source = z.infer<typeof sourceSchema>;

const guessOptionSchema = z.object({ id: contentIdSchema, correct: z.boolean() });

export const factGuessSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('choice'),
    options: z.array(guessOptionSchema).min(2).max(6),
  }),
  z.object({
    kind: z.literal('number'),
    min: z.number(),
    max: z.number(),
    step: z.number().positive(),
    /** Where the slider starts; not the answer. */
    start: z.number(),
    answer: z.number(),
  }),
]);
export type FactGuess = z.infer<typeof factGuessSchema>;

export const factSchema = z.object({
  id: factIdSchema,
  sources: z.array(contentIdSchema).min(1),
  guess: factGuessSchema,
});
export type Fact = z.infer<typeof factSchema>;

export const misconceptionSchema = z.object({ id: contentIdSchema });

const itemOptionSchema = z.object({
  id: contentIdSchema,
  correct: z.boolean(),
  /** Required on every wrong option: the misconception choosing it reveals. */
  misconception: contentIdSchema.optional(),
});

const itemBase = {
  id: contentIdSchema,
  phases: z.array(phaseSchema).min(1),
  teaches: teachesSchema,
  /** Knowledge items ask "how sure are you?" unless this is false. */
  askConfidence: z.boolean().default(true),
  /** Main-phase items only: in the core or the deeper sections. */
  depth: depthSchema.default('core'),
  /** Where a figure or a legal fact in the item's feedback comes from: ids in the module's `sources`. */
  sources: z.array(contentIdSchema).optional(),
};

export const itemSchema = z.discriminatedUnion('kind', [
  z.object({ ...itemBase, kind: z.literal('single'), options: z.array(itemOptionSchema).min(2).max(6) }),
  z.object({ ...itemBase, kind: z.literal('multiple'), options: z.array(itemOptionSchema).min(3).max(8) }),
  z.object({
    ...itemBase,
    kind: z.literal('truefalse'),
    options: z.array(itemOptionSchema.extend({ id: z.enum(['true', 'false']) })).length(2),
  }),
  z.object({
    ...itemBase,
    kind: z.literal('ordering'),
    /** Listed in the correct order; the player shuffles them. */
    options: z.array(z.object({ id: contentIdSchema })).min(3).max(6),
    /** The misconception a wrong order reveals. */
    misconception: contentIdSchema,
  }),
]);
export type Item = z.infer<typeof itemSchema>;
export type ItemKind = Item['kind'];

export const attitudeConstructSchema = z.enum(['attitude', 'norm', 'control', 'intention']);
export type AttitudeConstruct = z.infer<typeof attitudeConstructSchema>;

export const attitudeItemSchema = z.object({
  id: contentIdSchema,
  construct: attitudeConstructSchema,
  /**
   * Empty for a retired item: asked nowhere now, kept so that answers given under an earlier
   * content version keep their wording and construct in reports (decision note 014).
   */
  phases: z.array(phaseSchema),
  /** True when agreeing is the less safe answer, so reports can score every item one way. */
  reverse: z.boolean().default(false),
  teaches: teachesSchema,
});
export type AttitudeItem = z.infer<typeof attitudeItemSchema>;

const scenarioChoiceSchema = z.object({
  id: contentIdSchema,
  next: contentIdSchema,
  /** Whether this choice is the risky one, for the officers' decision-path reports. */
  risky: z.boolean(),
});

export const scenarioNodeSchema = z.discriminatedUnion('kind', [
  z.object({ id: contentIdSchema, kind: z.literal('scene'), next: contentIdSchema }),
  z.object({
    id: contentIdSchema,
    kind: z.literal('decision'),
    choices: z.array(scenarioChoiceSchema).min(2).max(4),
  }),
  z.object({
    id: contentIdSchema,
    kind: z.literal('ending'),
    outcome: z.enum(['safe', 'mixed', 'risky']),
    /** The facts and key considerations this ending sends the student back to. */
    pointsTo: teachesSchema,
    /** Where a figure or a legal fact the ending states comes from: ids in the module's `sources`. */
    sources: z.array(contentIdSchema).optional(),
  }),
]);
export type ScenarioNode = z.infer<typeof scenarioNodeSchema>;

export const scenarioSchema = z.object({
  id: contentIdSchema,
  role: z.enum(['passenger', 'driver']),
  depth: depthSchema.default('core'),
  start: contentIdSchema,
  teaches: teachesSchema,
  nodes: z.array(scenarioNodeSchema).min(2),
});
export type Scenario = z.infer<typeof scenarioSchema>;

export const planSchema = z.object({ id: contentIdSchema, teaches: teachesSchema });
export type Plan = z.infer<typeof planSchema>;

/**
 * A story picture described as data: a setting with people and props placed on it, so the
 * pictures of a module stay in one style and an officer can change one without drawing.
 * The names are checked against the drawing set in `lib/content/pictures.ts`.
 */
const pictureXSchema = z.number().min(0).max(100);
export const picturePersonSchema = z.object({
  who: contentIdSchema,
  pose: contentIdSchema.default('standing'),
  /** Across the picture, 0 (left) to 100 (right): where the person's middle is. */
  x: pictureXSchema.default(50),
  /** Further back (a back seat, across the room): drawn smaller and behind the others. */
  far: z.boolean().default(false),
  /** Seen from behind: for "you", so the student is never given a face. */
  back: z.boolean().default(false),
});
export const picturePropSchema = z.object({
  what: contentIdSchema,
  x: pictureXSchema.default(50),
});
export const pictureSchema = z.object({
  /** `scenario/node`, e.g. `party-lift/s-party`. */
  node: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'a picture\'s node is "scenario-id/node-id"'),
  setting: contentIdSchema,
  people: z.array(picturePersonSchema).max(6).default([]),
  props: z.array(picturePropSchema).max(8).default([]),
});
export type Picture = z.infer<typeof pictureSchema>;
export type PicturePerson = z.infer<typeof picturePersonSchema>;
export type PictureProp = z.infer<typeof picturePropSchema>;

export const moduleStructureSchema = z.object({
  id: contentIdSchema,
  sources: z.array(sourceSchema).min(1),
  facts: z.array(factSchema).min(1),
  misconceptions: z.array(misconceptionSchema),
  items: z.array(itemSchema).min(1),
  attitudeItems: z.array(attitudeItemSchema),
  scenarios: z.array(scenarioSchema),
  plans: z.array(planSchema).min(1),
  /** One per scenario node; `npm run content:check` fails on a node without one. */
  pictures: z.array(pictureSchema).default([]),
});
export type ModuleStructure = z.infer<typeof moduleStructureSchema>;

const text = z.string().trim().min(1);

const optionTextSchema = z.object({ label: text, explanation: text });

/** Every string a student reads, for one locale. Keys are the structure's ids. */
export const moduleTextSchema = z.object({
  title: text,
  tagline: text,
  intro: text,
  /** Told before starting: what the module covers, for students who have lost someone. */
  contentNote: text,
  summary: z.object({ heading: text, body: text }),
  /** The module's key points, by id (`K1`…): declared here, in every locale, with what each one is. */
  considerations: z.record(considerationIdSchema, z.object({ title: text, body: text })),
  facts: z.record(
    z.string(),
    z.object({
      title: text,
      question: text,
      /** Shown beside a number guess, e.g. "times as likely". */
      unit: text.optional(),
      options: z.record(z.string(), text).optional(),
      /** The headline answer, e.g. "About 3 times as likely". */
      answer: text,
      reveal: text,
      caveat: text,
    }),
  ),
  misconceptions: z.record(z.string(), text),
  items: z.record(
    z.string(),
    z.object({
      prompt: text,
      /** Shown after every answer, right or wrong. */
      explanation: text,
      options: z.record(z.string(), z.union([optionTextSchema, z.object({ label: text })])),
      /** Ordering items: shown when the order is wrong. */
      wrongOrder: text.optional(),
    }),
  ),
  attitudeItems: z.record(z.string(), z.object({ statement: text })),
  scenarios: z.record(
    z.string(),
    z.object({
      title: text,
      setup: text,
      nodes: z.record(
        z.string(),
        z.object({
          title: text.optional(),
          text: text,
          choices: z.record(z.string(), text).optional(),
        }),
      ),
    }),
  ),
  plans: z.record(z.string(), z.object({ if: text, then: text })),
  /** Alt text of each story picture, keyed by its node (`scenario/node`): what matters in it for the story. */
  pictures: z.record(z.string(), text).default({}),
});
export type ModuleText = z.infer<typeof moduleTextSchema>;

export const supportStructureSchema = z.object({
  contacts: z
    .array(
      z.object({
        id: contentIdSchema,
        phone: z.string().regex(/^[0-9 ]{3,20}$/).optional(),
        /** A text line: the number to text and the word to send (the same in every language). */
        sms: z.object({ number: z.string().regex(/^[0-9]{3,15}$/), message: z.string().regex(/^[A-Z0-9 ]{1,20}$/) }).optional(),
        url: z.url().optional(),
      }),
    )
    .min(1),
});
export type SupportStructure = z.infer<typeof supportStructureSchema>;

export const supportTextSchema = z.object({
  heading: text,
  intro: text,
  contacts: z.record(z.string(), z.object({ name: text, description: text, hours: text })),
});
export type SupportText = z.infer<typeof supportTextSchema>;
