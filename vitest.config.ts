import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // Next resolves `server-only` to an empty module on the server; so do the tests.
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'tests/unit/**/*.test.ts', 'app/**/*.test.ts'],
    environment: 'node',
    // next-intl imports `next/navigation` without a file extension, which Node's ESM loader
    // can't resolve; letting Vite resolve it makes server modules that use navigation testable.
    server: { deps: { inline: ['next-intl'] } },
    // One migrated template database per engine for the whole run; each database test file
    // gets its own copy (tests/unit/db-engines.ts), so files can run side by side.
    globalSetup: ['tests/support/database-templates.ts'],
    fileParallelism: true,
    // A worker per core, and at least two (on 2 cores vitest's default leaves one idle).
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
