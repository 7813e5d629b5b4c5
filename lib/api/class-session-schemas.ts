/**
 * Inputs and outputs of the class-session API: joining, the state phones follow, the class's
 * choices at a scenario decision, and the teacher's live commands. Shared by the route handlers,
 * the OpenAPI document and (as types only) the phone.
 */
import { z } from 'zod';
import { normaliseJoinCode } from '@/lib/domain/join-code';
import { itemRefSchema, localeSchema, pairingCodeSchema, participantIdSchema } from './schemas';

export const joinCodeSchema = z
  .string()
  .transform((value, ctx) => {
    const code = normaliseJoinCode(value);
    if (code === null) {
      ctx.addIssue({ code: 'custom', message: 'not a join code' });
      return z.NEVER;
    }
    return code;
  })
  .describe('The six-character join code shown on the projector, e.g. "KTM 4RX" (any case, spaces ignored).');

export const joinClassSessionBodySchema = z.object({
  participantId: participantIdSchema,
  locale: localeSchema,
  pairingCode: pairingCodeSchema.optional(),
});
export type JoinClassSessionBody = z.infer<typeof joinClassSessionBodySchema>;

export const classSessionStateSchema = z.object({
  status: z.enum(['open', 'closed']).describe('A closed session takes no more answers.'),
  mode: z.enum(['live', 'self_paced']),
  liveStep: z.int().min(0).describe('Live mode: the step of the journey the teacher has the class on.'),
  revealedStep: z.int().min(0).nullable().describe('Live mode: the step whose class answers are on the projector.'),
  showJoinCode: z.boolean(),
  closesAt: z.iso.datetime().nullable().describe('Self-paced mode: when the session closes.'),
  closedReason: z
    .enum(['teacher', 'inactive', 'time'])
    .nullable()
    .describe('Why a closed session closed: its teacher ended it, it sat idle (live), or its closing time came (self-paced). Null while open.'),
  closedAt: z.iso.datetime().nullable().describe('When a closed session closed. Null while open.'),
  opensAt: z.iso.datetime().nullable().describe('A scheduled follow-up that has not opened yet: when it opens. Null otherwise.'),
});
export type ClassSessionStateBody = z.infer<typeof classSessionStateSchema>;

export const joinClassSessionResponseSchema = z.object({
  participantId: participantIdSchema,
  created: z.boolean().describe('False when this device had already joined.'),
  beforeAfter: z.boolean().describe('Whether the session asks the before and after questions.'),
  path: z.enum(['core', 'full']).describe('The core only, or the core and then the deeper sections.'),
  followUp: z.boolean().describe('Whether the session is a follow-up of an earlier one: a short retrieval quiz only.'),
  state: classSessionStateSchema,
});
export type JoinClassSessionResponse = z.infer<typeof joinClassSessionResponseSchema>;

export const classChoicesQuerySchema = z.object({
  itemId: itemRefSchema.describe('A scenario decision, as scenario/node.'),
});

/**
 * A figure of a live class tally: a number (k or more, or 0), "fewer than k" (0 to k−1, never the
 * small number itself), or a range (how many were counted, in steps of k; or a cell shown only as
 * far as the figures beside it already give it away).
 */
export const liveFigureSchema = z.union([
  z.object({ kind: z.literal('count'), value: z.int().min(0) }),
  z.object({ kind: z.literal('fewer-than'), k: z.int().min(2) }),
  z.object({ kind: z.literal('range'), from: z.int().min(0), to: z.int().min(0) }),
]);

export const classChoicesResponseSchema = z.object({
  itemId: z.string(),
  shown: z.boolean().describe('False until the class\'s choices are released.'),
  waiting: z
    .enum(['reveal', 'few', 'unsafe'])
    .nullable()
    .describe('Why nothing is shown: `reveal` the teacher has not shown them yet, `few` too few have answered, `unsafe` no showing of them would keep everyone anonymous.'),
  k: z.int().describe('The smallest count shown as a number.'),
  reached: liveFigureSchema.nullable().describe('How many the figures are about: those who reached this decision.'),
  options: z.array(z.object({ id: z.string(), count: liveFigureSchema })),
});
export type ClassChoicesResponse = z.infer<typeof classChoicesResponseSchema>;

export const liveCommandBodySchema = z
  .discriminatedUnion('command', [
    z.object({ command: z.literal('go-to-step'), step: z.int().min(0).max(10_000) }),
    z.object({ command: z.literal('reveal'), step: z.int().min(0).max(10_000) }),
    z.object({ command: z.literal('hide-reveal') }),
    z.object({ command: z.literal('show-join-code'), show: z.boolean() }),
    z.object({ command: z.literal('end') }),
  ])
  .describe("One of the teacher's live commands.");
