import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DataFolderInUseError,
  DataFolderLockError,
  holderIsGone,
  lockDataFolder,
  lockFileFor,
  thisHost,
  type DataFolderLock,
  type LockHolder,
  type ProcessProbe,
} from './data-folder-lock';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A data folder path in a fresh temporary directory (the lock file goes beside the folder). */
function freshFolder(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'rk-lock-'));
  roots.push(root);
  return path.join(root, 'pglite');
}

/** The PID of a process that has ended. */
function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  if (pid === undefined) throw new Error('could not start a process');
  expect(thisHost.exists(pid)).toBe(false);
  return pid;
}

function holder(fields: Partial<LockHolder> & Pick<LockHolder, 'pid'>): LockHolder {
  return { hostname: thisHost.hostname, startedAt: '2026-12-01T09:00:00.000Z', nonce: randomUUID(), ...fields };
}

function plant(file: string, record: LockHolder): void {
  writeFileSync(file, JSON.stringify(record));
}

function readLock(folder: string): LockHolder {
  return JSON.parse(readFileSync(lockFileFor(folder), 'utf8')) as LockHolder;
}

/** Everything beside the data folder: the lock file and any claim or draft left over. */
function filesBeside(folder: string): string[] {
  return readdirSync(path.dirname(folder)).sort();
}

