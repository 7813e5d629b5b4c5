/**
 * `npm test`: everything CI runs, in this order, stopping at the first step that fails:
 *
 *   1. the type check, the lint and the content check, side by side: each is one process on one
 *      core, so on two cores they take about as long as the slowest of them instead of the sum;
 *      each one's output is printed whole when it ends, not interleaved;
 *   2. the unit tests (vitest, which runs its files side by side itself);
 *   3. the production build; on a fresh clone without Turbopack's cache it writes none
 *      (NEXT_BUILD_CACHE=off, next.config.mjs): nothing in the run would read it, and writing it
 *      took over a minute on a busy 2-core machine. Once a build (`npm run build`, `npm start`)
 *      has made one, this build reads it and keeps it up to date;
 *   4. the end-to-end tests (Playwright, against that build).
 *
 * Each step is the package script of the same name (`npm run typecheck` and so on), so any of
 * them can still be run alone. At the end it prints how long each step took.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const STEPS = [['typecheck', 'lint', 'content:check'], ['test:unit'], ['build'], ['test:e2e']];

/** `npm run <script>` with npm's own CLI when npm started us, so no shell is involved. */
function npmRun(script, { buffered, env = {} }) {
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli ? [process.execPath, [npmCli, 'run', script]] : ['npm', ['run', script]];
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    const output = [];
    if (buffered) {
      child.stdout.on('data', (chunk) => output.push(chunk));
      child.stderr.on('data', (chunk) => output.push(chunk));
    }
    const finish = (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (buffered) process.stdout.write(Buffer.concat(output));
      resolve({ script, code, seconds });
    };
    child.on('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      finish(1);
    });
    child.on('close', (code, signal) => finish(code ?? (signal ? 1 : 0)));
  });
}

/** Only a build that found a cache keeps one (see above). */
const buildEnv = existsSync(path.join(root, '.next', 'cache', 'turbopack')) ? {} : { NEXT_BUILD_CACHE: 'off' };

const results = [];
const runStarted = performance.now();
let failed = null;
for (const step of STEPS) {
  const started = performance.now();
  const ran = await Promise.all(step.map((script) => npmRun(script, { buffered: step.length > 1, env: script === 'build' ? buildEnv : {} })));
  results.push({ step: step.join(' + '), seconds: (performance.now() - started) / 1000, ran });
  failed = ran.find((r) => r.code !== 0) ?? null;
  if (failed) break;
}

const total = (performance.now() - runStarted) / 1000;
console.info('\nnpm test, seconds per step:');
for (const { step, seconds, ran } of results) {
  const parts = ran.length > 1 ? ` (${ran.map((r) => `${r.script} ${r.seconds.toFixed(0)}`).join(', ')})` : '';
  console.info(`  ${step.padEnd(34)} ${seconds.toFixed(0).padStart(5)}${parts}`);
}
console.info(`  ${'total'.padEnd(34)} ${total.toFixed(0).padStart(5)}`);
if (failed) {
  console.error(`npm test: ${failed.script} failed (exit code ${failed.code})`);
  process.exit(failed.code || 1);
}
