/**
 * The one module that opens the database. Two engines behind one drizzle type:
 * - PGlite (embedded PostgreSQL in WASM) in DATA_DIR/pglite when no DATABASE_URL is set, so
 *   `npm start` on a laptop runs a whole event with nothing to install; one process at a time
 *   owns that folder (./data-folder-lock.ts);
 * - PostgreSQL through a pg Pool when DATABASE_URL is set, for several app instances.
 * Tests swap the app's database with `useDatabaseForTests`.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { env, pgliteDirectory, type Env } from '@/lib/env';
import { lockDataFolder, type DataFolderLock } from './data-folder-lock';
import * as schema from './schema';
import { analyzeTables } from './statistics';

export { DataFolderLockError } from './data-folder-lock';

/** Both drivers' databases are this type; `.returning()` needs the HKT left generic. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Engine = 'pglite' | 'postgres';

export type DatabaseOptions =
  /** `dataDir` undefined: in memory, gone when closed (tests). */
  | { engine: 'pglite'; dataDir?: string; migrationsFolder?: string }
  | { engine: 'postgres'; url: string; migrationsFolder?: string };

export interface DatabaseHandle {
  db: Database;
  engine: Engine;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Resolved from the working directory at run time, not from this file: Next bundles this
 * module into `.next/`, where `__dirname` no longer points into `lib/db`. The app always runs
 * from the repository root (`next start`, `vitest`, `tsx`).
 */
export function defaultMigrationsFolder(): string {
  return path.join(process.cwd(), 'lib', 'db', 'migrations');
}

/**
 * An arbitrary constant naming "this app's migrations" among PostgreSQL advisory locks, so two
 * instances starting together migrate one after the other instead of racing.
 */
const MIGRATION_LOCK_KEY = 7_311_200_416;

export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  const handle = await (options.engine === 'pglite' ? openPglite(options.dataDir, migrationsFolder) : openPostgres(options.url, migrationsFolder));
  engines.set(handle.db, handle.engine);
  return handle;
}

const engines = new WeakMap<Database, Engine>();

/** The engine behind a database this module opened; undefined for one opened elsewhere (tests' copies). */
export function engineOf(db: Database): Engine | undefined {
  return engines.get(db);
}

// Each driver is imported only when chosen, so a PostgreSQL deployment never loads PGlite's WASM.
async function openPglite(dataDir: string | undefined, migrationsFolder: string): Promise<DatabaseHandle> {
  let lock: DataFolderLock | undefined;
  if (dataDir !== undefined) {
    await mkdir(dataDir, { recursive: true });
    // Before PGlite reads a byte of the folder (a second process on it would corrupt it), and
    // before loading its WASM, so a refused process stops at once.
    lock = lockDataFolder(dataDir);
  }
  try {
    if (dataDir !== undefined) await createPgliteFolderApart(dataDir);
    const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
    ]);
    const client = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
    await client.waitReady;
    const db = drizzle(client, { schema });
    return {
      db,
      engine: 'pglite',
      migrate: () => migrate(db, { migrationsFolder }),
      async close() {
        try {
          await client.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release(); // it never opened: this process is not using the folder
    throw error;
  }
}

/**
 * A new data folder is made by a short-lived child process, not by the server. PGlite (0.5)
 * makes a folder by running initdb as a second WASM instance and unpacking an in-memory image of
 * the result, and the process that did it keeps about 450 MB of that reachable for the rest of
 * its life: a server started on an empty folder held 690 MB RSS, against about 290 MB when it
 * opens a folder that already exists (bench/README.md, "PGlite's memory"). The child makes the
 * folder beside the real one and it is renamed into place only once complete, so a start
 * killed half-way leaves an empty folder, never a half-made one.
 */
/** PGlite's CommonJS entry, resolved from the program that is running (scripts/start.mjs, vitest, a bench). */
function pgliteEntry(): string {
  const from = process.argv[1] ? path.resolve(process.argv[1]) : path.join(process.cwd(), 'index.js');
  return createRequire(from).resolve('@electric-sql/pglite');
}

/**
 * A start killed while its child was making the folder (kill -9, power) leaves the half-made
 * draft beside the data folder. This process holds the folder's lock, so no other process is
 * making one now: every draft there is abandoned, and is removed before a new one is made.
 */
async function removeAbandonedDrafts(dataDir: string): Promise<void> {
  const resolved = path.resolve(dataDir);
  const prefix = `${path.basename(resolved)}.new-`;
  const siblings = await readdir(path.dirname(resolved)).catch(() => [] as string[]);
  await Promise.all(
    siblings
      .filter((name) => name.startsWith(prefix) && /^[0-9a-f]{8}$/.test(name.slice(prefix.length)))
      .map((name) => rm(path.join(path.dirname(resolved), name), { recursive: true, force: true })),
  );
}

async function createPgliteFolderApart(dataDir: string): Promise<void> {
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) return;
  await removeAbandonedDrafts(dataDir);
  const draft = `${path.resolve(dataDir)}.new-${randomBytes(4).toString('hex')}`;
  // CommonJS, with PGlite found from this program's own entry point rather than the working
  // directory, which tests move.
  const script =
    'const { PGlite } = require(process.argv[1]); const db = new PGlite(process.argv[2]); ' +
    'db.waitReady.then(() => db.close()).catch((error) => { console.error(error); process.exit(1); });';
  try {
    await new Promise<void>((resolve, reject) => {
      const { NODE_OPTIONS: _nodeOptions, ...env } = process.env;
      const child = spawn(process.execPath, ['-e', script, pgliteEntry(), draft], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2_000)));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`creating the PGlite data folder failed (exit ${code}): ${stderr}`))));
    });
    // The empty folder made for the lock's sake is replaced whole (rename(2) replaces an empty directory).
    await rename(draft, dataDir);
  } finally {
    await rm(draft, { recursive: true, force: true });
  }
}

