import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The longest files, longest first (measured on 2 cores). Vitest starts the files it has timings
 * for longest first, but a fresh clone has none, and it then starts the largest files first:
 * the attacker tests are small files (their classes live in tests/support), so they would start
 * last and leave one worker running them alone at the end. Files not listed, and every file once
 * vitest has timings for all of them, go in vitest's own order.
 */
const LONGEST_FIRST = [
  // Seconds in one full run on the busy 2-core machine (2026-12-02, load about 12): 533, 287, 257,
  // 219, 215, 210, 102, 85, 20, 17 (noisy: the order matters, not the figures).
  // officer-attack-released (the 533) is two files since.
  'tests/unit/officer-attack-released.test.ts',
  'tests/unit/officer-attack-released-2.test.ts',
  'tests/unit/report-final-attack.test.ts',
  'tests/unit/report-final-attack-mid.test.ts',
  'tests/unit/live-attack.test.ts',
  'tests/unit/officer-attack.test.ts',
  'tests/unit/report-final-attack-small.test.ts',
  'tests/unit/live-attack-large.test.ts',
  'tests/unit/live-attack-live.test.ts',
  'tests/unit/report-refresh-attack.test.ts',
  'tests/unit/live-attack-self-paced.test.ts',
];

class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const timed = (file: TestSpecification) => this.ctx.cache.getFileTestResults(`${file.project.name}:${path.relative(this.ctx.config.root, file.moduleId)}`);
    if (sorted.every((file) => timed(file) !== undefined)) return sorted;
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FIRST.indexOf(path.relative(this.ctx.config.root, file.moduleId).split(path.sep).join('/'));
      return index === -1 ? LONGEST_FIRST.length : index;
    };
    // A stable sort: the files not listed keep vitest's order after the listed ones.
    return sorted.map((file, i) => ({ file, i })).sort((a, b) => rank(a.file) - rank(b.file) || a.i - b.i).map(({ file }) => file);
  }
}

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
    sequence: { sequencer: LongestFirstSequencer },
    // A worker per core, and at least two (on 2 cores vitest's default leaves one idle).
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
