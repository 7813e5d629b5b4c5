/**
 * A server whose output pipes close (scripts/output-gone.mjs): a child process set up as Next
 * sets up `npm start` (every uncaught error logged with console.error), writing a line every few
 * milliseconds, loses both pipes. With the hook it stops by SIGTERM; without it, the same child
 * keeps running, each failed write raising an error whose logging fails again.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const hook = pathToFileURL(path.resolve(import.meta.dirname, '../../scripts/output-gone.mjs')).href;

function child(withHook: boolean): string {
  return `
    ${withHook ? `const { stopWhenOutputCloses } = await import(${JSON.stringify(hook)}); stopWhenOutputCloses();` : ''}
    process.on('uncaughtException', (error) => { console.error(error); });
    setInterval(() => console.log('a log line'), 5);
  `;
}

/** Starts the child, waits for its first line, closes both its pipes, and says how it ended within `waitMs` (null: still running). */
async function closeItsOutput(withHook: boolean, waitMs: number): Promise<NodeJS.Signals | number | null> {
  const proc = spawn(process.execPath, ['--input-type=module', '-e', child(withHook)], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    await new Promise<void>((resolve, reject) => {
      proc.stdout.once('data', () => resolve());
      proc.once('exit', (code) => reject(new Error(`the child ended before writing (exit ${code})`)));
    });
    proc.stdout.destroy();
    proc.stderr.destroy();
    return await new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), waitMs);
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        resolve(signal ?? code);
      });
    });
  } finally {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  }
}

describe('a server whose output is gone', () => {
  it('stops as on SIGTERM', async () => {
    expect(await closeItsOutput(true, 10_000)).toBe('SIGTERM');
  });

  it('keeps running, logging that it cannot log, without the hook (so the test above can fail)', async () => {
    expect(await closeItsOutput(false, 1_500)).toBeNull();
  });
});
