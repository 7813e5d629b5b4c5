/**
 * Inputs and outputs of the class-session API: joining, the state phones follow, the class's
 * choices at a scenario decision, and the teacher's live commands. Shared by the route handlers,
 * the OpenAPI document and (as types only) the phone.
 */
import { z } from 'zod';
import { normaliseJoinCode } from '@/lib/domain/join-code';
import { itemRefSchema, localeSchema, participantIdSchema } from './schemas';

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
});
export type JoinClassSessionBody = z.infer<typeof joinClassSessionBodySchema>;

export const classSessionStateSchema = z.object({
  status: z.enum(['open', 'closed']).describe('A closed session takes no more answers.'),
  mode: z.enum(['live', 'self_paced']),
  liveStep: z.int().min(0).describe('Live mode: the step of the journey the teacher has the class on.'),
  revealedStep: z.int().min(0).nullable().describe('Live mode: the step whose class answers are on the projector.'),
  showJoinCode: z.boolean(),
  closesAt: z.iso.datetime().nullable().describe('Self-paced mode: when the session closes.'),
});
export type ClassSessionStateBody = z.infer<typeof classSessionStateSchema>;

export const joinClassSessionResponseSchema = z.object({
  participantId: participantIdSchema,
  created: z.boolean().describe('False when this device had already joined.'),
  beforeAfter: z.boolean().describe('Whether the session asks the before and after questions.'),
  state: classSessionStateSchema,
});
export type JoinClassSessionResponse = z.infer<typeof joinClassSessionResponseSchema>;

export const classChoicesQuerySchema = z.object({
  itemId: itemRefSchema.describe('A scenario decision, as scenario/node.'),
});

/**
 * A count under disclosure control: a number, "fewer than k" (never the small number itself),
 * or withheld where it would let someone work out a small number from the others.
 */
export const disclosedCountSchema = z.union([
  z.object({ kind: z.literal('count'), value: z.int().min(0) }),
  z.object({ kind: z.literal('fewer-than'), k: z.int().min(2) }),
  z.object({ kind: z.literal('withheld') }),
]);

export const classChoicesResponseSchema = z.object({
  itemId: z.string(),
  shown: z.boolean().describe('False until enough of the class has answered to show anything.'),
  k: z.int().describe('The smallest count shown as a number.'),
  respondents: disclosedCountSchema.nullable().describe('How many answered; null when showing it would give a small group away.'),
  options: z.array(z.object({ id: z.string(), count: disclosedCountSchema })),
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
