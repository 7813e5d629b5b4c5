/**
 * How fast the server stores answers, on the embedded store and on PostgreSQL, run in one
 * process so the engines are compared under the same load. A simulated event: DEVICES phones
 * each take the whole module (the real content, first choice everywhere) and send their
 * answers in batches of BATCH; then every batch is sent again, as after a lost response.
 * Prints answers per second for first deliveries and replays, and checks the stored count.
 *
 *   npm run bench:answers                      # PGlite in memory and in a folder
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:answers   # + PostgreSQL
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { count } from 'drizzle-orm';
import { Client } from 'pg';
import type { Answer } from '@/lib/api/schemas';
import { getModule } from '@/lib/content/load';
import { createDatabase, type DatabaseOptions } from '@/lib/db/client';
import { answers } from '@/lib/db/schema';
import { submitAnswers } from '@/lib/server/answers';
import { createParticipant } from '@/lib/server/participants';
import { journeyAnswers } from './journey-answers';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 300);
const BATCH = Number(process.env.BENCH_BATCH ?? 10);

async function run(label: string, options: DatabaseOptions, cleanup: () => Promise<void>): Promise<number> {
  const { structure, version } = await getModule();
  const handle = await createDatabase(options);
  await handle.migrate();
  const devices = Array.from({ length: DEVICES }, () => ({ id: randomUUID(), answers: journeyAnswers(structure, version) }));
  const batches = devices.flatMap((d) => {
    const out: { participantId: string; answers: Answer[] }[] = [];
    for (let i = 0; i < d.answers.length; i += BATCH) out.push({ participantId: d.id, answers: d.answers.slice(i, i + BATCH) });
    return out;
  });
  const total = batches.reduce((n, b) => n + b.answers.length, 0);
  for (const d of devices) await createParticipant(handle.db, { id: d.id, locale: 'en-GB' });

  const deliver = async () => {
    const start = performance.now();
    let stored = 0;
    for (const batch of batches) {
      const result = await submitAnswers(handle.db, structure, version, batch);
      if (!result.ok) throw new Error(`batch refused: ${result.error}`);
      stored += result.receipts.filter((r) => r.status === 'stored').length;
    }
    return { seconds: (performance.now() - start) / 1000, stored };
  };
  const first = await deliver();
  const replay = await deliver();
  const [row] = await handle.db.select({ n: count() }).from(answers);
  await handle.close();
  await cleanup();

  const rate = total / first.seconds;
  console.log(
    `${label.padEnd(18)} ${String(total).padStart(6)} answers in ${batches.length} batches: ` +
      `first ${first.seconds.toFixed(2)} s (${rate.toFixed(0)}/s), replay ${replay.seconds.toFixed(2)} s (${(total / replay.seconds).toFixed(0)}/s); ` +
      `stored ${first.stored}, replay stored ${replay.stored}, rows ${row?.n ?? 0}`,
  );
  if (first.stored !== total || replay.stored !== 0 || row?.n !== total) throw new Error(`${label}: exactly-once violated`);
  return rate;
}

async function main() {
  console.log(`bench:answers — ${DEVICES} devices, batches of ${BATCH}`);
  const rates: Record<string, number> = {};
  rates['pglite (memory)'] = await run('pglite (memory)', { engine: 'pglite' }, async () => {});
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rk-bench-'));
  rates['pglite (folder)'] = await run('pglite (folder)', { engine: 'pglite', dataDir: dir }, () => rm(dir, { recursive: true, force: true }));
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `rk_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    rates.postgres = await run('postgres', { engine: 'postgres', url: url.toString() }, async () => {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    });
  } else {
    console.log('postgres           skipped (set TEST_DATABASE_URL)');
  }
  const base = rates['pglite (folder)'] ?? 1;
  console.log(`ratios to pglite (folder): ${Object.entries(rates).map(([k, v]) => `${k} ${(v / base).toFixed(2)}×`).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
