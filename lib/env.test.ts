import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv, pgliteDirectory } from './env';

describe('parseEnv', () => {
  it('defaults to the embedded store in ./data', () => {
    expect(parseEnv({})).toEqual({ DATABASE_URL: undefined, DATA_DIR: './data', NODE_ENV: 'development' });
  });

  it('treats an empty setting as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', DATA_DIR: '' })).toEqual({
      DATABASE_URL: undefined,
      DATA_DIR: './data',
      NODE_ENV: 'development',
    });
  });

  it('takes a PostgreSQL URL', () => {
    const url = 'postgresql://app:pw@db:5432/roads';
    expect(parseEnv({ DATABASE_URL: url, NODE_ENV: 'production' })).toMatchObject({
      DATABASE_URL: url,
      NODE_ENV: 'production',
    });
  });

  it('refuses anything but a PostgreSQL URL, naming the variable but never its value', () => {
    const attempt = () => parseEnv({ DATABASE_URL: 'mysql://app:hunter2@db/roads' });
    expect(attempt).toThrow(EnvError);
    expect(attempt).toThrow(/DATABASE_URL/);
    expect(attempt).not.toThrow(/hunter2/);
  });

  it('refuses an unknown NODE_ENV', () => {
    expect(() => parseEnv({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
  });
});

describe('pgliteDirectory', () => {
  it('is DATA_DIR/pglite, from the working directory', () => {
    expect(pgliteDirectory({ DATA_DIR: './data' })).toBe(path.join(process.cwd(), 'data', 'pglite'));
    expect(pgliteDirectory({ DATA_DIR: '/var/lib/rk' })).toBe('/var/lib/rk/pglite');
  });
});
