import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/lib/db/client';
import { participants } from '@/lib/db/schema';
import { analyzeTables, PGLITE_ANALYZE_INTERVAL_MS, scheduleStatistics } from '@/lib/db/statistics';
import { testEngines } from './db-engines';

// Each test opens and migrates its own database, which takes a while on a busy 2-core machine.

/** What the planner believes about a table: -1 while it has never been analysed. */
async function plannerRows(db: Database, table: string): Promise<number> {
  const result = await db.execute<{ reltuples: number }>(sql`SELECT reltuples::float8 AS reltuples FROM pg_class WHERE relname = ${table}`);
  const rows = Array.isArray(result) ? result : (result as { rows: { reltuples: number }[] }).rows;
  return Number(rows[0]?.reltuples);
}

async function addParticipants(db: Database, n: number): Promise<void> {
  const rows = Array.from({ length: n }, () => ({ id: randomUUID(), locale: 'en-GB' as const }));
  for (let i = 0; i < rows.length; i += 500) await db.insert(participants).values(rows.slice(i, i + 500));
}

afterEach(() => {
  vi.useRealTimers();
});

describe.each(testEngines)('table statistics on $name', (engine) => {
  it('ANALYZE gives the planner the real size of a table', async () => {
    const { handle, dispose } = await engine.open();
    try {
      await addParticipants(handle.db, 1_200);
      // PGlite has no autovacuum: left alone, the planner would never learn the table's size.
      if (engine.name === 'pglite') expect(await plannerRows(handle.db, 'participants')).toBe(-1);
      await analyzeTables(handle.db);
      expect(await plannerRows(handle.db, 'participants')).toBe(1_200);
    } finally {
      await dispose();
    }
  }, 90_000);
});

describe('scheduleStatistics', () => {
  it('analyses a PGlite database every 15 minutes', async () => {
    const pglite = testEngines.find((e) => e.name === 'pglite');
    if (!pglite) throw new Error('PGlite is always among the test engines');
    const { handle, dispose } = await pglite.open();
    const timers = globalThis as typeof globalThis & { __roadsKillStatisticsTimer?: NodeJS.Timeout };
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      scheduleStatistics(handle);
      await addParticipants(handle.db, 300);
      expect(await plannerRows(handle.db, 'participants')).toBe(-1);
      vi.advanceTimersByTime(PGLITE_ANALYZE_INTERVAL_MS);
      await vi.waitFor(async () => expect(await plannerRows(handle.db, 'participants')).toBe(300), { timeout: 10_000, interval: 50 });
    } finally {
      clearInterval(timers.__roadsKillStatisticsTimer);
      timers.__roadsKillStatisticsTimer = undefined;
      await dispose();
    }
  }, 90_000);
});
