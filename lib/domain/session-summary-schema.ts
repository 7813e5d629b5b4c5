/**
 * The stored summary read back from its JSON column: parsed, not trusted (DESIGN.md, "zod at
 * every boundary"). A summary that doesn't parse is left out of results and logged.
 *
 * A format-2 summary (before position counts) that the retention job froze is never rebuilt:
 * it is read as the current format with no position counts, so its other figures still count.
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

const positionCounts = z.object({
  choice: z.enum(['one', 'several']),
  shown: z.array(count).max(8),
  chosen: z.array(count).max(8),
});

export const sessionSummarySchema = z.object({
  format: z.union([z.literal(2), z.literal(SESSION_SUMMARY_FORMAT)]),
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
  positions: z.record(z.string(), positionCounts).default({}),
}).transform((summary) => ({ ...summary, format: SESSION_SUMMARY_FORMAT })) satisfies z.ZodType<SessionSummary>;
