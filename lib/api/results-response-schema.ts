/**
 * The shape of `GET /api/v1/results`, for the OpenAPI document: every figure in disclosed form
 * (officer-disclosure.ts). Described loosely where the structure is long (scenarios, trends),
 * exactly for the value shapes a client must handle: a count, "fewer than k", withheld.
 */
import { z } from 'zod';

export const disclosedFigureSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('count'), value: z.int().min(0).describe('Rounded to the nearest 5; 0 or at least k.') }),
    z.object({ kind: z.literal('fewer-than'), k: z.int().describe('From 1 to k−1 people: shown as "fewer than k".') }),
    z.object({ kind: z.literal('withheld').describe('Not shown: it would let a reader work out a hidden figure.') }),
  ])
  .describe('A count of people or answers, as it may be shown.');

export const disclosedShareSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('share'), value: z.number().min(0).max(1).describe('From the rounded counts, 0 to 1.') }),
    z.object({ kind: z.literal('withheld') }),
  ])
  .describe('A share, shown only when both its counts are.');

const pValue = z.object({ value: z.number().min(0).max(1), lessThan: z.boolean().describe('True: "p < value".') });

export const disclosedMeanSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('mean'), value: z.number() }),
    z.object({ kind: z.literal('fewer-than'), k: z.int() }),
    z.object({ kind: z.literal('none').describe('Nobody answered.') }),
  ])
  .describe('A mean over at least k people.');

const part = z.object({ count: disclosedFigureSchema, total: disclosedFigureSchema, share: disclosedShareSchema });
const waves = z.object({ before: part, main: part, after: part, followup: part });
const measure = z
  .object({
    nBefore: disclosedFigureSchema,
    nAfter: disclosedFigureSchema,
    nMatched: disclosedFigureSchema,
    attrition: disclosedShareSchema,
    before: disclosedMeanSchema,
    after: disclosedMeanSchema,
    change: disclosedMeanSchema,
  })
  .describe('Matched pairs: n at each wave, attrition, and the means and change over the matched pairs.');

export const resultsResponseSchema = z.object({
  filters: z.record(z.string(), z.string()).describe('The filters read from the query string (empty ones left out).'),
  results: z.looseObject({
    policy: z.object({ name: z.literal('export'), k: z.int(), roundTo: z.int() }),
    demo: z.boolean().describe('Some sessions are synthetic demo data, not real schools.'),
    headline: z.object({
      students: disclosedFigureSchema,
      started: disclosedFigureSchema,
      finished: disclosedFigureSchema,
      completion: disclosedShareSchema,
      sessions: z.int().describe('Sessions, organisations and follow-ups are not people: shown exactly.'),
      organisations: z.int(),
      followUpSessions: z.int(),
    }),
    topics: z.array(z.object({ kind: z.enum(['fact', 'consideration']), id: z.string(), waves })),
    misconceptions: z.array(z.object({ misconceptionId: z.string(), waves })),
    confidentErrors: z.array(z.object({ itemId: z.string(), phase: z.string(), confident: part })),
    change: z.object({
      knowledge: measure,
      constructs: z.array(measure.extend({ construct: z.enum(['attitude', 'norm', 'control', 'intention']) })),
    }),
    followUp: z
      .object({ students: disclosedFigureSchema, paired: disclosedFigureSchema, retrieval: measure, intention: measure, intentionSinceAfter: measure })
      .nullable(),
    scenarios: z.array(z.looseObject({ scenarioId: z.string() })).describe('Per scenario: risky choices per decision, by organisation and term, and endings reached.'),
    plans: z.looseObject({ answered: disclosedFigureSchema }),
    trends: z.array(z.looseObject({ termId: z.string() })).describe('Per school term, oldest first.'),
  }),
  quality: z
    .array(
      z.object({
        contentVersion: z.string(),
        itemId: z.string(),
        phase: z.string(),
        answered: disclosedFigureSchema,
        correct: disclosedFigureSchema,
        facility: disclosedShareSchema,
        discrimination: disclosedMeanSchema,
        flags: z.array(z.enum(['too-easy', 'too-hard', 'poor-discrimination', 'too-few-answers', 'small-group'])),
      }),
    )
    .describe('Question quality per item and content version.'),
  positions: z
    .array(
      z.object({
        contentVersion: z.string(),
        itemId: z.string().describe('A knowledge item, a fact guess (F1…) or a story decision (scenario/node).'),
        phase: z.string(),
        choice: z.enum(['one', 'several']).describe('One option per answer, or choose all that apply.'),
        positions: z.int().min(2).describe('How many positions the options are shown in.'),
        answers: disclosedFigureSchema.describe('Answers with the order shown recorded.'),
        chosen: z.array(disclosedFigureSchema).describe('Choices of the option shown at each position, first position first.'),
        firstShare: disclosedShareSchema.describe('The share of answers choosing the option shown first.'),
        expectedFirstShare: disclosedShareSchema.describe('That share if the position shown made no difference.'),
        verdict: z
          .discriminatedUnion('kind', [
            z.object({ kind: z.literal('not-enough') }),
            z.object({ kind: z.literal('small-group') }),
            z.object({ kind: z.literal('no-sign'), p: pValue }),
            z.object({ kind: z.literal('position-matters'), p: pValue, favoured: z.int().min(0).describe('The position chosen most against expectation, 0 first.') }),
          ])
          .describe('A chi-square test against choices spread as the positions were shown, allowing for the perturbation noise; said only with at least 30 answers, 5 expected at each position and no position group under k.'),
      }),
    )
    .describe('Whether the position an option was shown in affects choices, per question and content version.'),
});
