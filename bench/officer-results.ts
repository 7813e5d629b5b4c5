/**
 * Officers' results over a county's worth of sessions, at growing numbers of answers: how long the
 * results take when every session's summary must be built from raw answers (the first visit after
 * a term of sessions), when every summary is up to date (every visit after that), with one
 * session changed, and filtered to one organisation; and how long the teacher's live counts of
 * one session take on a database that size. Between sizes it prints the growth exponent
 * (time ∝ answers^e): 1 is linear, 0 is flat.
 *
 *   npm run bench:officer                               PGlite in memory, 64k answers
 *   npm run bench:officer -- --answers 64k,256k,1m      the issue 13 series (one database grown)
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:officer   PostgreSQL too
 *   npm run bench:officer -- --engine postgres          PostgreSQL only (or pglite)
 *   npm run bench:officer -- --no-analyze               without table statistics, as before the app
 *                                                        ran ANALYZE itself (lib/db/statistics.ts)
 *
 * Seeding: 32 template classes of 25–30 students (tests/support/synthetic-class.ts: valid items,
 * options and scores of the module, 1,000-odd answers a class) are stored through drizzle; every
 * further session is a copy of one of them made in SQL (INSERT … SELECT over generate_series),
 * with new ids, another organisation and another day, closed. One database is grown from size to
 * size; before each size's first load every stored summary is deleted, so it builds them all.
 * By default the tables are analysed after seeding, as the app's own ANALYZE (every 15 minutes on
 * PGlite; autovacuum on PostgreSQL) would have done while a term's answers came in.
 *
 * `runOfficerBench(options)` returns the rows, for a bench orchestrator.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { inArray, sql } from 'drizzle-orm';
import { getModule } from '@/lib/content/load';
import type { ModuleStructure } from '@/lib/content/schema';
import { createDatabase, type Database, type DatabaseHandle, type Engine } from '@/lib/db/client';
import { answers, classSessions, organisations, participants, sessionSummaries } from '@/lib/db/schema';
import { analyzeTables } from '@/lib/db/statistics';
import { disclosurePolicies } from '@/lib/domain/disclosure';
import { sessionJourney, sessionJourneyOptions } from '@/lib/domain/session-journey';
import { classCounts } from '@/lib/server/class-sessions';
import { loadOfficerResults } from '@/lib/server/officer-results';
import { createFreshDatabase, postgresServerUrl } from '@/tests/support/postgres';
import { seededRandom, syntheticClass } from '@/tests/support/synthetic-class';

export interface OfficerBenchOptions {
  /** Answer counts to reach (to within half a session: about 900 answers). */
  answers: number[];
  engines: Engine[];
  /** PostgreSQL server for the postgres engine (a fresh database is made on it and dropped). */
  postgresUrl?: string;
  analyze: boolean;
  /** Progress lines as it goes. */
  log?: (line: string) => void;
}

export interface OfficerBenchRow {
  engine: string;
  sessions: number;
  answers: number;
  seedMs: number;
  analyzeMs: number | null;
  /** Every summary built. */
  firstLoadMs: number;
  /** Median of 5, every summary up to date. */
  upToDateMs: number;
  oneChangedMs: number;
  oneOrganisationMs: number;
  /** The teacher's live counts of one session (classCounts), median of 5. */
  liveCountsMs: number;
  /** Heap kept after the loads, against before the first (both after a full collection). */
  keptBytes: number;
}

const ORGANISATIONS = 8;
const TEMPLATES = 32;
const CONTENT_VERSION = 'abcdefabcdef';
const START = new Date('2025-09-08T09:00:00Z').getTime();
const policy = disclosurePolicies().export;

/** "64k", "1m", "256000" → a number of answers. */
export function parseAnswerCount(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`not a number of answers: ${text}`);
  const unit = match[2]?.toLowerCase() === 'm' ? 1_000_000 : match[2]?.toLowerCase() === 'k' ? 1_000 : 1;
  return Math.round(Number(match[1]) * unit);
}

async function rowsOf<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export interface County {
  organisationIds: string[];
  templateIds: string[];
  /** Copies made so far: copy g (from 1) is of template g mod 32. */
  copies: number;
}

