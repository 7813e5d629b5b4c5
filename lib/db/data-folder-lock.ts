/**
 * One process owns an embedded data folder at a time. Two PGlite instances on one folder each
 * see only their own writes and leave it unopenable (`RuntimeError: Aborted()`), so the folder is
 * locked before PGlite opens it: a lock file beside it (`<folder>.lock`) that names the process
 * holding it, created only if absent, and removed when that process closes the database or exits.
 *
 * A process killed with kill -9 leaves its lock file behind. The next process takes it over when
 * the holder is gone: no such PID on this host, or a PID now belonging to a later process (its
 * start time in /proc differs). A holder on another host (a shared network folder) can't be
 * checked from here, so it always counts as alive.
 *
 * Every lock file is written whole under a temporary name and then linked into place, so a
 * reader never sees half of one. Two newcomers may find the same stale lock: each tries to claim
 * it by creating `<folder>.lock.takeover-<nonce of the stale lock>`, which only one can do, and
 * only the claimant replaces the lock (an atomic rename). A claimant killed mid-takeover leaves a
 * claim whose own claim the next newcomer makes in the same way.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const lockHolderSchema = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  /** The boot id and the process's start in clock ticks since boot (Linux), to tell a reused PID. */
  processStart: z.string().optional(),
  /** When the lock was taken, for people reading the message. */
  startedAt: z.string(),
  /** Unique per lock taken; part of claim file names, so letters, digits and dashes only. */
  nonce: z.string().regex(/^[A-Za-z0-9-]+$/),
});
export type LockHolder = z.infer<typeof lockHolderSchema>;

/** How to tell whether a lock's holder still runs; `thisHost` in the app, a stand-in in tests. */
export interface ProcessProbe {
  hostname: string;
  /** Whether a process with this PID exists on this host. */
  exists(pid: number): boolean;
  /** The process's `processStart`, or undefined where it can't be read (not Linux, no /proc). */
  startOf(pid: number): string | undefined;
}

export const thisHost: ProcessProbe = {
  hostname: os.hostname(),
  exists(pid) {
    try {
      process.kill(pid, 0); // signal 0: only asks whether the process exists
    } catch (error) {
      if (isErrno(error, 'ESRCH')) return false;
      if (isErrno(error, 'EPERM')) return true; // it exists, under another user
      throw error;
    }
    // A killed process its parent has not yet reaped (a zombie) still answers signal 0.
    const state = procStatFields(pid)?.[0];
    return state !== 'Z' && state !== 'X';
  },
  startOf(pid) {
    const startTicks = procStatFields(pid)?.[19]; // field 22, starttime (man 5 proc)
    const bootId = readProcFile('/proc/sys/kernel/random/boot_id')?.trim();
    return startTicks === undefined || bootId === undefined ? undefined : `${bootId}:${startTicks}`;
  },
};

/** Fields 3 onwards of /proc/<pid>/stat (state first), or undefined without /proc. */
function procStatFields(pid: number): string[] | undefined {
  const stat = readProcFile(`/proc/${pid}/stat`);
  // The command name in field 2 may hold spaces and parentheses: count from the last ')'.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function readProcFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // no /proc here (not Linux), or the process just ended: the PID decides alone
  }
}

/** Whether the process that wrote a lock is known to be gone, so its lock may be taken over. */
export function holderIsGone(holder: LockHolder, probe: ProcessProbe = thisHost): boolean {
  if (holder.hostname !== probe.hostname) return false;
  if (!probe.exists(holder.pid)) return true;
  if (holder.processStart === undefined) return false;
  const start = probe.startOf(holder.pid);
  return start !== undefined && start !== holder.processStart;
}

export class DataFolderLockError extends Error {
  constructor(
    readonly folder: string,
    readonly lockFile: string,
    message: string,
  ) {
    super(message);
    this.name = 'DataFolderLockError';
  }
}

export class DataFolderInUseError extends DataFolderLockError {
  constructor(folder: string, lockFile: string, readonly holder: LockHolder, probe: ProcessProbe = thisHost) {
    const where = holder.hostname === probe.hostname ? `on this host (${holder.hostname})` : `on host ${holder.hostname}`;
    const elsewhere =
      holder.hostname === probe.hostname
        ? ''
        : ' A process on another host cannot be checked from here: if it is no longer running, delete the lock file and start again.';
    super(
      folder,
      lockFile,
      `The data folder ${folder} is in use by process ${holder.pid} ${where}, since ${holder.startedAt}. ` +
        'One server process owns a data folder at a time: stop that process first, or give this one ' +
        `another DATA_DIR (or a DATABASE_URL). Lock file: ${lockFile}.${elsewhere}`,
    );
    this.name = 'DataFolderInUseError';
  }
}

