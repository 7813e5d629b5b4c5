import { sql } from 'drizzle-orm';
import type { Database, DatabaseHandle } from './client';

/**
 * Table statistics for the query planner. Without them the planner guesses, and the per-session
 * queries behind class reports, live counts and session summaries read the whole answers table:
 * 58 ms at 257k answers instead of 1.1 ms (issue 13). PostgreSQL's autovacuum analyses tables
 * as they grow, but only after its own thresholds; PGlite runs no autovacuum at all, so on PGlite
 * nothing would ever analyse them. So the app runs `ANALYZE` itself: after migrations, after a
 * bulk load (the demo data), and every 15 minutes on PGlite.
 */

/** Every table of the app's schema. A sample of 30,000 rows per table: well under a second at 1M answers. */
export async function analyzeTables(db: Database): Promise<void> {
  await db.execute(sql`ANALYZE`);
}

export const PGLITE_ANALYZE_INTERVAL_MS = 15 * 60_000;

// On globalThis, like the database: a dev server re-evaluating this module must not start a second timer.
const timers = globalThis as typeof globalThis & { __roadsKillStatisticsTimer?: NodeJS.Timeout };

/** On PGlite, which has no autovacuum, keeps statistics current in the background. */
export function scheduleStatistics(handle: DatabaseHandle): void {
  if (handle.engine !== 'pglite' || timers.__roadsKillStatisticsTimer !== undefined) return;
  timers.__roadsKillStatisticsTimer = setInterval(() => {
    analyzeTables(handle.db).catch((error: unknown) => {
      console.error(`[db] ANALYZE failed; queries still run, planned with older statistics: ${error instanceof Error ? error.name : 'error'}`);
    });
  }, PGLITE_ANALYZE_INTERVAL_MS).unref();
}