/** The organisations and the 32 template classes, through drizzle as the app stores them. */
async function seedTemplates(db: Database, structure: ModuleStructure): Promise<County> {
  const orgs = await db
    .insert(organisations)
    .values(Array.from({ length: ORGANISATIONS }, (_, i) => ({ name: `Bench school ${i + 1}`, kind: 'school' as const, area: i % 2 ? 'North' : 'South' })))
    .returning({ id: organisations.id });
  const templateIds: string[] = [];
  for (let s = 0; s < TEMPLATES; s += 1) {
    const createdAt = new Date(START + s * 86_400_000);
    const random = seededRandom(s + 1);
    const [session] = await db
      .insert(classSessions)
      .values({
        joinCode: randomUUID().slice(0, 8).toUpperCase(),
        moduleId: 'roads-kill',
        contentVersion: CONTENT_VERSION,
        organisationId: orgs[s % ORGANISATIONS]?.id as string,
        mode: s % 3 === 0 ? 'self_paced' : 'live',
        beforeAfter: true,
        status: 'closed',
        closedReason: 'teacher',
        closedAt: new Date(createdAt.getTime() + 3_600_000),
        createdAt,
      })
      .returning({ id: classSessions.id });
    const klass = syntheticClass(structure, random, 25 + Math.floor(random() * 6));
    const ids = new Map(klass.participantIds.map((p) => [p, randomUUID()]));
    await db.insert(participants).values([...ids.values()].map((id) => ({ id, locale: 'en-GB' as const, classSessionId: session?.id, createdAt })));
    const rows = klass.answers.map((a, i) => ({
      ...a,
      id: randomUUID(),
      participantId: ids.get(a.participantId) as string,
      contentVersion: CONTENT_VERSION,
      answeredAt: new Date(createdAt.getTime() + i * 1000),
      receivedAt: new Date(createdAt.getTime() + i * 1000),
    }));
    for (let i = 0; i < rows.length; i += 2000) await db.insert(answers).values(rows.slice(i, i + 2000));
    templateIds.push(session?.id as string);
  }
  return { organisationIds: orgs.map((o) => o.id), templateIds, copies: 0 };
}

/** Copies `from`…`to` (sessions, participants, answers), in SQL: three statements. */
async function copySessions(db: Database, county: County, from: number, to: number): Promise<void> {
  const templates = sql`(ARRAY[${sql.join(county.templateIds.map((id) => sql`${id}::uuid`), sql`, `)}])`;
  const orgs = sql`(ARRAY[${sql.join(county.organisationIds.map((id) => sql`${id}::uuid`), sql`, `)}])`;
  const template = sql`${templates}[1 + g % ${TEMPLATES}]`;
  const copies = sql`generate_series(${from}::int, ${to}::int) AS g`;
  // A copy's id: the template row's id and the copy's number, hashed (stable, distinct, a valid uuid).
  const copyId = (column: ReturnType<typeof sql>) => sql`md5(${column}::text || ':' || g)::uuid`;
  await db.execute(sql`
    INSERT INTO class_sessions (id, join_code, module_id, content_version, organisation_id, mode, before_after, status, closed_reason, closed_at, created_at, last_activity_at)
    SELECT ${copyId(sql`t.id`)}, upper(substr(md5(t.id::text || ':' || g || ':code'), 1, 10)), t.module_id, t.content_version,
      ${orgs}[1 + g % ${ORGANISATIONS}], t.mode, t.before_after, 'closed', 'teacher',
      t.closed_at + g * interval '1 day', t.created_at + g * interval '1 day', t.closed_at + g * interval '1 day'
    FROM ${copies} JOIN class_sessions t ON t.id = ${template}`);
  await db.execute(sql`
    INSERT INTO participants (id, locale, class_session_id, created_at)
    SELECT ${copyId(sql`p.id`)}, p.locale, ${copyId(sql`p.class_session_id`)}, p.created_at + g * interval '1 day'
    FROM ${copies} JOIN participants p ON p.class_session_id = ${template}`);
  await db.execute(sql`
    INSERT INTO answers (id, participant_id, item_id, phase, response, correct, confidence, shown_order, content_version, answered_at, received_at)
    SELECT ${copyId(sql`a.id`)}, ${copyId(sql`a.participant_id`)}, a.item_id, a.phase, a.response, a.correct, a.confidence, a.shown_order,
      a.content_version, a.answered_at + g * interval '1 day', a.received_at + g * interval '1 day'
    FROM ${copies} JOIN participants p ON p.class_session_id = ${template} JOIN answers a ON a.participant_id = p.id`);
  county.copies = to;
}