async function openPostgres(url: string, migrationsFolder: string): Promise<DatabaseHandle> {
  const [{ Pool }, { drizzle }, { migrate }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  const pool = new Pool({ connectionString: url });
  // An idle connection dropped by the server emits 'error' on the pool; unhandled, it would
  // end the process. The next query gets a fresh connection.
  pool.on('error', (error) => console.error(`[db] idle PostgreSQL connection lost: ${error.message}`));
  const db = drizzle(pool, { schema });
  return {
    db,
    engine: 'postgres',
    async migrate() {
      // The lock belongs to a session, so lock, migrate and unlock on one connection.
      const connection = await pool.connect();
      try {
        await connection.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        try {
          await migrate(drizzle(connection, { schema }), { migrationsFolder });
        } finally {
          await connection.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        }
      } finally {
        connection.release();
      }
    },
    close: () => pool.end(),
  };
}

/** The app's database options, from the environment. */
export function databaseOptionsFromEnv(config: Pick<Env, 'DATABASE_URL' | 'DATA_DIR'> = env): DatabaseOptions {
  return config.DATABASE_URL === undefined
    ? { engine: 'pglite', dataDir: pgliteDirectory(config) }
    : { engine: 'postgres', url: config.DATABASE_URL };
}

/** Where the database is, for the start-up log line: never the user name or password. */
export function describeDatabase(options: DatabaseOptions): string {
  if (options.engine === 'pglite') return `PGlite in ${options.dataDir ?? 'memory'}`;
  const url = new URL(options.url);
  const host = url.host === '' ? (url.searchParams.get('host') ?? 'local socket') : url.host;
  return `PostgreSQL at ${host}${url.pathname}`;
}

interface DatabaseSingleton {
  ready?: Promise<DatabaseHandle>;
  forTests?: Database;
}

// Kept on globalThis: Next's dev server re-evaluates modules on reload, and a second PGlite
// opened on the same folder would corrupt it.
const globalStore = globalThis as typeof globalThis & { __roadsKillDatabase?: DatabaseSingleton };
const singleton: DatabaseSingleton = (globalStore.__roadsKillDatabase ??= {});

async function openAppDatabase(): Promise<DatabaseHandle> {
  const handle = await createDatabase(databaseOptionsFromEnv());
  try {
    await handle.migrate();
    // Statistics for the planner from the first query on (lib/db/statistics.ts).
    await analyzeTables(handle.db);
  } catch (error) {
    // Closed before the next caller tries again, which would otherwise find the data folder
    // still locked by this very process.
    await handle.close().catch((closeError: unknown) => console.error('[db] could not close the database after a failed migration:', closeError));
    throw error;
  }
  return handle;
}

/** Opens the app's database once per process and migrates it before first use. */
export async function getDatabaseHandle(): Promise<DatabaseHandle> {
  singleton.ready ??= openAppDatabase().catch((error: unknown) => {
    // Let the next request try again (e.g. PostgreSQL was still starting) instead of caching the failure.
    singleton.ready = undefined;
    throw error;
  });
  return singleton.ready;
}

export async function getDatabase(): Promise<Database> {
  return singleton.forTests ?? (await getDatabaseHandle()).db;
}

/** Makes `getDatabase()` return `db` (undefined: back to the app's own database). */
export function useDatabaseForTests(db: Database | undefined): void {
  singleton.forTests = db;
}
