/**
 * Answer throughput against a no-op route in the same build. Starts the production build
 * (`npm run build` first; this builds nothing) with RK_BENCH_NOOP=1 on a fresh PGlite folder
 * and, with TEST_DATABASE_URL, on a fresh PostgreSQL database (`rk_bench_tp_…`, dropped at the
 * end). Participants register as phones do (POST /api/v1/participants). Then 50 keep-alive
 * connections send batches of 10 fresh, valid answers (the real module's items, as a phone
 * sends them) for `--seconds`, alternating POST /api/v1/answers and POST /api/bench/answers,
 * which reads the same body through the same envelope schema and answers 204 without storing
 * anything. `--runs` rounds (the order of the two routes swaps each round); figures are medians.
 * Prints answers/s, p50 and p99 per route, the ratio, and the server's RSS afterwards; fails if
 * any answer is not stored, or the answers table does not hold exactly the answers sent.
 *
 * Rate limits: neither POST /api/v1/participants nor POST /api/v1/answers is rate limited per
 * client (lib/server/rate-limit.ts limits join codes and sign-ins only), so all connections come
 * from 127.0.0.1 and the bench touches no limit.
 *
 *   npm run build && npm run bench:throughput
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:throughput -- --seconds 20 --runs 3
 *   npm run bench:throughput -- --engine pglite --cpu-prof /tmp/prof   # the server under `node --cpu-prof`
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Answer } from '@/lib/api/schemas';
import { getModule } from '@/lib/content/load';
import { createFreshDatabase, postgresServerUrl, startAppInstance, type AppInstance } from '@/tests/support/live-seed';
import { journeyAnswers } from './journey-answers';

export type Engine = 'pglite' | 'postgres';

export interface ThroughputOptions {
  /** Length of each timed run. Default 20. */
  seconds?: number;
  /** Rounds of (answers, no-op). Default 3. */
  runs?: number;
  connections?: number;
  /** Answers per request. Default 10. */
  batch?: number;
  /** PGlite always; PostgreSQL when `databaseServerUrl` is given. */
  engines?: Engine[];
  /** A PostgreSQL server URL (TEST_DATABASE_URL); its fresh database is dropped at the end. */
  databaseServerUrl?: string | undefined;
  /** First port; PGlite's server uses it, PostgreSQL's the next. Default 3975. */
  port?: number;
  /** A folder: the server runs under `node --cpu-prof` and writes its profile there. */
  cpuProfileDir?: string | undefined;
  log?: (line: string) => void;
}

export interface RouteFigures {
  answersPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface ThroughputRow {
  engine: Engine;
  /** Medians over the runs. */
  answers: RouteFigures;
  noop: RouteFigures;
  /** Median of each run's answers/s over the same run's no-op answers/s. */
  ratio: number;
  /** The server's resident memory after the runs, and its peak (VmHWM), in MB. */
  rssMb: number;
  peakRssMb: number;
  /** Answers sent to the answers route, and rows in the answers table at the end. */
  sent: number;
  rows: number;
}

export type Rows = ThroughputRow[];

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** VmRSS and VmHWM of a process, in MB, from /proc. */
function memoryOf(pid: number): { rssMb: number; peakRssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

interface Reply {
  status: number;
  body: string;
  retried?: boolean;
}

/**
 * One POST. A keep-alive socket the server closes just as a request goes out fails with
 * ECONNRESET before the server read anything; such a request is sent once more on a new socket
 * (Node's advice for `reusedSocket`), and `retried` tells the caller.
 */
async function post(agent: http.Agent, origin: URL, pathname: string, body: string): Promise<Reply> {
  try {
    return await postOnce(agent, origin, pathname, body);
  } catch (error) {
    if ((error as { reusedSocket?: boolean }).reusedSocket !== true) throw error;
    return { ...(await postOnce(agent, origin, pathname, body)), retried: true };
  }
}

function postOnce(agent: http.Agent, origin: URL, pathname: string, body: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: origin.hostname,
        port: origin.port,
        path: pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'accept-language': 'en-GB' },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      reject(Object.assign(error, { reusedSocket: request.reusedSocket && (error.code === 'ECONNRESET' || error.message === 'socket hang up') })),
    );
    request.end(body);
  });
}