/**
 * Grows the county to about `target` answers (the templates first, then copies of them, 64 per
 * group of statements), and returns it.
 */
export async function seedCounty(
  db: Database,
  structure: ModuleStructure,
  target: number,
  county?: County,
  log: (line: string) => void = () => {},
): Promise<County> {
  const started = performance.now();
  const grown = county ?? (await seedTemplates(db, structure));
  const { answers: have, sessions } = await countAnswers(db);
  const perSession = have / sessions;
  const last = grown.copies + Math.max(0, Math.round((target - have) / perSession));
  for (let from = grown.copies + 1; from <= last; ) {
    const to = Math.min(from + 63, last);
    await copySessions(db, grown, from, to);
    log(`copied sessions ${from}–${to} at ${((performance.now() - started) / 1000).toFixed(1)} s`);
    from = to + 1;
  }
  return grown;
}

async function countAnswers(db: Database): Promise<{ answers: number; sessions: number }> {
  const [row] = await rowsOf<{ answers: string; sessions: string }>(
    db,
    sql`SELECT (SELECT count(*) FROM answers) AS answers, (SELECT count(*) FROM class_sessions) AS sessions`,
  );
  return { answers: Number(row?.answers), sessions: Number(row?.sessions) };
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
}

/** The heap in use after a full collection (gc reached through V8's flag, so no CLI flag is needed). */
function settledHeap(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Every engine and size starts with nothing remembered, so its first load and memory are its own. */
function resetSummaryCaches(): void {
  const caches = globalThis as typeof globalThis & { __roadsKillSummaryCache?: Map<string, unknown>; __roadsKillReleases?: Map<string, unknown> };
  caches.__roadsKillSummaryCache?.clear();
  caches.__roadsKillReleases?.clear();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function benchEngine(
  name: string,
  handle: DatabaseHandle,
  structure: ModuleStructure,
  options: OfficerBenchOptions,
): Promise<OfficerBenchRow[]> {
  const { db } = handle;
  const log = options.log ?? (() => {});
  const rows: OfficerBenchRow[] = [];
  const loadOptions = { policy, structure, timeZone: 'Europe/London' };
  let county: County | undefined;
  for (const target of [...options.answers].sort((a, b) => a - b)) {
    const [grown, seedMs] = await timed(() => seedCounty(db, structure, target, county, (line) => log(`${name}: ${line}`)));
    county = grown;
    const size = await countAnswers(db);
    log(`${name}: seeded ${size.sessions} sessions, ${size.answers} answers in ${(seedMs / 1000).toFixed(1)} s`);
    const [, analyzeMs] = options.analyze ? await timed(() => analyzeTables(db)) : [undefined, null];
    await db.delete(sessionSummaries);
    resetSummaryCaches();
    const heapBefore = settledHeap();
    const [, firstLoadMs] = await timed(() => loadOfficerResults(db, {}, loadOptions));
    const warm: number[] = [];
    for (let i = 0; i < 5; i += 1) warm.push((await timed(() => loadOfficerResults(db, {}, loadOptions)))[1]);
    // What the process keeps between loads: the parsed summaries and the remembered release.
    const keptBytes = settledHeap() - heapBefore;
    // One late answer in one session: one summary to rebuild.
    const [someone] = await db
      .select({ id: participants.id })
      .from(participants)
      .where(inArray(participants.classSessionId, county?.templateIds ?? []))
      .limit(1);
    await db.insert(answers).values({
      id: randomUUID(),
      participantId: someone?.id as string,
      itemId: 'int-own-seat',
      phase: 'followup',
      response: { kind: 'scale', value: 4 },
      contentVersion: CONTENT_VERSION,
      answeredAt: new Date(),
    });
    const [, oneChangedMs] = await timed(() => loadOfficerResults(db, {}, loadOptions));
    await db.delete(answers).where(sql`${answers.itemId} = 'int-own-seat' AND ${answers.phase} = 'followup'`);
    await loadOfficerResults(db, {}, loadOptions);
    const [, oneOrganisationMs] = await timed(() => loadOfficerResults(db, { organisation: county?.organisationIds[0] }, loadOptions));
    // The teacher's live counts of one session on the step of its first quiz question.
    const [session] = await db.select().from(classSessions).where(inArray(classSessions.id, county?.templateIds ?? [])).limit(1);
    const journey = sessionJourney(structure, sessionJourneyOptions(session as NonNullable<typeof session>));
    const stepItems = structure.items.slice(0, 1).map((item) => ({ phase: 'main', itemId: item.id }));
    const live: number[] = [];
    for (let i = 0; i < 5; i += 1) live.push((await timed(() => classCounts(db, session?.id as string, journey.finishKey, stepItems)))[1]);
    const row: OfficerBenchRow = {
      engine: name,
      sessions: size.sessions,
      answers: size.answers,
      seedMs,
      analyzeMs,
      firstLoadMs,
      upToDateMs: median(warm),
      oneChangedMs,
      oneOrganisationMs,
      liveCountsMs: median(live),
      keptBytes,
    };
    log(`${name}: ${JSON.stringify(row)}`);
    rows.push(row);
  }
  return rows;
}

export async function runOfficerBench(options: OfficerBenchOptions): Promise<OfficerBenchRow[]> {
  const structure = (await getModule()).structure;
  const rows: OfficerBenchRow[] = [];
  if (options.engines.includes('pglite')) {
    const memory = await createDatabase({ engine: 'pglite' });
    try {
      await memory.migrate();
      rows.push(...(await benchEngine('PGlite (memory)', memory, structure, options)));
    } finally {
      await memory.close();
    }
  }
  if (options.engines.includes('postgres') && options.postgresUrl !== undefined) {
    const database = await createFreshDatabase(options.postgresUrl, 'rk_officer_scale_bench_');
    try {
      const handle = await createDatabase({ engine: 'postgres', url: database.url });
      try {
        await handle.migrate();
        rows.push(...(await benchEngine('PostgreSQL', handle, structure, options)));
      } finally {
        await handle.close();
      }
    } finally {
      await database.drop();
    }
  }
  return rows;
}

/** time ∝ answers^e between two rows: 1 is linear. */
export function growthExponent(a: { answers: number }, b: { answers: number }, ta: number, tb: number): number {
  return Math.log(tb / ta) / Math.log(b.answers / a.answers);
}

export function formatOfficerTable(rows: OfficerBenchRow[]): string {
  const ms = (n: number | null) => (n === null ? '–' : n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(0)} ms`);
  const lines = [
    '| engine | sessions | answers | first load | up to date (median of 5) | one session changed | one organisation | live counts (median of 5) | kept in memory | growth: first / up to date |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  rows.forEach((row, i) => {
    const before = rows[i - 1];
    const growth =
      before && before.engine === row.engine
        ? `${growthExponent(before, row, before.firstLoadMs, row.firstLoadMs).toFixed(2)} / ${growthExponent(before, row, before.upToDateMs, row.upToDateMs).toFixed(2)}`
        : '';
    lines.push(
      `| ${row.engine} | ${row.sessions} | ${row.answers.toLocaleString('en-GB')} | ${ms(row.firstLoadMs)} | ${ms(row.upToDateMs)} | ${ms(row.oneChangedMs)} | ${ms(row.oneOrganisationMs)} | ${ms(row.liveCountsMs)} | ${(row.keptBytes / 1024 / 1024).toFixed(1)} MB | ${growth} |`,
    );
  });
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      answers: { type: 'string', default: '64k' },
      scale: { type: 'boolean', default: false },
      engine: { type: 'string' },
      'no-analyze': { type: 'boolean', default: false },
    },
  });
  const postgresUrl = postgresServerUrl(process.env.TEST_DATABASE_URL);
  const engines: Engine[] = values.engine === undefined ? ['pglite', 'postgres'] : [values.engine as Engine];
  const rows = await runOfficerBench({
    answers: (values.scale ? '64k,256k,1m' : values.answers).split(',').map(parseAnswerCount),
    engines,
    postgresUrl,
    analyze: !values['no-analyze'],
    log: (line) => console.log(line),
  });
  console.log(`\nTable statistics: ${values['no-analyze'] ? 'none (--no-analyze)' : 'ANALYZE after seeding'}\n`);
  console.log(formatOfficerTable(rows));
}

if (process.argv[1] !== undefined && /officer-results\.ts$/.test(process.argv[1])) {
  await main();
}
