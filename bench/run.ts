/**
 * `npm run bench`: every benchmark in one command, one table at the end (BENCHMARKS.md explains
 * each figure). Builds first if the sources changed, then runs each bench as its own process (so
 * one bench's memory or servers never weigh on the next) and reads the figures it writes to
 * BENCH_JSON. A bench that fails still leaves its row, marked as failed, and the command exits 1.
 *
 *   npm run bench                        everything; PostgreSQL rows need TEST_DATABASE_URL
 *   npm run bench -- --only pages,live   some of: pages, throughput, live, officer
 *
 * Timings are medians of several runs inside each bench; ratios are measured within one run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;
const repo = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'rk-bench-'));
const postgres = process.env.TEST_DATABASE_URL;
const tsx = path.join(repo, 'node_modules/.bin/tsx');

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): Promise<{ ok: boolean; seconds: number }> {
  const start = performance.now();
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repo, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
    child.on('exit', (code) => resolve({ ok: code === 0, seconds: (performance.now() - start) / 1000 }));
  });
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

const lines: string[] = [];
const timings: string[] = [];
let failed = false;
const want = (name: string) => !only || only.has(name);
const fmt = (n: number | null | undefined, digits = 0) => (n === null || n === undefined || Number.isNaN(n) ? '—' : n.toFixed(digits));

/** A bench that exports a function (bench/run-one.ts): its table as it formats it, under a heading. */
async function tableBench(name: 'throughput' | 'officer', label: string, heading: string): Promise<void> {
  const out = path.join(dir, `${name}.json`);
  const r = await run(label, tsx, ['--conditions=react-server', 'bench/run-one.ts', name, out]);
  timings.push(`${name} ${r.seconds.toFixed(0)} s`);
  failed ||= !r.ok;
  const figures = readJson<{ table: string }>(out);
  lines.push('', heading, '');
  lines.push(figures ? figures.table : 'FAILED: no figures (see the output above)');
}

const build = await run('build (only if the sources changed)', process.execPath, ['scripts/build-if-changed.mjs']);
if (!build.ok) process.exit(1);

if (want('pages')) {
  const out = path.join(dir, 'pages.json');
  const r = await run('page weight and Lighthouse', path.join(repo, 'node_modules/.bin/playwright'), ['test', '-c', 'bench/pages/playwright.config.ts'], { BENCH_PAGES_OUT: out });
  timings.push(`pages ${r.seconds.toFixed(0)} s`);
  failed ||= !r.ok;
  type Pages = { weights: { screen: string; audience: string; loadKB: number; idleKB: number }[]; lighthouse: { screen: string; performance: number; lcpMs: number; tbtMs: number }[]; lighthouseRuns: number };
  const pages = readJson<Pages>(out);
  lines.push('', '### Page weight: gzipped JavaScript of a cold first load, against a bare Next.js page in the same run', '');
  if (!pages) lines.push('FAILED: no figures (see the output above)');
  else {
    const bare = pages.weights[0];
    lines.push('| screen | who | at load (KB) | × bare | by network idle (KB) | × bare |', '|---|---|---|---|---|---|');
    for (const w of pages.weights) lines.push(`| ${w.screen} | ${w.audience} | ${w.loadKB} | ${fmt(w.loadKB / (bare?.loadKB ?? NaN), 2)} | ${w.idleKB} | ${fmt(w.idleKB / (bare?.idleKB ?? NaN), 2)} |`);
    const bareLh = pages.lighthouse[0];
    lines.push('', `### Lighthouse 12 mobile (simulated throttling), medians of ${pages.lighthouseRuns}, bare page alternated in the same run`, '');
    lines.push('| screen | performance | LCP | × bare | TBT | × bare |', '|---|---|---|---|---|---|');
    for (const l of pages.lighthouse) {
      lines.push(`| ${l.screen} | ${fmt(l.performance, 2)} | ${fmt(l.lcpMs / 1000, 2)} s | ${fmt(l.lcpMs / (bareLh?.lcpMs ?? NaN), 2)} | ${fmt(l.tbtMs)} ms | ${fmt(l.tbtMs / Math.max(1, bareLh?.tbtMs ?? NaN), 2)} |`);
    }
  }
}

if (want('throughput')) {
  await tableBench(
    'throughput',
    'answer throughput against the no-op route',
    '### Answer throughput: batches of 10 fresh answers over 50 connections, against a no-op route in the same build',
  );
}

if (want('live')) {
  lines.push('', '### Live fan-out: the teacher moves the class on; time until each phone has the step', '');
  if (!postgres) lines.push('Not measured: needs TEST_DATABASE_URL (two instances share PostgreSQL).');
  else {
    const out = path.join(dir, 'live.json');
    const r = await run('live fan-out, 1,000 phones on two instances', tsx, ['--conditions=react-server', 'bench/live-session.ts', '--phones', '1000', '--instances', '2'], { BENCH_JSON: out });
    timings.push(`live ${r.seconds.toFixed(0)} s`);
    failed ||= !r.ok;
    const live = readJson<{ phones: number; instances: number; steps: number; delivered: number; expected: number; p50Ms: number; p95Ms: number; maxMs: number; exactlyOnce: boolean }>(out);
    if (!live) lines.push('FAILED: no figures (see the output above)');
    else {
      lines.push('| phones | instances | steps delivered | p50 | p95 | max | answers stored exactly once |', '|---|---|---|---|---|---|---|');
      lines.push(`| ${live.phones} | ${live.instances} | ${live.delivered} / ${live.expected} | ${fmt(live.p50Ms)} ms | ${fmt(live.p95Ms)} ms | ${fmt(live.maxMs)} ms | ${live.exactlyOnce ? 'yes' : 'NO'} |`);
    }
  }
}

if (want('officer')) {
  await tableBench(
    'officer',
    "officers' results at 64k, 256k and 1M answers",
    "### Officers' results over a county's answers (growth: time ∝ answers^e between sizes; 1 is linear)",
  );
}

console.log(`\n## npm run bench — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1)} at the end`);
console.log(lines.join('\n'));
console.log(`\nTime per bench: ${timings.join(', ')}.`);
process.exit(failed ? 1 : 0);
