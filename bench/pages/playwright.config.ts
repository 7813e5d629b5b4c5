import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Page weight and Lighthouse against a bare Next.js page, measured in one run (bench/pages/README
 * in BENCHMARKS.md). Needs `npm run build` first. Not a test: it prints figures and writes them to
 * BENCH_PAGES_OUT (default: pages.json in the run's folder).
 */
const PORT = Number(process.env.BENCH_PORT ?? 3940);
const BARE_PORT = PORT + 1;
const dataDir = (process.env.BENCH_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'rk-bench-pages-')));
process.env.BENCH_PAGES_OUT ??= path.join(dataDir, 'pages.json');
process.env.E2E_SETUP_LINK_FILE = path.join(dataDir, 'setup-link.txt');
// The e2e helpers keep the administrator's signed-in state in E2E_DATA_DIR: this run's own.
process.env.E2E_DATA_DIR = dataDir;
process.env.BENCH_BARE_URL = `http://127.0.0.1:${BARE_PORT}/`;

export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  workers: 1,
  retries: 0,
  timeout: 15 * 60_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Debian's Chromium, headless as in playwright.config.ts (Playwright can't download its own here).
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'bench' }],
  webServer: [
    {
      command: `node scripts/start.mjs -p ${PORT} -H 127.0.0.1`,
      cwd: path.resolve(import.meta.dirname, '../..'),
      url: `http://127.0.0.1:${PORT}/en-GB/privacy`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: { NEXT_TELEMETRY_DISABLED: '1', DATA_DIR: path.join(dataDir, 'data'), DATABASE_URL: '', SETUP_LINK_FILE: process.env.E2E_SETUP_LINK_FILE },
    },
    {
      command: `node bench/bare-next.mjs --port ${BARE_PORT}`,
      cwd: path.resolve(import.meta.dirname, '../..'),
      url: `http://127.0.0.1:${BARE_PORT}/`,
      reuseExistingServer: false,
      timeout: 240_000,
      env: { NEXT_TELEMETRY_DISABLED: '1' },
    },
  ],
});
