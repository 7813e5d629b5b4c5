import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * `npm start` builds only when the build's inputs changed (scripts/build-if-changed.mjs). Run
 * here in a scratch project whose `next` is a stub that counts builds, and fails when told to.
 */
const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/build-if-changed.mjs');

const STUB_NEXT = `
const fs = require('node:fs');
const path = require('node:path');
const root = process.cwd();
if (fs.existsSync(path.join(root, 'FAIL'))) process.exit(3);
fs.mkdirSync(path.join(root, '.next'), { recursive: true });
fs.writeFileSync(path.join(root, '.next', 'BUILD_ID'), 'id');
// Counted under data/, which the hash leaves out, like the real data folder.
fs.mkdirSync(path.join(root, 'data'), { recursive: true });
fs.appendFileSync(path.join(root, 'data', 'builds.txt'), process.argv.slice(2).join(' ') + '\\n');
`;

let project: string;

function run(...args: string[]): { builds: string[]; output: string } {
  let output = '';
  try {
    output = execFileSync(process.execPath, [path.join(project, 'scripts', 'build-if-changed.mjs'), ...args], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    output = `exit ${(error as { status: number }).status}`;
  }
  let builds: string[] = [];
  try {
    builds = readFileSync(path.join(project, 'data', 'builds.txt'), 'utf8').trim().split('\n');
  } catch {
    builds = [];
  }
  return { builds, output };
}

beforeEach(() => {
  project = mkdtempSync(path.join(tmpdir(), 'rk-build-'));
  mkdirSync(path.join(project, 'scripts'));
  cpSync(SCRIPT, path.join(project, 'scripts', 'build-if-changed.mjs'));
  mkdirSync(path.join(project, 'node_modules', 'next', 'dist', 'bin'), { recursive: true });
  writeFileSync(path.join(project, 'node_modules', 'next', 'dist', 'bin', 'next'), STUB_NEXT);
  mkdirSync(path.join(project, 'app'));
  writeFileSync(path.join(project, 'app', 'page.tsx'), 'export default 1;');
  mkdirSync(path.join(project, 'tests'));
  writeFileSync(path.join(project, 'tests', 'a.spec.ts'), 'one');
});

afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

describe('build-if-changed', () => {
  it('builds the first time, then starts the existing build while nothing changed', () => {
    expect(run().builds).toEqual(['build']);
    const second = run();
    expect(second.builds).toEqual(['build']);
    expect(second.output).toMatch(/sources unchanged/);
  });

  it('builds again when a source changes, and not when only a test, a doc or the data changes', () => {
    run();
    writeFileSync(path.join(project, 'tests', 'a.spec.ts'), 'two');
    writeFileSync(path.join(project, 'NOTES.md'), 'notes');
    mkdirSync(path.join(project, 'data'), { recursive: true });
    writeFileSync(path.join(project, 'data', 'pglite'), 'rows');
    expect(run().builds).toHaveLength(1);
    writeFileSync(path.join(project, 'app', 'page.tsx'), 'export default 2;');
    expect(run().builds).toHaveLength(2);
  });

  it('builds when a NEXT_PUBLIC_ variable changes, and always with --always', () => {
    run();
    process.env.NEXT_PUBLIC_RK_TEST = 'x';
    try {
      expect(run().builds).toHaveLength(2);
    } finally {
      delete process.env.NEXT_PUBLIC_RK_TEST;
    }
    run();
    expect(run('--always').builds).toEqual(['build', 'build', 'build', 'build']);
  });

  it('stamps only a finished build: after a failed one the next start builds again', () => {
    run();
    writeFileSync(path.join(project, 'app', 'page.tsx'), 'export default 3;');
    writeFileSync(path.join(project, 'FAIL'), '');
    expect(run().output).toBe('exit 3');
    rmSync(path.join(project, 'FAIL'));
    expect(run().builds).toHaveLength(2);
  });
});
