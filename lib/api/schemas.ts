/**
 * One schema per input of the JSON API, used by the route handlers to parse and by the
 * OpenAPI document to describe. The student client imports only the types (`import type`),
 * so zod stays out of the phone's JavaScript.
 */
import { z } from 'zod';
import { contentIdSchema, phaseSchema } from '@/lib/content/schema';
import { routing } from '@/i18n/routing';

export const localeSchema = z.enum(routing.locales).describe('The locale the student is using.');

export const participantIdSchema = z
  .uuid()
  .describe('A random id the device makes for itself. It identifies no person.');

/** A module's content version: a hash of what students see (lib/content/version.ts). */
export const contentVersionSchema = z.string().regex(/^[0-9a-f]{12}$/, 'not a content version');

/**
 * What an answer is about: a fact guess (`F1`), a quiz or attitude item (`q-seat-count`),
 * a scenario decision (`after-party/offer`) or the if–then plan (`plan`).
 */
export const itemRefSchema = z
  .string()
  .regex(/^(F[1-9]|[a-z0-9][a-z0-9-]{0,47}(\/[a-z0-9][a-z0-9-]{0,47})?)$/, 'not an item id')
  .describe('The fact, item, scenario decision (scenario/node) or "plan" answered.');

export const answerResponseSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('choice'),
      optionIds: z.array(contentIdSchema).min(1).max(8).describe('The options chosen.'),
    }),
    z.object({
      kind: z.literal('order'),
      optionIds: z.array(contentIdSchema).min(2).max(8).describe('The options in the order given.'),
    }),
    z.object({ kind: z.literal('number'), value: z.number().finite().describe('A numeric guess.') }),
    z.object({
      kind: z.literal('scale'),
      value: z
        .int()
        .min(1)
        .max(5)
        .nullable()
        .describe('1 strongly disagree … 5 strongly agree; null is "prefer not to say".'),
    }),
    z.object({
      kind: z.literal('plan'),
      planIds: z.array(contentIdSchema).max(10).describe('The plans picked. Own plans stay on the device.'),
      ownPlanCount: z.int().min(0).max(5).describe('How many plans the student wrote for themselves (never their text).'),
    }),
  ])
  .describe('The answer itself; its kind must suit the item.');
export type AnswerResponse = z.infer<typeof answerResponseSchema>;

export const confidenceSchema = z
  .int()
  .min(1)
  .max(3)
  .describe('How sure the student was: 1 guessing, 2 fairly sure, 3 very sure.');

/**
 * The options in the order the device showed them. Each option once: whether they are exactly
 * the question's options is checked against the content (`bad_shown_order`).
 */
export const shownOrderSchema = z
  .array(contentIdSchema)
  .min(2)
  .max(8)
  .refine((ids) => new Set(ids).size === ids.length, { error: 'shownOrder' satisfies FieldError })
  .describe(
    "The question's option ids in the order this device showed them (options are shuffled per device). Must be every option of the question, each once. Absent where nothing is shuffled (true/false, number guesses, scales, plans).",
  );

export const answerSchema = z.object({
  id: z.uuid().describe('Made by the device. The server stores each id once.'),
  itemId: itemRefSchema,
  phase: phaseSchema.describe('Where in the journey the answer was given.'),
  response: answerResponseSchema,
  confidence: confidenceSchema.optional(),
  shownOrder: shownOrderSchema.optional(),
  replay: z
    .boolean()
    .optional()
    .describe(
      'True for a story decision taken again after its ending. Stored apart, once per decision; the first choice is never replaced and is the only one reports count.',
    ),
  contentVersion: contentVersionSchema.describe('The version of the module content the student saw.'),
  answeredAt: z.iso.datetime().describe('When the student answered, by the device clock.'),
});
export type Answer = z.infer<typeof answerSchema>;

/**
 * Issue messages a schema writes as keys into `ApiErrors.fields` rather than as English, so the
 * error reaches the student in their language (lib/server/http.ts translates them).
 */
export const FIELD_ERRORS = ['pairingCode', 'shownOrder'] as const;
export type FieldError = (typeof FIELD_ERRORS)[number];

