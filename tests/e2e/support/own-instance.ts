/**
 * An app instance of a test's own, on a fresh database, for a test that changes what every other
 * test shares (publishing roads-kill changes its current version for every session started after
 * it). `next start` by its own PID on a port of the test's own, as tests/e2e/two-instances.spec.ts
 * runs its two; an embedded PGlite database in a new folder, or a new database on the PostgreSQL
 * server. The instance makes its own first administrator from its own setup link.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { createFreshDatabase, startAppInstance, type AppInstance, type FreshDatabase } from '../../support/live-seed';
import { acceptInvite, createOrganisation, ensureAdministrator, inviteStaff, type NewAccount } from './staff';

export type Engine = 'pglite' | 'postgres';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

export interface OwnInstance {
  app: AppInstance;
  engine: Engine;
  /** Where the instance writes its first-run setup link. */
  setupLinkFile: string;
  stop(): Promise<void>;
}

/**
 * Starts the production build (`.next/` must exist) on `port` with a database nobody else uses:
 * PGlite in a new temporary folder, or with `postgresServerUrl` a new database on that server.
 * `stop()` ends the server and removes its folder or drops its database.
 */
export async function startOwnInstance({
  name,
  port,
  engine,
  postgresServerUrl,
}: {
  name: string;
  port: number;
  engine: Engine;
  postgresServerUrl?: string;
}): Promise<OwnInstance> {
  const folder = await mkdtemp(path.join(os.tmpdir(), `rk-e2e-${name}-`));
  const setupLinkFile = path.join(folder, 'setup-link.txt');
  let database: FreshDatabase | undefined;
  if (engine === 'postgres') {
    if (!postgresServerUrl) throw new Error('a PostgreSQL instance needs a server URL');
    database = await createFreshDatabase(postgresServerUrl, `rk_e2e_${name.replace(/[^a-z0-9]/g, '_')}_`);
  }
  const cleanUp = async () => {
    await database?.drop();
    await rm(folder, { recursive: true, force: true });
  };
  try {
    const app = await startAppInstance({
      name,
      port,
      databaseUrl: database?.url ?? '',
      // Blank DATABASE_URL means PGlite in DATA_DIR (lib/env.ts).
      env: { DATA_DIR: path.join(folder, 'data'), SETUP_LINK_FILE: setupLinkFile },
      // A cold start on a busy 2-core machine, with migrations on a new database.
      timeoutMs: 240_000,
    });
    return {
      app,
      engine,
      setupLinkFile,
      async stop() {
        await app.stop();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** Console errors and page errors of a page the fixture didn't open still fail the test (as in two-instances.spec.ts). */
export function reportConsoleErrors(page: Page, errors: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
}

/** Browser contexts on one instance: signed out, or signed in as its first administrator. */
export interface InstanceBrowser {
  origin: string;
  /** A new context whose relative addresses go to the instance; `errors` collects its pages' console errors. */
  newContext(options?: { signedInAs?: 'administrator'; viewport?: { width: number; height: number } }): Promise<BrowserContext>;
  /** A teacher invited by the administrator into a new organisation, signed in in a context of their own. */
  newTeacher(label: string): Promise<{ context: BrowserContext; page: Page; account: NewAccount; organisation: string }>;
}

/**
 * The instance's first administrator, made through its own setup link (signed in once: the
 * cookies are kept for every later context), and contexts that go to the instance.
 */
export async function instanceBrowser(browser: Browser, instance: OwnInstance, errors: string[]): Promise<InstanceBrowser> {
  const origin = instance.app.origin;
  const open = async (storageState?: StorageState, viewport?: { width: number; height: number }) => {
    const context = await browser.newContext({ baseURL: origin, ...(storageState && { storageState }), ...(viewport && { viewport }) });
    context.on('page', (page) => reportConsoleErrors(page, errors));
    return context;
  };
  const setup = await open();
  let administratorState: StorageState;
  try {
    await ensureAdministrator(await setup.newPage(), instance.setupLinkFile);
    administratorState = await setup.storageState();
  } finally {
    await setup.close();
  }
  const self: InstanceBrowser = {
    origin,
    newContext: ({ signedInAs, viewport } = {}) => open(signedInAs === 'administrator' ? administratorState : undefined, viewport),
    async newTeacher(label) {
      const suffix = randomUUID().slice(0, 8);
      const organisation = `${label} ${suffix}`;
      const adminContext = await self.newContext({ signedInAs: 'administrator' });
      const admin = await adminContext.newPage();
      await createOrganisation(admin, { name: organisation, kind: 'college', area: 'North Somerset' });
      const link = await inviteStaff(admin, { role: 'teacher', organisation });
      await adminContext.close();
      const context = await self.newContext();
      const page = await context.newPage();
      const account = { name: `Teacher ${suffix}`, email: `teacher-${suffix}@school.example`, password: `teacher passphrase ${suffix}` };
      await acceptInvite(page, link, account);
      return { context, page, account, organisation };
    },
  };
  return self;
}
