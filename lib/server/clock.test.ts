import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionNow } from './clock';

const id = '0b7c6f1e-3c1a-4d5e-9f00-1234567890ab';
const now = new Date('2026-03-02T10:00:00Z');

describe('sessionNow', () => {
  it('is the server clock when no test folder is set (production)', () => {
    expect(sessionNow(id, now, undefined)).toBe(now);
  });

  it('moves only the session a test named on, by the milliseconds in its file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rk-clock-'));
    writeFileSync(path.join(dir, id), '61000\n');
    expect(sessionNow(id, now, dir).toISOString()).toBe('2026-03-02T10:01:01.000Z');
    expect(sessionNow('1b7c6f1e-3c1a-4d5e-9f00-1234567890ab', now, dir)).toBe(now);
  });

  it('never moves a clock backwards, on garbage, or for a name that is not a session id', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rk-clock-'));
    writeFileSync(path.join(dir, id), '-5000');
    expect(sessionNow(id, now, dir)).toBe(now);
    writeFileSync(path.join(dir, id), 'soon');
    expect(sessionNow(id, now, dir)).toBe(now);
    writeFileSync(path.join(dir, 'x'), '5000');
    expect(sessionNow('x', now, dir)).toBe(now);
    expect(sessionNow('../x', now, path.join(dir, 'sub'))).toBe(now);
  });
});
