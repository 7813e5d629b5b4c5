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
    // Repository tests share one PostgreSQL database per file; keep files from racing on a 2-core machine.
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