export interface DataFolderLock {
  readonly lockFile: string;
  readonly holder: LockHolder;
  /** Removes the lock file if it is still this lock's; safe to call more than once. */
  release(): void;
}

export function lockFileFor(folder: string): string {
  return `${path.resolve(folder)}.lock`;
}

/** Looks again this many times while another newcomer is taking over a stale lock. */
const ATTEMPTS = 50;
const RETRY_MS = 20;

/**
 * Takes the folder's lock for this process, or throws `DataFolderInUseError` naming the process
 * that holds it. Synchronous, so that the exit handler can release it.
 */
export function lockDataFolder(folder: string, probe: ProcessProbe = thisHost): DataFolderLock {
  const lockFile = lockFileFor(folder);
  const own: LockHolder = {
    pid: process.pid,
    hostname: probe.hostname,
    processStart: probe.startOf(process.pid),
    startedAt: new Date().toISOString(),
    nonce: randomUUID(),
  };
  const draft = `${lockFile}.${own.nonce}.tmp`;
  writeWhole(draft, own);
  try {
    let busy: LockHolder | undefined;
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      if (linkIfAbsent(draft, lockFile)) return held(lockFile, own);
      const holder = readHolder(folder, lockFile);
      if (holder === undefined) continue; // released just now: try again
      if (!holderIsGone(holder, probe)) throw new DataFolderInUseError(folder, lockFile, holder, probe);
      const outcome = takeOver(folder, lockFile, holder, draft, probe);
      if (outcome === 'taken') return held(lockFile, own);
      if (outcome !== 'changed') {
        // Another newcomer is taking it over; it takes microseconds, then look again.
        busy = outcome;
        sleep(RETRY_MS);
      }
    }
    throw busy === undefined
      ? new DataFolderLockError(folder, lockFile, `The data folder ${folder} kept changing hands; lock file: ${lockFile}.`)
      : new DataFolderInUseError(folder, lockFile, busy, probe);
  } finally {
    rmSync(draft, { force: true });
  }
}

/**
 * Replaces the stale lock `stale` with `draft`, if this process is the one to claim it.
 * Returns 'taken', 'changed' (the lock is no longer `stale`: look again) or the live claimant.
 */
function takeOver(folder: string, lockFile: string, stale: LockHolder, draft: string, probe: ProcessProbe): 'taken' | 'changed' | LockHolder {
  const deadClaims: string[] = [];
  let target = stale;
  let claim = `${lockFile}.takeover-${target.nonce}`;
  while (!linkIfAbsent(draft, claim)) {
    const claimant = readHolder(folder, claim);
    if (claimant === undefined) return 'changed'; // a winner cleared its claims: the lock is new
    if (!holderIsGone(claimant, probe)) return claimant;
    deadClaims.push(claim);
    target = claimant;
    claim = `${lockFile}.takeover-${target.nonce}`;
  }
  // A slow newcomer may claim a stale lock another has already replaced: check it is still there.
  // From here on no one else can replace it, since replacing it needs this claim.
  if (readHolder(folder, lockFile)?.nonce !== stale.nonce) {
    rmSync(claim, { force: true });
    return 'changed';
  }
  renameSync(draft, lockFile);
  for (const file of [...deadClaims, claim]) rmSync(file, { force: true });
  return 'taken';
}

function held(lockFile: string, own: LockHolder): DataFolderLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    // Only our own: a lock file someone replaced or rewrote is not ours to remove.
    if (readOwnNonce(lockFile) === own.nonce) rmSync(lockFile, { force: true });
  };
  // kill -9 gets no exit event; that lock is taken over as stale by the next process.
  process.on('exit', release);
  return { lockFile, holder: own, release };
}

/** Writes the file completely and to disk before any other name points at it. */
function writeWhole(file: string, holder: LockHolder): void {
  const fd = openSync(file, 'wx', 0o644);
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Gives `source` the name `target` unless `target` exists, atomically (link(2) never replaces). */
function linkIfAbsent(source: string, target: string): boolean {
  try {
    linkSync(source, target);
    return true;
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    throw error;
  }
}

/** The holder a lock or claim file names; undefined when there is no such file. */
function readHolder(folder: string, file: string): LockHolder | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
  const parsed = parseHolder(text);
  if (parsed === undefined) {
    throw new DataFolderLockError(
      folder,
      file,
      `The data folder ${folder} has a lock file that cannot be read: ${file}. ` +
        'If no server process is using the folder, delete that file and start again.',
    );
  }
  return parsed;
}

function readOwnNonce(file: string): string | undefined {
  try {
    return parseHolder(readFileSync(file, 'utf8'))?.nonce;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    return lockHolderSchema.safeParse(JSON.parse(text)).data;
  } catch {
    return undefined; // not JSON: the caller says the file can't be read
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
