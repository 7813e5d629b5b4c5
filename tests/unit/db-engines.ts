/**
 * The databases repository and API tests run against: always an in-memory PGlite, plus a
 * PostgreSQL server when TEST_DATABASE_URL is set. Each test file gets a fresh, migrated
 * database per engine (PostgreSQL: `CREATE DATABASE rk_test_<random>`, dropped afterwards),
 * and every test starts from empty tables.
 *
 * "Fresh and migrated" is a copy of a template migrated once per run
 * (tests/support/database-templates.ts, vitest's global setup): PGlite loads the template's
 * data folder, PostgreSQL copies the template database. Without that setup, each database is
 * migrated from scratch.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx vitest run lib tests/unit
 */
import { readFile } from 'node:fs/promises';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { createDatabase, defaultMigrationsFolder, type Database, type DatabaseHandle, type Engine } from '@/lib/db/client';
import * as schema from '@/lib/db/schema';
import { answers, participants } from '@/lib/db/schema';
import { createFreshDatabase, postgresServerUrl } from '../support/postgres';

const testDatabaseUrl = postgresServerUrl(process.env.TEST_DATABASE_URL);

export interface TestEngine {
  name: Engine;
  /** A fresh, migrated database, and how to get rid of it. */
  open(): Promise<{ handle: DatabaseHandle; dispose(): Promise<void> }>;
}

let pgliteTemplate: Promise<Blob> | undefined;

/** An in-memory PGlite started from the run's migrated template (no initdb, no migrations). */
async function openPgliteCopy(templateFile: string): Promise<DatabaseHandle> {
  pgliteTemplate ??= readFile(templateFile).then((bytes) => new Blob([bytes]));
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const client = new PGlite({ loadDataDir: await pgliteTemplate });
  await client.waitReady;
  const db = drizzle(client, { schema });
  return {
    db,
    engine: 'pglite',
    // Already migrated; run anyway like the app's handle would (a no-op).
    migrate: () => migrate(db, { migrationsFolder: defaultMigrationsFolder() }),
    close: () => client.close(),
  };
}

const pgliteEngine: TestEngine = {
  name: 'pglite',
  async open() {
    const templateFile = inject('pgliteTemplate');
    if (templateFile !== undefined) {
      const handle = await openPgliteCopy(templateFile);
      return { handle, dispose: () => handle.close() };
    }
    const handle = await createDatabase({ engine: 'pglite' });
    await handle.migrate();
    return { handle, dispose: () => handle.close() };
  },
};

function postgresEngine(serverUrl: string): TestEngine {
  return {
    name: 'postgres',
    async open() {
      const template = inject('postgresTemplate');
      const database = await createFreshDatabase(serverUrl, 'rk_test_', { template });
      const handle = await createDatabase({ engine: 'postgres', url: database.url });
      // A copy of the migrated template has nothing left to do.
      if (template === undefined) await handle.migrate();
      return {
        handle,
        async dispose() {
          await handle.close();
          await database.drop();
        },
      };
    },
  };
}

export const testEngines: TestEngine[] = [
  pgliteEngine,
  ...(testDatabaseUrl === undefined ? [] : [postgresEngine(testDatabaseUrl)]),
];

export function postgresServerForTests(): string | undefined {
  return testDatabaseUrl;
}

/**
 * Opens a fresh database for the enclosing `describe` and empties it before each test.
 * Returns a getter, since the database exists only once `beforeAll` has run.
 */
export function setUpTestDatabase(engine: TestEngine): () => Database {
  let opened: Awaited<ReturnType<TestEngine['open']>> | undefined;
  beforeAll(async () => {
    opened = await engine.open();
  });
  afterAll(async () => {
    await opened?.dispose();
  });
  beforeEach(async () => {
    await current().delete(participants); // answers go with them (on delete cascade)
  });
  const current = (): Database => {
    if (opened === undefined) throw new Error(`the ${engine.name} test database is not open yet`);
    return opened.handle.db;
  };
  return current;
}

export async function countAnswers(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(answers);
  return row?.n ?? -1;
}

export async function countParticipants(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(participants);
  return row?.n ?? -1;
}