/**
 * `node --cpu-prof scripts/start.mjs` (Node refuses --cpu-prof in NODE_OPTIONS, so not through
 * startAppInstance): the profile is written to `dir` when the server exits after SIGTERM.
 */
async function startProfiledServer(dir: string, port: number, databaseUrl: string, env: Record<string, string>): Promise<AppInstance> {
  const { NODE_OPTIONS: _nodeOptions, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, path.join('scripts', 'start.mjs'), '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...inherited, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), DATABASE_URL: databaseUrl, SETUP_LINK_FILE: '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries += 1) {
    const status = await fetch(`${origin}/en-GB/privacy`).then((response) => response.status, () => 0);
    if (status === 200) break;
    if (tries > 400 || child.exitCode !== null) throw new Error('the profiled server did not start');
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  let stopped = false;
  return {
    name: 'throughput-profiled',
    port,
    origin,
    pid: child.pid ?? 0,
    output: () => '',
    async stop() {
      if (stopped) return;
      stopped = true;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Fresh answers in batches: each participant's whole journey, cut into full batches. */
class Batches {
  private pending: { participantId: string; answers: Answer[] }[] = [];
  constructor(
    private readonly journey: () => Answer[],
    private readonly batch: number,
    private readonly participant: () => string | undefined,
  ) {}

  /** The next batch, or undefined when no registered participant is left. */
  next(): { participantId: string; answers: Answer[] } | undefined {
    if (this.pending.length === 0) {
      const participantId = this.participant();
      if (participantId === undefined) return undefined;
      const answers = this.journey();
      for (let i = 0; i + this.batch <= answers.length; i += this.batch) this.pending.push({ participantId, answers: answers.slice(i, i + this.batch) });
    }
    return this.pending.shift();
  }
}

interface RunResult extends RouteFigures {
  answers: number;
}

async function main(options: ThroughputOptions = {}): Promise<Rows> {
  const seconds = options.seconds ?? 20;
  const runs = options.runs ?? 3;
  const connections = options.connections ?? 50;
  const batch = options.batch ?? 10;
  const log = options.log ?? ((line: string) => console.log(line));
  const serverUrl = postgresServerUrl(options.databaseServerUrl || undefined);
  const engines = (options.engines ?? ['pglite', 'postgres']).filter((engine) => engine === 'pglite' || serverUrl !== undefined);
  const { structure, version } = await getModule();
  const perParticipant = Math.floor(journeyAnswers(structure, version).length / batch) * batch;
  const rows: Rows = [];

  for (const engine of engines) {
    const cleanups: (() => Promise<void>)[] = [];
    try {
      let databaseUrl = '';
      const env: Record<string, string> = { RK_BENCH_NOOP: '1' };
      if (engine === 'postgres') {
        const database = await createFreshDatabase(serverUrl ?? '', 'rk_bench_tp_');
        cleanups.push(() => database.drop());
        databaseUrl = database.url;
      } else {
        const dir = await mkdtemp(path.join(os.tmpdir(), 'rk-bench-tp-'));
        cleanups.push(() => rm(dir, { recursive: true, force: true }));
        env.DATA_DIR = dir;
      }
      const port = (options.port ?? 3975) + (engine === 'pglite' ? 0 : 1);
      const instance: AppInstance = options.cpuProfileDir
        ? await startProfiledServer(options.cpuProfileDir, port, databaseUrl, env)
        : await startAppInstance({ name: `throughput-${engine}`, port, databaseUrl, env });
      cleanups.push(() => instance.stop());
      const origin = new URL(instance.origin);
      const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
      cleanups.push(async () => agent.destroy());

      // Registered participants not yet given answers; topped up before each answers run.
      const registered: string[] = [];
      const register = async (count: number) => {
        let next = 0;
        await Promise.all(
          Array.from({ length: connections }, async () => {
            while (next < count) {
              next += 1;
              const id = randomUUID();
              const reply = await post(agent, origin, '/api/v1/participants', JSON.stringify({ id, locale: 'en-GB' }));
              if (reply.status !== 201) throw new Error(`registering a participant: ${reply.status} ${reply.body}`);
              registered.push(id);
            }
          }),
        );
      };
      const journey = () => journeyAnswers(structure, version);

      let sent = 0;
      let onTheFly = 0;
      /** One timed run against one route: every worker keeps one request in flight. */
      const run = async (route: 'answers' | 'noop', runSeconds: number): Promise<RunResult> => {
        const pathname = route === 'answers' ? '/api/v1/answers' : '/api/bench/answers';
        const batches = new Batches(journey, batch, () => (route === 'answers' ? registered.pop() : randomUUID()));
        const latencies: number[] = [];
        let answers = 0;
        const started = performance.now();
        const deadline = started + runSeconds * 1000;
        await Promise.all(
          Array.from({ length: connections }, async () => {
            while (performance.now() < deadline) {
              let next = batches.next();
              if (next === undefined) {
                // Out of registered participants: register one more now (inside the timing).
                onTheFly += 1;
                await register(1);
                next = batches.next();
                if (next === undefined) throw new Error('no participant to answer for');
              }
              const now = new Date().toISOString();
              const body = JSON.stringify({ participantId: next.participantId, sentAt: now, answers: next.answers.map((a) => ({ ...a, answeredAt: now })) });
              const sentAt = performance.now();
              const reply = await post(agent, origin, pathname, body);
              latencies.push(performance.now() - sentAt);
              if (route === 'noop') {
                if (reply.status !== 204) throw new Error(`no-op route: ${reply.status} ${reply.body.slice(0, 300)}`);
              } else {
                if (reply.status !== 200) throw new Error(`answers route: ${reply.status} ${reply.body.slice(0, 300)}`);
                const { receipts } = JSON.parse(reply.body) as { receipts: { id: string; status: string }[] };
                // A batch sent again after a reset may have been stored the first time: then its
                // receipts say duplicate, which is still exactly once.
                const stored = receipts.filter((receipt) => receipt.status === 'stored' || (reply.retried === true && receipt.status === 'duplicate')).length;
                if (stored !== next.answers.length) throw new Error(`answers route stored ${stored} of ${next.answers.length}: ${reply.body.slice(0, 300)}`);
                sent += stored;
              }
              answers += next.answers.length;
            }
          }),
        );
        const elapsed = (performance.now() - started) / 1000;
        latencies.sort((a, b) => a - b);
        return { answers, answersPerSecond: answers / elapsed, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
      };
      const topUp = async (answersPerSecond: number, runSeconds: number) => {
        const wanted = Math.ceil((answersPerSecond * runSeconds * 1.5) / perParticipant) + connections;
        if (registered.length < wanted) await register(wanted - registered.length);
      };

      log(`bench:throughput — ${engine}: ${connections} connections, batches of ${batch}, ${runs} × ${seconds} s per route`);
      // Warm-up: loads both routes, the content and the database's caches; not counted.
      await topUp(3_000, 2);
      await run('answers', 2);
      await run('noop', 2);
      const results: { answers: RunResult; noop: RunResult }[] = [];
      let lastRate = 3_000;
      for (let round = 0; round < runs; round += 1) {
        await topUp(lastRate, seconds);
        const order: ('answers' | 'noop')[] = round % 2 === 0 ? ['answers', 'noop'] : ['noop', 'answers'];
        const result: Partial<Record<'answers' | 'noop', RunResult>> = {};
        for (const route of order) result[route] = await run(route, seconds);
        const answers = result.answers as RunResult;
        const noop = result.noop as RunResult;
        lastRate = answers.answersPerSecond;
        results.push({ answers, noop });
        log(
          `  run ${round + 1}: answers ${answers.answersPerSecond.toFixed(0)}/s (p50 ${answers.p50Ms.toFixed(0)} ms, p99 ${answers.p99Ms.toFixed(0)} ms), ` +
            `no-op ${noop.answersPerSecond.toFixed(0)}/s (p50 ${noop.p50Ms.toFixed(0)} ms, p99 ${noop.p99Ms.toFixed(0)} ms), ` +
            `ratio ${(answers.answersPerSecond / noop.answersPerSecond).toFixed(2)}`,
        );
      }
      const memory = memoryOf(instance.pid);
      log(`  server memory after the runs: ${memory.rssMb.toFixed(0)} MB RSS (peak ${memory.peakRssMb.toFixed(0)} MB)`);
      if (onTheFly > 0) log(`  (${onTheFly} participants registered during timed runs)`);

      // Exactly once: the table holds every answer acknowledged as stored, and nothing else.
      let tableRows: number;
      if (engine === 'postgres') {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        try {
          const result = await client.query<{ n: string }>('SELECT count(*) AS n FROM answers');
          tableRows = Number(result.rows[0]?.n);
        } finally {
          await client.end();
        }
      } else {
        // PGlite's folder belongs to the server: stop it (as an operator would), then open it here.
        await instance.stop();
        const { PGlite } = await import('@electric-sql/pglite');
        const database = new PGlite(path.join(env.DATA_DIR ?? '', 'pglite'));
        try {
          const result = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM answers');
          tableRows = result.rows[0]?.n ?? Number.NaN;
        } finally {
          await database.close();
        }
      }
      const figures = (route: 'answers' | 'noop'): RouteFigures => ({
        answersPerSecond: median(results.map((r) => r[route].answersPerSecond)),
        p50Ms: median(results.map((r) => r[route].p50Ms)),
        p99Ms: median(results.map((r) => r[route].p99Ms)),
      });
      const row: ThroughputRow = {
        engine,
        answers: figures('answers'),
        noop: figures('noop'),
        ratio: median(results.map((r) => r.answers.answersPerSecond / r.noop.answersPerSecond)),
        ...memory,
        sent,
        rows: tableRows,
      };
      if (tableRows !== sent) throw new Error(`${engine}: ${sent} answers acknowledged as stored, but the answers table holds ${tableRows}`);
      rows.push(row);
    } finally {
      for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => log(`cleanup: ${String(error)}`));
    }
  }
  return rows;
}

/** Runs the bench and returns its figures (for `npm run bench`); prints progress lines through `log`. */
export const runThroughputBench: (options?: ThroughputOptions) => Promise<Rows> = main;

export function formatRows(rows: Rows): string {
  const n = (value: number) => Math.round(value).toLocaleString('en-GB');
  const lines = [
    '| store | answers/s | no-op answers/s | ratio | p50 | p99 | no-op p50 | no-op p99 | RSS after (peak) | stored / rows |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.engine === 'pglite' ? 'PGlite' : 'PostgreSQL'} | ${n(row.answers.answersPerSecond)} | ${n(row.noop.answersPerSecond)} | ${row.ratio.toFixed(2)} | ` +
        `${n(row.answers.p50Ms)} ms | ${n(row.answers.p99Ms)} ms | ${n(row.noop.p50Ms)} ms | ${n(row.noop.p99Ms)} ms | ` +
        `${n(row.rssMb)} MB (${n(row.peakRssMb)} MB) | ${row.sent} / ${row.rows} |`,
    ),
  ];
  return lines.join('\n');
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

function positive(name: string, fallback: number): number {
  const value = Number(option(name) ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const engine = option('engine');
  runThroughputBench({
    seconds: positive('seconds', 20),
    runs: positive('runs', 3),
    port: positive('port', 3975),
    engines: engine === 'pglite' || engine === 'postgres' ? [engine] : undefined,
    databaseServerUrl: process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL,
    cpuProfileDir: option('cpu-prof'),
  })
    .then((rows) => {
      console.log(formatRows(rows));
      if (!rows.some((row) => row.engine === 'postgres')) console.log('PostgreSQL skipped (set TEST_DATABASE_URL)');
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