/**
 * The device's random pairing code (128 bits as hex), sent when a participant is made so that a
 * follow-up session can be matched with the same device's first visit. Optional: older clients
 * send none. The server keeps only its SHA-256 hash and never returns it.
 */
export const pairingCodeSchema = z
  .string()
  .regex(/^[0-9a-f]{32}$/, { error: 'pairingCode' satisfies FieldError })
  .describe(
    "The device's random pairing code: 32 lowercase hexadecimal characters, the same for every participant the device makes. Stored only as a SHA-256 hash, used only to pair a follow-up session with the same device's first visit, and never returned.",
  );

export const createParticipantBodySchema = z.object({
  id: participantIdSchema,
  locale: localeSchema,
  pairingCode: pairingCodeSchema.optional(),
  moduleId: contentIdSchema
    .optional()
    .describe('On your own: the published module the device is taking (default roads-kill). In a class session the module is the session\'s.'),
  contentVersion: contentVersionSchema
    .optional()
    .describe("On your own: the module's published version the device answers under (default its current version). Its answers are judged against it."),
});
export type CreateParticipantBody = z.infer<typeof createParticipantBodySchema>;

const sentAtSchema = z.iso
  .datetime()
  .optional()
  .describe(
    "When the device sent this batch, by the device clock. The server corrects every answer's time by the difference from its own clock, so a phone whose clock is wrong is not refused; then each corrected time must fall between the session's opening (5 minutes' leeway) and the moment of receipt (5 minutes' leeway).",
  );

export const submitAnswersBodySchema = z.object({
  participantId: participantIdSchema,
  sentAt: sentAtSchema,
  answers: z
    .array(answerSchema)
    .min(1)
    .max(100)
    .describe('Up to 100 answers queued on the device. Each is judged on its own: one that is refused does not stop the others.'),
});
export type SubmitAnswersBody = z.infer<typeof submitAnswersBodySchema>;

/**
 * The same body read loosely, so that each answer can be validated on its own and one bad
 * answer refused without its neighbours. Every answer still needs a valid id, for its receipt.
 */
export const submitAnswersEnvelopeSchema = z.object({
  participantId: participantIdSchema,
  sentAt: sentAtSchema,
  answers: z.array(z.looseObject({ id: z.uuid() })).min(1).max(100),
});

export const answerReceiptSchema = z.object({
  id: z.uuid(),
  status: z
    .enum(['stored', 'duplicate', 'session_closed', 'refused'])
    .describe(
      '"duplicate": this id, or an answer to the same item and phase, was already stored. "session_closed": answered after the class session closed, or sent more than 24 hours after it closed, so not stored. "refused": this answer can never be stored as it is (see `issues`); keep it on the device and do not send it again.',
    ),
  issues: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .describe('With "refused": what is wrong, in the language of the request.'),
});
export type AnswerReceipt = z.infer<typeof answerReceiptSchema>;

export const submitAnswersResponseSchema = z.object({ receipts: z.array(answerReceiptSchema) });
export type SubmitAnswersResponse = z.infer<typeof submitAnswersResponseSchema>;

export const participantResponseSchema = z.object({
  id: participantIdSchema,
  created: z.boolean().describe('False when the participant already existed.'),
});
export type ParticipantResponse = z.infer<typeof participantResponseSchema>;

export const progressResponseSchema = z.object({
  participantId: participantIdSchema,
  contentVersion: z.string().describe('The current content version on the server.'),
  answered: z
    .array(z.object({ id: z.uuid(), itemId: z.string(), phase: phaseSchema }))
    .describe('What the participant has answered, without the answers themselves.'),
  replayed: z
    .array(z.object({ id: z.uuid(), itemId: z.string() }))
    .describe('Story decisions the participant took again after the ending, without the choices.'),
});
export type ProgressResponse = z.infer<typeof progressResponseSchema>;

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string().describe('Stable code, e.g. "invalid_body".'),
    message: z.string().describe('A message in the request locale.'),
    issues: z
      .array(z.object({ path: z.string().describe('The field, e.g. answers.0.itemId.'), message: z.string() }))
      .optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
