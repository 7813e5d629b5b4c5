import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, parsePasswordHash, verifyAgainstDecoy, verifyPassword } from './password';

const PASSWORD = 'correct horse battery staple';

describe('password hashing', () => {
  it('stores scrypt with its parameters, a 16-byte salt and no trace of the password', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(stored).toMatch(/^scrypt\$N=32768,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(stored).not.toContain(PASSWORD);
    expect(parsePasswordHash(stored)?.salt.length).toBe(16);
    expect(parsePasswordHash(stored)?.hash.length).toBe(32);
  });

  it('salts each hash afresh', async () => {
    const [a, b] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
    expect(a).not.toBe(b);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword(`${PASSWORD} `, stored)).toBe(false);
    expect(await verifyPassword('Correct horse battery staple', stored)).toBe(false);
  });

  it('treats composed and decomposed letters as the same password', async () => {
    const composed = 'zażółć gęślą jaźń';
    const stored = await hashPassword(composed);
    expect(await verifyPassword(composed.normalize('NFD'), stored)).toBe(true);
  });

  it('verifies hashes made with other parameters, and asks for weaker ones to be redone', async () => {
    const older = await hashPassword(PASSWORD, { N: 2 ** 14, r: 8, p: 1 });
    expect(older.startsWith('scrypt$N=16384,r=8,p=1$')).toBe(true);
    expect(await verifyPassword(PASSWORD, older)).toBe(true);
    expect(needsRehash(older)).toBe(true);
    expect(needsRehash(await hashPassword(PASSWORD))).toBe(false);
  });

  it('never matches a malformed or out-of-bounds hash', async () => {
    const stored = await hashPassword(PASSWORD);
    for (const bad of ['', PASSWORD, stored.replace('N=32768', 'N=30000'), stored.replace('N=32768', 'N=4194304'), stored.replace('scrypt$', 'bcrypt$')]) {
      expect(parsePasswordHash(bad)).toBeNull();
      expect(await verifyPassword(PASSWORD, bad)).toBe(false);
    }
  });

  it('the decoy check always fails', async () => {
    expect(await verifyAgainstDecoy(PASSWORD)).toBe(false);
  });
});
