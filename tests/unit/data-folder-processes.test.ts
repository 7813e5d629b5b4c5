/**
 * The embedded data folder's lock with real processes (tests/support/data-folder-process.ts):
 * processes racing for a free folder and for a stale one, the holder killed with kill -9, and the
 * app's own start-up refused and then taking over.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockFileFor, thisHost, type LockHolder } from '@/lib/db/data-folder-lock';

type Outcome = { kind: 'holding' } | { kind: 'exited'; code: number | null; signal: NodeJS.Signals | null };

interface DataFolderProcess {
  pid: number;
  /** Settles when the process says it holds the folder, or when it exits first. */
  outcome: Promise<Outcome>;
  exited: Promise<void>;
  stderr(): string;
}

const running = new Set<ChildProcess>();
const roots: string[] = [];
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function freshRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'rk-lock-processes-'));
  roots.push(root);
  return root;
}

function startProcess(args: string[], env: Record<string, string> = {}): DataFolderProcess {
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join('tests', 'support', 'data-folder-process.ts'), ...args],
    { env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const { pid } = child;
  if (pid === undefined) throw new Error('could not start a process');
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // 'close', not 'exit': by then everything the process wrote has been read.
  const exited = new Promise<Outcome>((resolve) =>
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve({ kind: 'exited', code, signal });
    }),
  );
  const holding = new Promise<Outcome>((resolve) =>
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (new RegExp(`^(ready|locked) ${pid}$`, 'm').test(stdout)) resolve({ kind: 'holding' });
    }),
  );
  return { pid, outcome: Promise.race([holding, exited]), exited: exited.then(() => undefined), stderr: () => stderr };
}

/** The app's start-up (instrumentation.ts) on the embedded store in `dataDir`. */
function startServer(dataDir: string): DataFolderProcess {
  return startProcess(['start'], { DATA_DIR: dataDir, DATABASE_URL: '' });
}

function readLock(folder: string): LockHolder {
  return JSON.parse(readFileSync(lockFileFor(folder), 'utf8')) as LockHolder;
}

/** Processes that only take the lock on `folder`, all at one moment a few seconds ahead. */
function lockTogether(folder: string, count: number): DataFolderProcess[] {
  // Far enough ahead for every process to load on a busy two-core machine.
  const at = String(Date.now() + 3_000);
  return Array.from({ length: count }, () => startProcess(['lock', folder, at]));
}

/** Waits for all; expects exactly one to hold the folder and the others to exit 1 naming it. */
async function theOneHolding(folder: string, racers: DataFolderProcess[]): Promise<DataFolderProcess> {
  const outcomes = await Promise.all(racers.map((racer) => racer.outcome));
  const winners = racers.filter((_, index) => outcomes[index]?.kind === 'holding');
  expect(winners).toHaveLength(1);
  const [winner] = winners;
  if (winner === undefined) throw new Error('no process holds the folder');
  expect(readLock(folder).pid).toBe(winner.pid);
  for (const [index, racer] of racers.entries()) {
    if (racer === winner) continue;
    expect(outcomes[index]).toEqual({ kind: 'exited', code: 1, signal: null });
    expect(racer.stderr()).toContain(`The data folder ${folder} is in use by process ${winner.pid} on this host (${thisHost.hostname})`);
  }
  // Only the winner's lock beside the folder: no claim or draft left over.
  expect(readdirSync(path.dirname(folder)).filter((file) => file !== 'pglite')).toEqual(['pglite.lock']);
  return winner;
}

async function killNine(holder: DataFolderProcess): Promise<void> {
  process.kill(holder.pid, 'SIGKILL');
  await holder.exited;
}

describe('processes taking one data folder at once', () => {
  it('lets exactly one of two take a free folder; after kill -9 exactly one of four takes over the stale lock', async () => {
    const folder = path.join(freshRoot(), 'pglite');
    const first = await theOneHolding(folder, lockTogether(folder, 2));

    // Killed without a chance to clean up: its lock stays, naming a process that is gone.
    await killNine(first);
    expect(readLock(folder).pid).toBe(first.pid);
    await theOneHolding(folder, lockTogether(folder, 4));
  }, 60_000);
});

describe('the app starting on a data folder another process holds', () => {
  it('exits 1 naming the folder and the PID; once that process is killed with kill -9, starts and takes the folder over', async () => {
    const dataDir = freshRoot();
    const folder = path.join(dataDir, 'pglite');
    const [holder] = lockTogether(folder, 1);
    if (holder === undefined) throw new Error('no process started');
    expect(await holder.outcome).toEqual({ kind: 'holding' });

    const refused = startServer(dataDir);
    expect(await refused.outcome).toEqual({ kind: 'exited', code: 1, signal: null });
    expect(refused.stderr()).toContain(
      `[db] The data folder ${folder} is in use by process ${holder.pid} on this host (${thisHost.hostname}), ` +
        `since ${readLock(folder).startedAt}. One server process owns a data folder at a time: stop that process first, ` +
        `or give this one another DATA_DIR (or a DATABASE_URL). Lock file: ${folder}.lock.\n`,
    );
    expect(refused.stderr()).not.toMatch(/^\s+at /m); // the message alone, no stack trace
    expect(readdirSync(dataDir)).toEqual(['pglite', 'pglite.lock']); // PGlite never started: the folder is empty
    expect(readdirSync(folder)).toEqual([]);

    await killNine(holder);
    const server = startServer(dataDir);
    expect(await server.outcome).toEqual({ kind: 'holding' });
    expect(readLock(folder).pid).toBe(server.pid);

    // Stopped as Next stops on SIGTERM (process.exit): the lock goes with it.
    process.kill(server.pid, 'SIGTERM');
    await server.exited;
    expect(readdirSync(dataDir)).toEqual(['pglite']);
    // Two server starts, the second making a new PGlite folder in a child process (lib/db/client.ts):
    // about 90 s on a 2-core machine that is busy with other work.
  }, 180_000);

  it('a refused setting ends the start-up with its message, before the data folder is touched', async () => {
    const dataDir = freshRoot();
    const refused = startProcess(['start'], { DATA_DIR: dataDir, DATABASE_URL: '', DISCLOSURE_EXPORT_K: '3' });
    expect(await refused.outcome).toEqual({ kind: 'exited', code: 1, signal: null });
    expect(refused.stderr()).toContain('[env] Invalid environment:\n  - DISCLOSURE_EXPORT_K:');
    expect(readdirSync(dataDir)).toEqual([]);
  }, 90_000);
});