export type LiveCommandBody = z.infer<typeof liveCommandBodySchema>;

/** The longest a self-paced session may stay open: half a term. */
export const MAX_OPEN_DAYS = 56;

/**
 * The teacher's "new session" form. Messages are keys into `Teach.errors`, translated where the
 * form is shown. The closing time arrives as the browser's local `datetime-local` value plus
 * the browser's offset from UTC, so a server in another time zone reads it as the teacher meant.
 */
export const newClassSessionFormSchema = z
  .object({
    organisationId: z.uuid({ error: 'organisation' }).describe('The school or college the session is for.'),
    moduleId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, { error: 'module' })
      .optional()
      .or(z.literal('').transform(() => undefined))
      .describe('The published module the session runs (its id); roads-kill when left out. A follow-up runs its first session’s module.'),
    mode: z.enum(['live', 'self_paced'], { error: 'mode' }).describe('Teacher-paced on a projector, or each student at their own speed.'),
    beforeAfter: z
      .preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean())
      .describe('Ask the before and after questions.'),
    path: z
      .enum(['core', 'full'], { error: 'path' })
      .default('core')
      .describe('The core only (at most 20 minutes), or the core and then the deeper sections.'),
    closesAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'closesAtFormat' })
      .optional()
      .or(z.literal('').transform(() => undefined))
      .describe('Self-paced: when the session closes, in the browser’s local time (YYYY-MM-DDTHH:mm).'),
    timezoneOffset: z.coerce
      .number({ error: 'closesAtFormat' })
      .int()
      .min(-14 * 60)
      .max(14 * 60)
      .default(0)
      .describe('The browser’s Date.getTimezoneOffset(), in minutes.'),
    opensOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'opensOnFormat' })
      .optional()
      .or(z.literal('').transform(() => undefined))
      .describe('A follow-up: the day it opens to phones, in the browser’s local time (YYYY-MM-DD). Empty: at once.'),
    followUpOf: z
      .uuid({ error: 'followUpOf' })
      .optional()
      .or(z.literal('').transform(() => undefined))
      .describe('A follow-up: the earlier session it follows (fixed by the page, checked by the server).'),
  })
  .transform((form, ctx) => {
    // Only a follow-up is planned ahead; the day starts at the teacher's local midnight.
    if (form.followUpOf === undefined || form.opensOn === undefined) return { ...form, opensAt: null };
    const opensAt = new Date(Date.parse(`${form.opensOn}T00:00:00Z`) + form.timezoneOffset * 60_000);
    if (Number.isNaN(opensAt.getTime())) {
      ctx.addIssue({ code: 'custom', path: ['opensOn'], message: 'opensOnFormat' });
      return z.NEVER;
    }
    return { ...form, opensAt };
  })
  .transform((form) => ({
    ...form,
    followUpOf: form.followUpOf ?? null,
    // A follow-up asks its own short set of questions: before/after doesn't apply.
    beforeAfter: form.followUpOf === undefined && form.beforeAfter,
  }))
  .transform((form, ctx) => {
    if (form.mode === 'live') return { ...form, closesAt: null };
    if (form.closesAt === undefined) {
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'closesAtMissing' });
      return z.NEVER;
    }
    const closesAt = new Date(Date.parse(`${form.closesAt}:00Z`) + form.timezoneOffset * 60_000);
    if (Number.isNaN(closesAt.getTime())) {
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'closesAtFormat' });
      return z.NEVER;
    }
    return { ...form, closesAt };
  });
export type NewClassSessionForm = z.output<typeof newClassSessionFormSchema>;

/** A problem with the new-session form: the field it is about and a key into `Teach.errors`. */
export interface FormProblem {
  field: 'moduleId' | 'organisationId' | 'mode' | 'path' | 'closesAt' | 'followUpOf' | 'opensOn';
  key:
    | 'module'
    | 'organisation'
    | 'mode'
    | 'path'
    | 'closesAtMissing'
    | 'closesAtFormat'
    | 'closesAtPast'
    | 'closesAtTooFar'
    | 'followUpOf'
    | 'opensOnFormat'
    | 'opensOnPast'
    | 'opensOnTooFar'
    | 'closesAtBeforeOpens';
}

/** The new-session form's state between tries: its problems, and what was typed so nothing is lost. */
export interface NewSessionState {
  problems: FormProblem[];
  values: Record<string, string>;
}
