/**
 * Officers' results over a county's worth of sessions: how long the results take when every
 * session's summary must be built from raw answers (the first visit after a term of sessions),
 * when every summary is fresh (every visit after that), with one session changed, and filtered
 * to one organisation. The point of stored summaries is the ratio between the first and the
 * second figure, and that the second stays small as the answers grow.
 *
 *   npm run bench:officer                      PGlite in memory, 60 sessions of 25
 *   npm run bench:officer -- --sessions 200    a bigger county
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:officer   PostgreSQL too
 *   npm run bench:officer -- --no-analyze      without table statistics, as before the app ran
 *                                               ANALYZE itself (lib/db/statistics.ts)
 *
 * By default the tables are analysed after seeding, as the app's own ANALYZE (every 15 minutes
 * on PGlite; autovacuum on PostgreSQL) would have done while a term's answers came in.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { getModule } from '@/lib/content/load';
import type { ModuleStructure } from '@/lib/content/schema';
import { createDatabase, type Database, type DatabaseHandle } from '@/lib/db/client';
import { answers, classSessions, organisations, participants } from '@/lib/db/schema';
import { analyzeTables } from '@/lib/db/statistics';
import { disclosurePolicies } from '@/lib/domain/disclosure';
import { loadOfficerResults } from '@/lib/server/officer-results';
import { createFreshDatabase, postgresServerUrl } from '@/tests/support/postgres';
import { seededRandom, syntheticClass } from '@/tests/support/synthetic-class';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '60' },
    size: { type: 'string', default: '25' },
    'no-analyze': { type: 'boolean', default: false },
  },
});
const ANALYZE = !values['no-analyze'];
const SESSIONS = Math.max(1, Number(values.sessions));
const SIZE = Math.max(1, Number(values.size));
const ORGANISATIONS = 8;
const policy = disclosurePolicies().export;

async function seed(db: Database, structure: ModuleStructure): Promise<{ organisationIds: string[]; answers: number }> {
  const orgs = await db
    .insert(organisations)
    .values(Array.from({ length: ORGANISATIONS }, (_, i) => ({ name: `Bench school ${i + 1}`, kind: 'school' as const, area: i % 2 ? 'North' : 'South' })))
    .returning({ id: organisations.id });
  let stored = 0;
  const start = new Date('2025-09-08T09:00:00Z').getTime();
  for (let s = 0; s < SESSIONS; s += 1) {
    const createdAt = new Date(start + s * 5 * 86_400_000);
    const [session] = await db
      .insert(classSessions)
      .values({
        joinCode: randomUUID().slice(0, 6).toUpperCase(),
        moduleId: 'roads-kill',
        contentVersion: 'abcdefabcdef',
        organisationId: orgs[s % ORGANISATIONS]?.id as string,
        mode: s % 3 === 0 ? 'self_paced' : 'live',
        beforeAfter: true,
        status: 'closed',
        createdAt,
      })
      .returning({ id: classSessions.id });
    const klass = syntheticClass(structure, seededRandom(s + 1), SIZE);
    const ids = new Map(klass.participantIds.map((p) => [p, randomUUID()]));
    await db.insert(participants).values([...ids.values()].map((id) => ({ id, locale: 'en-GB' as const, classSessionId: session?.id, createdAt })));
    const rows = klass.answers.map((a) => ({
      ...a,
      id: randomUUID(),
      participantId: ids.get(a.participantId) as string,
      contentVersion: 'abcdefabcdef',
      answeredAt: createdAt,
      receivedAt: createdAt,
    }));
    for (let i = 0; i < rows.length; i += 1000) await db.insert(answers).values(rows.slice(i, i + 1000));
    stored += rows.length;
  }
  return { organisationIds: orgs.map((o) => o.id), answers: stored };
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
}

async function benchmark(name: string, handle: DatabaseHandle, structure: ModuleStructure): Promise<void> {
  const { db } = handle;
  const [seeded, seedMs] = await timed(() => seed(db, structure));
  const [, analyzeMs] = ANALYZE ? await timed(() => analyzeTables(db)) : [undefined, 0];
  const options = { policy, structure, timeZone: 'Europe/London' };
  const [, coldMs] = await timed(() => loadOfficerResults(db, {}, options));
  const warm: number[] = [];
  for (let i = 0; i < 5; i += 1) warm.push((await timed(() => loadOfficerResults(db, {}, options)))[1]);
  // One late answer in one session: one summary to rebuild.
  const [someone] = await db.select({ id: participants.id }).from(participants).limit(1);
  await db.insert(answers).values({
    id: randomUUID(),
    participantId: someone?.id as string,
    itemId: 'int-own-seat',
    phase: 'followup',
    response: { kind: 'scale', value: 4 },
    contentVersion: 'abcdefabcdef',
    answeredAt: new Date(),
  });
  const [, oneStaleMs] = await timed(() => loadOfficerResults(db, {}, options));
  const [, filteredMs] = await timed(() => loadOfficerResults(db, { organisation: seeded.organisationIds[0] }, options));
  const median = [...warm].sort((a, b) => a - b)[Math.floor(warm.length / 2)] ?? 0;
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  console.log(
    `${name}: ${SESSIONS} sessions × ${SIZE} students, ${seeded.answers} answers (seeded in ${ms(seedMs)})\n` +
      `  table statistics:                ${ANALYZE ? `ANALYZE in ${ms(analyzeMs)}` : 'none (--no-analyze)'}\n` +
      `  first load, every summary built: ${ms(coldMs)}\n` +
      `  fresh summaries (median of 5):   ${ms(median)}   (${(coldMs / median).toFixed(1)}× faster)\n` +
      `  one session changed:             ${ms(oneStaleMs)}\n` +
      `  one organisation:                ${ms(filteredMs)}`,
  );
}

const structure = (await getModule()).structure;
const memory = await createDatabase({ engine: 'pglite' });
await memory.migrate();
await benchmark('PGlite (memory)', memory, structure);
await memory.close();

const server = postgresServerUrl(process.env.TEST_DATABASE_URL);
if (server !== undefined) {
  const database = await createFreshDatabase(server, 'rk_bench_');
  const handle = await createDatabase({ engine: 'postgres', url: database.url });
  try {
    await handle.migrate();
    await benchmark('PostgreSQL', handle, structure);
  } finally {
    await handle.close();
    await database.drop();
  }
}
