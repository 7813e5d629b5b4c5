import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const POSTGRES_PORT = PORT + 1;
/** A server of its own with the synthetic demo data (npm start -- --demo), for the officers' results. */
const DEMO_PORT = PORT + 2;
// A fresh embedded database per run, shared with the workers through the environment.
const dataDir = (process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'rk-e2e-')));
/**
 * Where a test moves one class session's clock on (lib/server/clock.ts, tests/e2e/support/session-clock.ts,
 * README.md, "Quick start"): given to the servers below and, through the environment, to the workers. Only these
 * test servers have it; production never sets E2E_SESSION_CLOCK_DIR.
 */
const sessionClockDir = (process.env.E2E_SESSION_CLOCK_DIR ??= path.join(dataDir, 'session-clock'));
mkdirSync(sessionClockDir, { recursive: true });

/**
 * With TEST_DATABASE_URL, a second server runs on PostgreSQL so the resilience tests can count
 * rows in the database itself. Its database `rk_e2e_p{E2E_PORT}` is made afresh here, before the
 * servers start (Playwright starts web servers before globalSetup), once: workers inherit the
 * variable. Named by the port, so two runs on other ports never drop each other's database.
 */
if (process.env.TEST_DATABASE_URL && !process.env.E2E_DATABASE_URL) {
  const url = new URL(process.env.TEST_DATABASE_URL);
  const database = `rk_e2e_p${PORT}`;
  const script = `const { Client } = require('pg');
    const c = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    c.connect()
      .then(() => c.query('DROP DATABASE IF EXISTS ${database} WITH (FORCE)'))
      .then(() => c.query('CREATE DATABASE ${database}'))
      .then(() => c.end(), (e) => { console.error(e.message); process.exit(1); });`;
  execFileSync(process.execPath, ['-e', script], { stdio: 'inherit' });
  url.pathname = `/${database}`;
  process.env.E2E_DATABASE_URL = url.toString();
}
const postgresUrl = process.env.E2E_DATABASE_URL;

/**
 * Playwright cannot download its own browser here: use Debian's. Its old headless shell (package
 * chromium-headless-shell, installed by .ci/run) where it exists, as Playwright itself does for
 * headless tests: it has no browser window, tab strip or extensions to run. Chromium was three
 * quarters of the end-to-end run's CPU time (2,077 of 2,820 CPU seconds in one full run). On
 * class-session-live.spec.ts it took 98 CPU seconds as the full browser recording traces, 67 with
 * traces off (below), and 34 as the shell with traces off (README.md, "Quick start"). Full Chromium where
 * the shell is not installed.
 */
const debianChromium = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((file) => existsSync(file));
const launchOptions = debianChromium
  ? {
      executablePath: debianChromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }
  : {};

const phone = { ...devices['Desktop Chrome'], viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false };

/**
 * The production build (npm run build runs first), started by its own PID, not through npm, and
 * as `npm start` starts it (scripts/start.mjs), so requests carry their socket address.
 */
function server(port: number, env: Record<string, string | undefined>) {
  return {
    command: `node scripts/start.mjs -p ${port} -H 127.0.0.1`,
    url: `http://127.0.0.1:${port}/en-GB/privacy`,
    reuseExistingServer: false,
    // Every server must be up before any test starts; on a busy 2-core machine the demo server,
    // which loads its data set first, took over two minutes. Only a hung start costs this long.
    timeout: 300_000,
    env: { NEXT_TELEMETRY_DISABLED: '1', ...env } as Record<string, string>,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
  };
}

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: true,
  // Two by default (two cores); E2E_WORKERS to try more on a larger machine.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Off: recording a trace of every test (DOM snapshots at each action and a screencast) took
    // a quarter of the run's CPU time, and CI keeps no test-results/. To see why a test fails,
    // run it again with `--trace retain-on-failure` (README.md, "Quick start").
    trace: 'off',
    launchOptions,
  },
  projects: [
    // Staff accounts first: it spends the first-run setup link; every later test signs in.
    { name: 'staff', testMatch: /staff\.spec\.ts/, use: phone },
    { name: 'phone', testIgnore: /(staff|officer-results)\.spec\.ts/, dependencies: ['staff'], use: phone },
    // Officers' results read the demo data set on a server of their own, with its own first administrator.
    { name: 'officer', testMatch: /officer-results\.spec\.ts/, use: { ...phone, baseURL: `http://127.0.0.1:${DEMO_PORT}` } },
    ...(postgresUrl
      ? [{ name: 'phone-postgres', testMatch: /(resilience|fuzz)\.spec\.ts/, use: { ...phone, baseURL: `http://127.0.0.1:${POSTGRES_PORT}` } }]
      : []),
  ],
  webServer: [
    server(PORT, { DATA_DIR: dataDir, DATABASE_URL: '', SETUP_LINK_FILE: path.join(dataDir, 'setup-link.txt'), E2E_SESSION_CLOCK_DIR: sessionClockDir }),
    server(DEMO_PORT, {
      DATA_DIR: path.join(dataDir, 'demo'),
      DATABASE_URL: '',
      DEMO_DATA: '1',
      SETUP_LINK_FILE: path.join(dataDir, 'setup-link-demo.txt'),
    }),
    ...(postgresUrl
      ? [server(POSTGRES_PORT, { DATABASE_URL: postgresUrl, SETUP_LINK_FILE: path.join(dataDir, 'setup-link-postgres.txt'), E2E_SESSION_CLOCK_DIR: sessionClockDir })]
      : []),
  ],
});
