import { readFileSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  createDatabase,
  DataFolderLockError,
  databaseOptionsFromEnv,
  describeDatabase,
  getDatabase,
  useDatabaseForTests,
} from '@/lib/db/client';
import type * as appDatabaseModule from '@/lib/db/client';
import * as schema from '@/lib/db/schema';
import { participants } from '@/lib/db/schema';
import { databaseUrlOn as databaseUrl } from '../support/postgres';
import { countParticipants, postgresServerForTests } from './db-engines';

describe('database options', () => {
  it('uses PGlite in DATA_DIR/pglite, resolved from the working directory, without DATABASE_URL', () => {
    expect(databaseOptionsFromEnv({ DATABASE_URL: undefined, DATA_DIR: './data' })).toEqual({
      engine: 'pglite',
      dataDir: path.join(process.cwd(), 'data', 'pglite'),
    });
    expect(databaseOptionsFromEnv({ DATABASE_URL: undefined, DATA_DIR: '/srv/rk' })).toEqual({
      engine: 'pglite',
      dataDir: '/srv/rk/pglite',
    });
  });

  it('uses PostgreSQL with DATABASE_URL', () => {
    const url = 'postgres://app:secret@db.example:5432/roads';
    expect(databaseOptionsFromEnv({ DATABASE_URL: url, DATA_DIR: './data' })).toEqual({ engine: 'postgres', url });
  });

  it('describes where the database is without the user name or password', () => {
    expect(describeDatabase({ engine: 'postgres', url: 'postgres://app:s3cret@db.example:5433/roads' })).toBe(
      'PostgreSQL at db.example:5433/roads',
    );
    expect(describeDatabase({ engine: 'postgres', url: 'postgresql:///roads?host=/var/run/postgresql' })).toBe(
      'PostgreSQL at /var/run/postgresql/roads',
    );
    expect(describeDatabase({ engine: 'pglite', dataDir: '/srv/rk/pglite' })).toBe('PGlite in /srv/rk/pglite');
    expect(describeDatabase({ engine: 'pglite' })).toBe('PGlite in memory');
  });
});

describe('PGlite in a folder', () => {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it('creates the folder, migrates, locks it while open, and keeps the data when opened again', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'rk-pglite-'));
    folders.push(root);
    const dataDir = path.join(root, 'nested', 'pglite');

    const first = await createDatabase({ engine: 'pglite', dataDir });
    await first.migrate();
    await first.db.insert(participants).values({ id: randomUUID(), locale: 'pl' });
    // Locked while open, even against this process: a second PGlite would corrupt the folder.
    const refused = createDatabase({ engine: 'pglite', dataDir });
    await expect(refused).rejects.toBeInstanceOf(DataFolderLockError);
    await expect(refused).rejects.toThrow(`The data folder ${dataDir} is in use by process ${process.pid}`);
    expect(await readdir(path.dirname(dataDir))).toEqual(['pglite', 'pglite.lock']);
    await first.close();
    expect(await readdir(path.dirname(dataDir))).toEqual(['pglite']);

    const second = await createDatabase({ engine: 'pglite', dataDir });
    await second.migrate(); // already migrated: nothing to do, no error
    expect(second.engine).toBe('pglite');
    expect(await countParticipants(second.db)).toBe(1);
    await second.close();
  });
});

describe('the app database', () => {
  it('is the one a test swaps in', async () => {
    const standIn = drizzle.mock({ schema });
    useDatabaseForTests(standIn);
    try {
      expect(await getDatabase()).toBe(standIn);
    } finally {
      useDatabaseForTests(undefined);
    }
  });

  /** Runs `test` with a fresh copy of the client module, so it parses DATA_DIR set to a new folder. */
  async function withAppDatabaseIn(test: (client: typeof appDatabaseModule, dataDir: string) => Promise<void>): Promise<void> {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'rk-app-'));
    const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
    const store = globalThis as { __roadsKillDatabase?: unknown };
    const before = store.__roadsKillDatabase;
    process.env.DATA_DIR = dataDir;
    process.env.DATABASE_URL = '';
    store.__roadsKillDatabase = undefined;
    vi.resetModules();
    try {
      await test(await import('@/lib/db/client'), dataDir);
    } finally {
      Object.assign(process.env, saved);
      store.__roadsKillDatabase = before;
      vi.resetModules();
      await rm(dataDir, { recursive: true, force: true });
    }
  }

  it('is opened from the environment once, migrated, however many callers ask at once', () =>
    withAppDatabaseIn(async (client, dataDir) => {
      const [a, b] = await Promise.all([client.getDatabase(), client.getDatabase()]);
      expect(a).toBe(b);
      expect(await countParticipants(a)).toBe(0); // the tables exist: migrated
      expect(await readdir(dataDir)).toEqual(['pglite', 'pglite.lock']); // held while open
      await (await client.getDatabaseHandle()).close();
      expect(await readdir(dataDir)).toEqual(['pglite']);
    }));

  it('after a failed migration, closes the folder so that the next caller can open it', () =>
    withAppDatabaseIn(async (client, dataDir) => {
      // The migrations are found from the working directory: from an empty one, migrating fails.
      const workingDirectory = vi.spyOn(process, 'cwd').mockReturnValue(dataDir);
      try {
        await expect(client.getDatabase()).rejects.toThrow(/_journal/);
      } finally {
        workingDirectory.mockRestore();
      }
      expect(await readdir(dataDir)).toEqual(['pglite']); // opened, then closed and unlocked
      expect(await countParticipants(await client.getDatabase())).toBe(0); // not refused: migrated
      await (await client.getDatabaseHandle()).close();
    }), 60_000); // two PGlite starts, one of them creating the folder
});

const serverUrl = postgresServerForTests();

describe.runIf(serverUrl !== undefined)('PostgreSQL migrations', () => {
  const name = `rk_test_${randomBytes(6).toString('hex')}`;

  async function onServer(statement: string): Promise<void> {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  }

  afterAll(() => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

  it('lets several app instances start at once: one migrates, the others wait for it', async () => {
    if (serverUrl === undefined) return;
    await onServer(`CREATE DATABASE ${name}`);
    const url = databaseUrl(serverUrl, name);
    const instances = await Promise.all([1, 2, 3, 4].map(() => createDatabase({ engine: 'postgres', url })));
    try {
      await Promise.all(instances.map((instance) => instance.migrate()));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const applied = await client
        .query<{ n: string }>('SELECT count(*) AS n FROM drizzle.__drizzle_migrations')
        .finally(() => client.end());
      // Each migration in the journal applied exactly once, however many instances raced.
      const journal = JSON.parse(readFileSync(path.join(process.cwd(), 'lib/db/migrations/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
      expect(journal.entries.length).toBeGreaterThanOrEqual(2);
      expect(applied.rows[0]?.n).toBe(String(journal.entries.length));
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
    }
  });
});
