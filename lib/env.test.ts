import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv, pgliteDirectory, publicOrigin } from './env';

describe('parseEnv', () => {
  it('defaults to the embedded store in ./data', () => {
    expect(parseEnv({})).toEqual({
      DATABASE_URL: undefined,
      DATA_DIR: './data',
      NODE_ENV: 'development',
      TIME_ZONE: 'Europe/London',
      RETENTION_DAYS: 730,
      DEMO_DATA: false,
      TRUSTED_PROXY_HOPS: 0,
      LIVE_SESSION_IDLE_MINUTES: 90,
    });
  });

  it('treats an empty setting as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', DATA_DIR: '', RETENTION_DAYS: '', DEMO_DATA: '', TRUSTED_PROXY_HOPS: '', RATE_LIMIT_SECRET: '' })).toEqual({
      DATABASE_URL: undefined,
      DATA_DIR: './data',
      NODE_ENV: 'development',
      TIME_ZONE: 'Europe/London',
      RETENTION_DAYS: 730,
      DEMO_DATA: false,
      TRUSTED_PROXY_HOPS: 0,
      LIVE_SESSION_IDLE_MINUTES: 90,
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

describe('RETENTION_DAYS and DEMO_DATA', () => {
  it('take a whole number of days and 1 or 0', () => {
    expect(parseEnv({ RETENTION_DAYS: '365', DEMO_DATA: '1' })).toMatchObject({ RETENTION_DAYS: 365, DEMO_DATA: true });
    expect(parseEnv({ RETENTION_DAYS: '1', DEMO_DATA: '0' })).toMatchObject({ RETENTION_DAYS: 1, DEMO_DATA: false });
  });

  it('refuses a period under a day or not in whole days, and a flag that is not 1 or 0', () => {
    expect(() => parseEnv({ RETENTION_DAYS: '0' })).toThrow(/RETENTION_DAYS: at least 1 day/);
    expect(() => parseEnv({ RETENTION_DAYS: '-30' })).toThrow(/RETENTION_DAYS/);
    expect(() => parseEnv({ RETENTION_DAYS: '1.5' })).toThrow(/RETENTION_DAYS: a whole number of days/);
    expect(() => parseEnv({ RETENTION_DAYS: 'two years' })).toThrow(/RETENTION_DAYS/);
    expect(() => parseEnv({ DEMO_DATA: 'yes' })).toThrow(/DEMO_DATA: use 1 or 0/);
  });
});

describe('PUBLIC_ORIGIN and SETUP_LINK_FILE', () => {
  it('are optional, and an empty setting is unset', () => {
    const parsed = parseEnv({ PUBLIC_ORIGIN: '', SETUP_LINK_FILE: '', PORT: '' });
    expect(parsed.PUBLIC_ORIGIN).toBeUndefined();
    expect(parsed.SETUP_LINK_FILE).toBeUndefined();
    expect(parsed.PORT).toBeUndefined();
  });

  it('keeps only the origin of PUBLIC_ORIGIN, and the file path as given', () => {
    const parsed = parseEnv({ PUBLIC_ORIGIN: 'https://roads.example.gov.uk/some/path/', SETUP_LINK_FILE: '/run/rk/setup-link' });
    expect(parsed.PUBLIC_ORIGIN).toBe('https://roads.example.gov.uk');
    expect(parsed.SETUP_LINK_FILE).toBe('/run/rk/setup-link');
  });

  it('refuses a PUBLIC_ORIGIN that is not http(s), and a PORT that is not a port', () => {
    expect(() => parseEnv({ PUBLIC_ORIGIN: 'ftp://roads.example' })).toThrow(/PUBLIC_ORIGIN/);
    expect(() => parseEnv({ PUBLIC_ORIGIN: 'roads.example' })).toThrow(/PUBLIC_ORIGIN/);
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseEnv({ PORT: '70000' })).toThrow(/PORT/);
  });
});

describe('publicOrigin', () => {
  it('is PUBLIC_ORIGIN, else localhost on PORT, else localhost:3000', () => {
    expect(publicOrigin(parseEnv({ PUBLIC_ORIGIN: 'https://roads.example', PORT: '8080' }))).toBe('https://roads.example');
    expect(publicOrigin(parseEnv({ PORT: '8080' }))).toBe('http://localhost:8080');
    expect(publicOrigin(parseEnv({}))).toBe('http://localhost:3000');
  });
});

describe('pgliteDirectory', () => {
  it('is DATA_DIR/pglite, from the working directory', () => {
    expect(pgliteDirectory({ DATA_DIR: './data' })).toBe(path.join(process.cwd(), 'data', 'pglite'));
    expect(pgliteDirectory({ DATA_DIR: '/var/lib/rk' })).toBe('/var/lib/rk/pglite');
  });
});

describe('disclosure thresholds', () => {
  it('may be raised, never lowered below k = 5 (class) and k = 10 (exports)', () => {
    expect(parseEnv({ DISCLOSURE_CLASS_K: '8', DISCLOSURE_EXPORT_K: '20' })).toMatchObject({ DISCLOSURE_CLASS_K: 8, DISCLOSURE_EXPORT_K: 20 });
    expect(() => parseEnv({ DISCLOSURE_CLASS_K: '3' })).toThrow(/DISCLOSURE_CLASS_K/);
    expect(() => parseEnv({ DISCLOSURE_EXPORT_K: '9' })).toThrow(/DISCLOSURE_EXPORT_K/);
    const unset = parseEnv({});
    expect([unset.DISCLOSURE_CLASS_K, unset.DISCLOSURE_EXPORT_K]).toEqual([undefined, undefined]);
  });
});

describe('TRUSTED_PROXY_HOPS and RATE_LIMIT_SECRET', () => {
  it('count proxies from 0 (none, the default) to 10, and take a long secret', () => {
    expect(parseEnv({ TRUSTED_PROXY_HOPS: '2', RATE_LIMIT_SECRET: 'x'.repeat(32) })).toMatchObject({
      TRUSTED_PROXY_HOPS: 2,
      RATE_LIMIT_SECRET: 'x'.repeat(32),
    });
  });

  it('refuses a negative, fractional or huge hop count and a short secret, without echoing the secret', () => {
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: '-1' })).toThrow(/TRUSTED_PROXY_HOPS: at least 0/);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: '1.5' })).toThrow(/TRUSTED_PROXY_HOPS: a whole number/);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: '11' })).toThrow(/TRUSTED_PROXY_HOPS: at most 10/);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: 'yes' })).toThrow(/TRUSTED_PROXY_HOPS/);
    const short = () => parseEnv({ RATE_LIMIT_SECRET: 'hunter2' });
    expect(short).toThrow(/RATE_LIMIT_SECRET: at least 32 characters/);
    expect(short).not.toThrow(/hunter2/);
  });
});
