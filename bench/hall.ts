/**
 * A hall of phones at once against one real server (`next start` through scripts/start.mjs, the
 * production build: run `npm run build` first), over HTTP as the player sends: each phone
 * registers, then answers the module's questions one at a time with a think time between
 * (uniform from half to one and a half times `--think-ms`), sending each answer as it is given,
 * and one batch in twenty a second time, as after a lost response; with `--drops`, that share of
 * requests is cut off a few milliseconds after sending (the server may or may not have stored it)
 * and sent again. A phone retries network errors, 429, 503 and 5xx with backoff, as the player's
 * queue does. With `--kills N`, the server is killed with SIGKILL N times during the run and
 * started again on the same data. Phones arrive over the first `--arrive-ms`. Prints the batch
 * delivery latency p50/p95/p99/max (first send to stored, retries included), batches per second
 * and the stored count (read back through the progress API), and fails unless every answer is
 * stored exactly once.
 *
 *   npm run bench:hall                                  # PGlite in a fresh folder, 300 phones
 *   npm run bench:hall -- --phones 1000
 *   npm run bench:hall -- --engine postgres             # a fresh database on TEST_DATABASE_URL
 *   npm run bench:hall -- --drops 0.05 --kills 2        # lost responses and kill -9 under load
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Answer } from '@/lib/api/schemas';
import { getModule } from '@/lib/content/load';
import { createFreshDatabase, postgresServerUrl, startAppInstance, type AppInstance } from '@/tests/support/live-seed';
import { journeyAnswers } from './journey-answers';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? undefined : Number(process.argv[at + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

const PHONES = option('phones', 300);
const THINK_MS = option('think-ms', 4_000);
const ARRIVE_MS = option('arrive-ms', 10_000);
/** Answers per phone: the first part of the journey, so a run takes a minute or two. */
const ANSWERS = option('answers', 20);
const PORT = option('port', 3480);
const ENGINE = process.argv.includes('--engine') ? process.argv[process.argv.indexOf('--engine') + 1] : 'pglite';
const DROPS = process.argv.includes('--drops') ? Number(process.argv[process.argv.indexOf('--drops') + 1]) : 0;
const KILLS = process.argv.includes('--kills') ? Number(process.argv[process.argv.indexOf('--kills') + 1]) : 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const retried = { network: 0, status: 0, dropped: 0 };

/**
 * Sends until the server gives an answer the player would keep: 2xx, or a 4xx other than 429
 * (which the player moves to its refused list). Returns that status.
 */
async function deliver(url: string, body: unknown, drop: boolean): Promise<number> {
  for (let attempt = 0; ; attempt += 1) {
    const abort = new AbortController();
    if (drop && attempt === 0) setTimeout(() => abort.abort(), Math.random() * 20);
    let status = 0;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: abort.signal,
      });
      await response.arrayBuffer();
      status = response.status;
    } catch {
      if (abort.signal.aborted) retried.dropped += 1;
      else retried.network += 1;
    }
    if (status !== 0 && status < 500 && status !== 429) return status;
    if (status !== 0) retried.status += 1;
    await sleep(Math.min(4_000, 250 * 2 ** Math.min(attempt, 4)) * (0.5 + Math.random()));
  }
}

async function main(cleanups: (() => Promise<void>)[]) {
  const { structure, version } = await getModule();
  let databaseUrl = '';
  const env: Record<string, string> = {};
  if (ENGINE === 'postgres') {
    const server = postgresServerUrl(process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL);
    if (!server) throw new Error('--engine postgres needs TEST_DATABASE_URL or BENCH_DATABASE_URL');
    const database = await createFreshDatabase(server, 'rk_bench_hall_');
    cleanups.push(() => database.drop());
    databaseUrl = database.url;
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rk-bench-hall-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    env.DATA_DIR = dir;
  }
  const start = () => startAppInstance({ name: 'hall', port: PORT, databaseUrl, env: { ...env, SETUP_LINK_FILE: '' } });
  let instance: AppInstance = await start();
  cleanups.push(() => instance.stop());
  console.log(
    `bench:hall — ${PHONES} phones on ${ENGINE}, ${ANSWERS} answers each, think ${THINK_MS} ms ±50%, arriving over ${ARRIVE_MS} ms` +
      `${DROPS > 0 ? `, ${(DROPS * 100).toFixed(0)}% of requests dropped` : ''}${KILLS > 0 ? `, kill -9 ${KILLS} times` : ''}`,
  );
  const origin = instance.origin;

  const latencies: number[] = [];
  const failures: string[] = [];
  let resent = 0;
  const phones = Array.from({ length: PHONES }, () => ({ id: randomUUID(), answers: journeyAnswers(structure, version).slice(0, ANSWERS) }));
  const started = performance.now();
  let running = true;
  const expectedSeconds = (ARRIVE_MS + ANSWERS * THINK_MS) / 1000;
  const killer = (async () => {
    for (let kill = 1; kill <= KILLS && running; kill += 1) {
      await sleep((expectedSeconds * 1000) / (KILLS + 1));
      if (!running) break;
      process.kill(instance.pid, 'SIGKILL');
      const down = performance.now();
      instance = await start();
      console.log(`kill -9 ${kill}: back after ${((performance.now() - down) / 1000).toFixed(1)} s`);
    }
  })();

  await Promise.all(
    phones.map(async (phone, index) => {
      await sleep((index / PHONES) * ARRIVE_MS);
      const registered = await deliver(`${origin}/api/v1/participants`, { id: phone.id, locale: 'en-GB' }, false);
      if (registered !== 201 && registered !== 200) failures.push(`register ${registered}`);
      for (const answer of phone.answers) {
        await sleep(THINK_MS * (0.5 + Math.random()));
        const batch: { participantId: string; answers: Answer[] } = {
          participantId: phone.id,
          answers: [{ ...answer, answeredAt: new Date().toISOString() }],
        };
        for (let attempt = 0; attempt < (Math.random() < 0.05 ? 2 : 1); attempt += 1) {
          if (attempt === 1) resent += 1;
          const sent = performance.now();
          const status = await deliver(`${origin}/api/v1/answers`, batch, Math.random() < DROPS);
          latencies.push(performance.now() - sent);
          if (status !== 200) failures.push(`answers ${status}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await killer;

  let stored = 0;
  for (const phone of phones) {
    const response = await fetch(`${origin}/api/v1/participants/${phone.id}/progress`);
    const progress = (await response.json()) as { answered?: unknown[] };
    stored += progress.answered?.length ?? 0;
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const sent = phones.reduce((n, p) => n + p.answers.length, 0);
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  console.log(
    `${latencies.length} batches (${resent} resent) in ${seconds.toFixed(1)} s, ${(latencies.length / seconds).toFixed(1)} batches/s; ` +
      `latency p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1) ?? Number.NaN)}`,
  );
  console.log(
    `answers sent ${sent}, stored ${stored}; retries: ${retried.network} network errors, ${retried.status} 429/5xx, ${retried.dropped} dropped; ` +
      `refused ${failures.length}${failures.length ? ` (${[...new Set(failures)].join(', ')})` : ''}`,
  );
  if (stored !== sent || failures.length > 0) throw new Error('not every answer was stored exactly once');
}

const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
}
process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));
main(cleanups)
  .then(cleanUp)
  .catch(async (error: unknown) => {
    console.error(error);
    await cleanUp();
    process.exit(1);
  });
