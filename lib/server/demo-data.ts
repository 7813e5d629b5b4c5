import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import type { ModuleStructure } from '@/lib/content/schema';
import { getModule } from '@/lib/content/load';
import type { Database } from '@/lib/db/client';
import { answers, classSessions, organisations, participants } from '@/lib/db/schema';
import { analyzeTables } from '@/lib/db/statistics';
import { generateDemoData, type DemoDataSet } from '@/lib/domain/demo-data';
import { refreshSessionSummaries } from './session-summaries';

/**
 * Loads the synthetic demo data set (lib/domain/demo-data.ts) when the app starts with
 * `--demo` or DEMO_DATA=1. Once only: if any demo organisation exists, nothing is loaded, so
 * restarting with the flag neither doubles the data nor changes it.
 */

/** Names "loading demo data" among PostgreSQL advisory locks, so two instances don't both load it. */
const DEMO_LOCK_KEY = 7_311_200_418;
/** Rows per INSERT: one statement per row is slow on PGlite; PostgreSQL takes at most 65,535 parameters. */
const BATCH_ROWS = 2_000;

export interface LoadDemoDataOptions {
  now: Date;
  seed?: number;
  /** The module and content version the answers are for; the app's own when left out. */
  module?: { structure: ModuleStructure; version: string };
}

export type LoadDemoDataResult =
  | { loaded: false }
  | { loaded: true; organisations: number; sessions: number; students: number; answers: number };

async function hasDemoData(db: Database): Promise<boolean> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.demo, true)).limit(1);
  return row !== undefined;
}

/** Generates the set, steering clear of any join code a real session already has. */
async function generateAvoidingTakenCodes(
  db: Database,
  options: LoadDemoDataOptions & { module: { structure: ModuleStructure; version: string } },
): Promise<DemoDataSet> {
  const generate = (takenJoinCodes?: ReadonlySet<string>) =>
    generateDemoData({
      structure: options.module.structure,
      contentVersion: options.module.version,
      now: options.now,
      seed: options.seed,
      takenJoinCodes,
    });
  const first = generate();
  const clashes = await db
    .select({ joinCode: classSessions.joinCode })
    .from(classSessions)
    .where(inArray(classSessions.joinCode, first.classSessions.map((s) => s.joinCode)));
  return clashes.length === 0 ? first : generate(new Set(clashes.map((c) => c.joinCode)));
}

async function insertInBatches<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) await insert(rows.slice(i, i + BATCH_ROWS));
}

export async function loadDemoData(db: Database, options: LoadDemoDataOptions): Promise<LoadDemoDataResult> {
  if (await hasDemoData(db)) {
    console.info('[demo] demo data already loaded; left as it is');
    return { loaded: false };
  }
  const started = performance.now();
  const module = options.module ?? (await getModule());
  const set = await generateAvoidingTakenCodes(db, { ...options, module });

  const inserted = await db.transaction(async (tx) => {
    // A second instance starting with --demo waits here, then finds the data loaded.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${DEMO_LOCK_KEY})`);
    if (await hasDemoData(tx)) return false;
    await insertInBatches(set.organisations, (batch) => tx.insert(organisations).values(batch.map((o) => ({ ...o, demo: true }))));
    await insertInBatches(set.classSessions, (batch) => tx.insert(classSessions).values(batch.map((s) => ({ ...s, hostId: null }))));
    await insertInBatches(set.participants, (batch) => tx.insert(participants).values(batch));
    await insertInBatches(set.answers, (batch) => tx.insert(answers).values(batch));
    return true;
  });
  if (!inserted) {
    console.info('[demo] demo data already loaded; left as it is');
    return { loaded: false };
  }

  // A bulk load: statistics first, so the summaries below (and every later page) are planned
  // for the tables as they now are (lib/db/statistics.ts).
  await analyzeTables(db);
  await refreshSessionSummaries(db, {
    sessionIds: set.classSessions.map((s) => s.id),
    now: options.now,
    structure: module.structure,
  });
  console.info(
    `[demo] loaded synthetic demo data: ${set.organisations.length} organisations, ${set.classSessions.length} sessions, ` +
      `${set.students} students (${set.answers.length} answers) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return {
    loaded: true,
    organisations: set.organisations.length,
    sessions: set.classSessions.length,
    students: set.students,
    answers: set.answers.length,
  };
}
