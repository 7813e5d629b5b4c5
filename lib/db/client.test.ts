import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from './client';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('a new PGlite data folder', () => {
  it('is made whole, and a draft left by a start killed half-way is cleared; nothing else beside it is touched', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'rk-client-'));
    roots.push(root);
    const dataDir = path.join(root, 'data');
    // What a start killed while its child made the folder leaves behind.
    const abandoned = path.join(root, 'data.new-0badc0de');
    mkdirSync(path.join(abandoned, 'base'), { recursive: true });
    writeFileSync(path.join(abandoned, 'base', 'half-written'), 'x'.repeat(1024));
    // Not drafts of this folder: kept.
    const others = [path.join(root, 'data.new-notours'), path.join(root, 'other.new-0badc0de'), path.join(root, 'data-backup')];
    for (const other of others) mkdirSync(other);

    const handle = await createDatabase({ engine: 'pglite', dataDir });
    try {
      expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
      expect(existsSync(abandoned)).toBe(false);
      for (const other of others) expect(existsSync(other)).toBe(true);
    } finally {
      await handle.close();
    }
  }, 120_000);
});
