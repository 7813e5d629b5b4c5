/**
 * `npm run build` and the build before `npm start`. `npm start` used to run `next build` every
 * time: 20–36 s on a warm cache, and minutes for a restart after a crash on a busy machine. This
 * builds only when what the build reads has changed since the last build: the sources, the
 * content, the messages, the lockfile, the configs and any NEXT_PUBLIC_ variable. It hashes
 * their bytes (not their times, which a checkout changes) and keeps the hash in
 * `.next/source-hash`, written only after a build succeeds.
 *
 *   node scripts/build-if-changed.mjs           build when the hash differs or there is no build
 *   node scripts/build-if-changed.mjs --always  build regardless (`npm run build`), then stamp
 *
 * Any other argument goes to `next build`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = path.join(root, '.next', 'source-hash');

/** What the build never reads: dependencies, outputs, data, tests, benchmarks and docs. */
const SKIPPED = new Set(['node_modules', '.next', '.git', 'data', 'test-results', 'playwright-report', 'tests', 'bench', 'docs', '.ci']);

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) yield* filesUnder(full);
    } else if (entry.isFile() && !/\.(md|tsbuildinfo|log)$/.test(entry.name) && !entry.name.endsWith('.test.ts') && entry.name !== 'next-env.d.ts') {
      yield full;
    }
  }
}

/** The hash of every input of the build, and of the public environment it inlines. */
function sourceHash() {
  const hash = createHash('sha256');
  for (const file of filesUnder(root)) {
    hash.update(path.relative(root, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  for (const name of Object.keys(process.env).filter((n) => n.startsWith('NEXT_PUBLIC_')).sort()) {
    hash.update(`${name}=${process.env[name]}\0`);
  }
  return hash.digest('hex');
}

function builtWith() {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) return null;
  try {
    return readFileSync(STAMP, 'utf8').trim();
  } catch {
    return null;
  }
}

const args = process.argv.slice(2);
const always = args.includes('--always');
const started = performance.now();
const hash = sourceHash();
if (!always && builtWith() === hash) {
  const ms = (performance.now() - started).toFixed(0);
  console.info(`[build] sources unchanged since the last build (checked in ${ms} ms): starting the existing build`);
  process.exit(0);
}
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const result = spawnSync(process.execPath, [nextBin, 'build', ...args.filter((a) => a !== '--always')], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
// Only a finished build is stamped: a failed or interrupted one is built again next time.
if (statSync(path.join(root, '.next')).isDirectory()) writeFileSync(STAMP, `${hash}\n`);
