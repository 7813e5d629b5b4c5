/**
 * The stored summary read back from its JSON column: parsed, not trusted (DESIGN.md, "zod at
 * every boundary"). A summary that doesn't parse is left out of results and logged.
 */
import { z } from 'zod';
import { SESSION_SUMMARY_FORMAT, type SessionSummary } from './session-summary';

const count = z.number().int().nonnegative();
const counts = z.record(z.string(), count);
const measure = z.object({
  nBefore: count,
  nAfter: count,
  nMatched: count,
  sumBefore: z.number().finite(),
  sumAfter: z.number().finite(),
  sumSquaredChange: z.number().finite().nonnegative(),
});
const correlation = z.object({
  n: count,
  sx: z.number().finite(),
  sr: z.number().finite(),
  srr: z.number().finite(),
  sxr: z.number().finite(),
});

export const sessionSummarySchema = z.object({
  format: z.literal(SESSION_SUMMARY_FORMAT),
  noiseKey: z.string().regex(/^[0-9a-f]{64}$/),
  headline: z.object({ joined: count, started: count, finished: count }),
  items: z.record(
    z.string(),
    z.object({ answered: count, correct: count, misconceptions: counts, confidentErrors: count, discrimination: correlation }),
  ),
  facts: z.record(z.string(), z.object({ answered: count, correct: count, options: counts })),
  scenarios: z.record(
    z.string(),
    z.object({ decisions: z.record(z.string(), z.object({ choices: counts })), endings: counts }),
  ),
  change: z.object({ knowledge: measure, constructs: z.record(z.string(), measure) }),
  plans: z.object({ answered: count, picked: counts, ownPlanWriters: count }),
  followUp: z
    .object({
      joined: count,
      started: count,
      paired: count,
      retrieval: measure,
      intention: measure,
      intentionSinceAfter: measure,
    })
    .nullable(),
}) satisfies z.ZodType<SessionSummary>;
