/**
 * Vitest global setup: migrates one template database per engine, once per run, so each test
 * file's fresh database is a copy instead of a new migration (tests/unit/db-engines.ts).
 *
 * - PGlite: an in-memory database, migrated and dumped to a tar file that each file's PGlite
 *   loads (`loadDataDir`): no `initdb` and no migrations per file, which was most of a file's
 *   set-up time.
 * - PostgreSQL (when TEST_DATABASE_URL is set): `rk_template_<run id>`, migrated, then
 *   `CREATE DATABASE rk_test_<random> TEMPLATE rk_template_<run id>` per file. Dropped at the
 *   end of the run.
 *
 * Test files read the templates with `inject()`; without this setup (another config), they
 * migrate a fresh database as before.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../../lib/db/client';
import { createFreshDatabase, postgresServerUrl, type FreshDatabase } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tar of a migrated PGlite data folder, for `new PGlite({ loadDataDir })`. */
    pgliteTemplate: string | undefined;
    /** A migrated database on TEST_DATABASE_URL's server, to `CREATE DATABASE … TEMPLATE`. */
    postgresTemplate: string | undefined;
  }
}

async function pgliteTemplate(folder: string): Promise<string> {
  const handle = await createDatabase({ engine: 'pglite' });
  try {
    await handle.migrate();
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir('none');
    const file = path.join(folder, 'pglite-template.tar');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    return file;
  } finally {
    await handle.close();
  }
}

async function postgresTemplate(serverUrl: string): Promise<FreshDatabase> {
  const template = await createFreshDatabase(serverUrl, 'rk_template_');
  try {
    const handle = await createDatabase({ engine: 'postgres', url: template.url });
    try {
      await handle.migrate();
    } finally {
      // No connection may stay open on a template while it is copied.
      await handle.close();
    }
  } catch (error) {
    await template.drop();
    throw error;
  }
  return template;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = await mkdtemp(path.join(tmpdir(), 'rk-unit-'));
  const serverUrl = postgresServerUrl(process.env.TEST_DATABASE_URL);
  const [pglite, postgres] = await Promise.allSettled([
    pgliteTemplate(folder),
    serverUrl === undefined ? Promise.resolve(undefined) : postgresTemplate(serverUrl),
  ]);
  const teardown = async () => {
    await Promise.all([
      postgres.status === 'fulfilled' ? postgres.value?.drop() : undefined,
      rm(folder, { recursive: true, force: true }),
    ]);
  };
  if (pglite.status === 'rejected' || postgres.status === 'rejected') {
    await teardown();
    throw pglite.status === 'rejected' ? pglite.reason : (postgres as PromiseRejectedResult).reason;
  }
  project.provide('pgliteTemplate', pglite.value);
  project.provide('postgresTemplate', postgres.value?.name);
  return teardown;
}