describe('lockDataFolder', () => {
  it('takes a free folder for this process, and release gives it back', () => {
    const folder = freshFolder();
    const lock = lockDataFolder(folder);
    expect(lock.lockFile).toBe(`${folder}.lock`);
    expect(filesBeside(folder)).toEqual(['pglite.lock']);
    expect(readLock(folder)).toEqual(lock.holder);
    expect(lock.holder).toMatchObject({ pid: process.pid, hostname: thisHost.hostname });

    lock.release();
    lock.release(); // a second release does nothing
    expect(filesBeside(folder)).toEqual([]);
    const again = lockDataFolder(folder);
    expect(readLock(folder).nonce).toBe(again.holder.nonce);
    again.release();
  });

  it('refuses while a live process holds it, naming the folder, the process and the host', () => {
    const folder = freshFolder();
    const first = lockDataFolder(folder); // this process is alive, so its lock is never stale
    try {
      let refusal: unknown;
      try {
        lockDataFolder(folder);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(DataFolderInUseError);
      const message = (refusal as Error).message;
      expect(message).toContain(`The data folder ${folder} is in use by process ${process.pid} on this host (${thisHost.hostname})`);
      expect(message).toContain(`Lock file: ${folder}.lock`);
      expect((refusal as DataFolderInUseError).holder).toEqual(first.holder);
      // The holder's lock is untouched and nothing is left behind.
      expect(readLock(folder)).toEqual(first.holder);
      expect(filesBeside(folder)).toEqual(['pglite.lock']);
    } finally {
      first.release();
    }
  });

  it('takes over a lock left by a process that has ended', () => {
    const folder = freshFolder();
    const stale = holder({ pid: deadPid() });
    plant(lockFileFor(folder), stale);

    const lock = lockDataFolder(folder);
    expect(readLock(folder)).toEqual(lock.holder);
    expect(lock.holder.pid).toBe(process.pid);
    expect(filesBeside(folder)).toEqual(['pglite.lock']); // no claim or draft left
    lock.release();
    expect(filesBeside(folder)).toEqual([]);
  });

  it('lets only one of two newcomers that found the same stale lock take it over', () => {
    const folder = freshFolder();
    const stale = holder({ pid: deadPid() });
    plant(lockFileFor(folder), stale);

    // The first newcomer has read the stale lock; while it asks whether the holder still runs,
    // a second newcomer finds the same lock and takes it over.
    let second: DataFolderLock | undefined;
    const racing: ProcessProbe = {
      ...thisHost,
      exists(pid) {
        second ??= lockDataFolder(folder);
        return thisHost.exists(pid);
      },
    };
    expect(() => lockDataFolder(folder, racing)).toThrow(DataFolderInUseError);
    expect(second).toBeDefined();
    expect(readLock(folder)).toEqual(second?.holder);
    expect(filesBeside(folder)).toEqual(['pglite.lock']);
    second?.release();
  });

  it('takes over a stale lock whose first claimant died mid-takeover, and clears both claims', () => {
    const folder = freshFolder();
    const lockFile = lockFileFor(folder);
    const stale = holder({ pid: deadPid() });
    const deadClaimant = holder({ pid: deadPid() });
    plant(lockFile, stale);
    plant(`${lockFile}.takeover-${stale.nonce}`, deadClaimant);

    const lock = lockDataFolder(folder);
    expect(readLock(folder)).toEqual(lock.holder);
    expect(filesBeside(folder)).toEqual(['pglite.lock']);
    lock.release();
  });

  it('leaves a stale lock to a live process that has claimed it, and names that process', () => {
    const folder = freshFolder();
    const lockFile = lockFileFor(folder);
    const stale = holder({ pid: deadPid() });
    const claimant = holder({ pid: process.pid }); // alive, taking over (it never finishes here)
    plant(lockFile, stale);
    plant(`${lockFile}.takeover-${stale.nonce}`, claimant);

    expect(() => lockDataFolder(folder)).toThrow(`in use by process ${process.pid}`);
    expect(readLock(folder)).toEqual(stale);
  });

  it('never takes over a lock held on another host, and says how to clear it', () => {
    const folder = freshFolder();
    const remote = holder({ pid: deadPid(), hostname: 'projector-laptop' });
    plant(lockFileFor(folder), remote);

    expect(() => lockDataFolder(folder)).toThrow(
      `The data folder ${folder} is in use by process ${remote.pid} on host projector-laptop, since ${remote.startedAt}.`,
    );
    expect(() => lockDataFolder(folder)).toThrow('if it is no longer running, delete the lock file and start again');
    expect(readLock(folder)).toEqual(remote);
  });

  it('refuses a lock file it cannot read, naming it', () => {
    const folder = freshFolder();
    writeFileSync(lockFileFor(folder), '{"pid": 12');

    expect(() => lockDataFolder(folder)).toThrow(DataFolderLockError);
    expect(() => lockDataFolder(folder)).toThrow(`has a lock file that cannot be read: ${folder}.lock`);
    expect(filesBeside(folder)).toEqual(['pglite.lock']);
  });

  it('releases only its own lock', () => {
    const folder = freshFolder();
    const lock = lockDataFolder(folder);
    const replacement = holder({ pid: process.pid });
    plant(lock.lockFile, replacement); // e.g. someone deleted ours and another process took the folder

    lock.release();
    expect(readLock(folder)).toEqual(replacement);
  });

  it('is released when the process exits normally', () => {
    const folder = freshFolder();
    const script = `import { lockDataFolder } from './lib/db/data-folder-lock.ts';
      const lock = lockDataFolder(${JSON.stringify(folder)});
      console.log(lock.holder.pid);`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(Number(run.stdout.trim())).toBe(run.pid);
    expect(existsSync(lockFileFor(folder))).toBe(false);
  });
});

describe('holderIsGone', () => {
  // A stand-in for the operating system: PID 4242 runs, started at tick 200 of boot "b".
  const probe: ProcessProbe = {
    hostname: 'school-laptop',
    exists: (pid) => pid === 4242,
    startOf: (pid) => (pid === 4242 ? 'b:200' : undefined),
  };
  const on = (fields: Partial<LockHolder> & Pick<LockHolder, 'pid'>) => holder({ hostname: 'school-laptop', ...fields });

  it('is gone when no process has its PID on this host', () => {
    expect(holderIsGone(on({ pid: 5151 }), probe)).toBe(true);
  });

  it('is alive when its PID runs and started when it did, or when the start was not recorded', () => {
    expect(holderIsGone(on({ pid: 4242, processStart: 'b:200' }), probe)).toBe(false);
    expect(holderIsGone(on({ pid: 4242 }), probe)).toBe(false);
  });

  it('is gone when its PID now belongs to a process started later (PID reuse)', () => {
    expect(holderIsGone(on({ pid: 4242, processStart: 'b:100' }), probe)).toBe(true);
    expect(holderIsGone(on({ pid: 4242, processStart: 'a:200' }), probe)).toBe(true); // before a reboot
  });

  it('is alive when its PID runs but the start time cannot be read here', () => {
    expect(holderIsGone(on({ pid: 4242, processStart: 'b:100' }), { ...probe, startOf: () => undefined })).toBe(false);
  });

  it('is never known to be gone on another host', () => {
    expect(holderIsGone(on({ pid: 5151, hostname: 'another-host' }), probe)).toBe(false);
  });

});

// What the app relies on from Linux's /proc (other systems have only the PID check).
describe.runIf(process.platform === 'linux')('thisHost on Linux', () => {
  it('reads this process as alive, with its boot and start time', () => {
    const own = holder({ pid: process.pid, processStart: thisHost.startOf(process.pid) });
    expect(own.processStart).toMatch(/^[0-9a-f-]+:\d+$/);
    expect(holderIsGone(own, thisHost)).toBe(false);
    expect(holderIsGone({ ...own, processStart: 'an-earlier-boot:1' }, thisHost)).toBe(true);
  });

  it('reads a killed process its parent has not reaped (a zombie) as gone', async () => {
    // The shell starts a short child, then becomes `sleep`, which never reaps it.
    const parent = spawn('sh', ['-c', 'sleep 0.1 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const zombie = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString()))));
      await expect.poll(() => readFileSync(`/proc/${zombie}/stat`, 'utf8').split(') ')[1]?.[0]).toBe('Z');
      expect(thisHost.exists(zombie)).toBe(false);
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
