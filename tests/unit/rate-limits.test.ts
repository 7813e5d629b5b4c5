/**
 * The rate-limit table (lib/server/rate-limit-postgres.ts): the same buckets as in memory, kept
 * in the database, on both engines; and on PostgreSQL, shared by two app "instances" (two
 * connection pools on one database, as two processes would have).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createDatabase, type Database, type DatabaseHandle } from '@/lib/db/client';
import { rateLimits } from '@/lib/db/schema';
import { createRateLimits, type RateLimits } from '@/lib/server/rate-limit';
import { createPostgresRateLimitStore, rateLimitSecret, type PostgresRateLimitStore } from '@/lib/server/rate-limit-postgres';
import { createFreshDatabase, type FreshDatabase } from '../support/postgres';
import { postgresServerForTests, setUpTestDatabase, testEngines } from './db-engines';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const SECRET = 'a test secret that is long enough for the setting';
const ADDRESS = '198.51.100.23';

function clock(start = Date.UTC(2026, 2, 2, 9)) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

const allowedCount = (decisions: { allowed: boolean }[]) => decisions.filter((decision) => decision.allowed).length;

describe.each(testEngines)('the rate-limit table on $name', (engine) => {
  const db = setUpTestDatabase(engine);
  let store: PostgresRateLimitStore;
  let limits: RateLimits;
  let time: ReturnType<typeof clock>;

  beforeEach(async () => {
    await db().delete(rateLimits);
    time = clock();
    store = createPostgresRateLimitStore(async () => db(), { secret: SECRET });
    limits = createRateLimits(store, time.now);
  });

  it('allows the burst, refuses the next with when to retry, and lets one through per interval', async () => {
    for (let i = 0; i < 5; i += 1) expect(await limits.take('signInAccount', 'a')).toEqual({ allowed: true, retryAfterMs: 0 });
    expect(await limits.take('signInAccount', 'a')).toEqual({ allowed: false, retryAfterMs: 3 * MINUTE });
    time.advance(MINUTE);
    expect(await limits.take('signInAccount', 'a')).toEqual({ allowed: false, retryAfterMs: 2 * MINUTE });
    time.advance(2 * MINUTE);
    expect(await limits.take('signInAccount', 'a')).toEqual({ allowed: true, retryAfterMs: 0 });
    expect((await limits.take('signInAccount', 'a')).allowed).toBe(false);
    // Other keys and other actions are counted apart.
    expect((await limits.take('signInAccount', 'b')).allowed).toBe(true);
    expect((await limits.take('signInAddress', 'a')).allowed).toBe(true);
  });

  it('takes a given-back attempt off the count, and forgets a key entirely', async () => {
    for (let i = 0; i < 5; i += 1) await limits.take('signInAccount', 'a');
    await limits.giveBack('signInAccount', 'a');
    expect((await limits.take('signInAccount', 'a')).allowed).toBe(true);
    expect((await limits.take('signInAccount', 'a')).allowed).toBe(false);
    await limits.forget('signInAccount', 'a');
    for (let i = 0; i < 5; i += 1) expect((await limits.take('signInAccount', 'a')).allowed).toBe(true);
  });

  it('counts attempts sent all at once one by one', async () => {
    const decisions = await Promise.all(Array.from({ length: 100 }, () => limits.take('joinCode', ADDRESS)));
    expect(allowedCount(decisions)).toBe(60);
  });

  it('stores no address, only a keyed hash, and deletes rows once their allowance is whole again', async () => {
    await limits.take('joinCode', ADDRESS);
    await limits.take('signInAccount', `olu@council.example\n${ADDRESS}`);
    const rows = await db().select().from(rateLimits);
    expect(rows).toHaveLength(2);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(ADDRESS);
    expect(stored).not.toContain('council');
    for (const row of rows) expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.map((row) => row.action).sort()).toEqual(['joinCode', 'signInAccount']);

    // A join-code attempt is back after 10 seconds, a sign-in one after 3 minutes.
    expect(await store.sweep(time.now() + 10 * SECOND)).toBe(1);
    expect(await store.sweep(time.now() + 3 * MINUTE)).toBe(1);
    expect(await db().select().from(rateLimits)).toEqual([]);
  });

  it('sweeps refilled rows by itself, at most once a minute', async () => {
    await limits.take('joinCode', ADDRESS);
    time.advance(30 * SECOND);
    await limits.take('joinCode', '198.51.100.24'); // the first take swept an empty table
    expect(await db().select().from(rateLimits)).toHaveLength(2);
    time.advance(40 * SECOND);
    await limits.take('joinCode', '198.51.100.25');
    expect((await db().select({ action: rateLimits.action }).from(rateLimits)).length).toBe(1);
  });
});

const serverUrl = postgresServerForTests();

describe.skipIf(serverUrl === undefined)('rate limits shared by two app instances on PostgreSQL', () => {
  let database: FreshDatabase | undefined;
  const handles: DatabaseHandle[] = [];
  let instanceA: RateLimits;
  let instanceB: RateLimits;

  beforeAll(async () => {
    if (serverUrl === undefined) return;
    // A copy of the run's migrated template (tests/support/database-templates.ts): each
    // instance's migrate() below has nothing left to do, as for an app instance started second.
    database = await createFreshDatabase(serverUrl, 'rk_test_limits_', { template: inject('postgresTemplate') });
    for (let i = 0; i < 2; i += 1) {
      const handle = await createDatabase({ engine: 'postgres', url: database.url });
      await handle.migrate();
      handles.push(handle);
    }
    // Each instance derives the secret from the same DATABASE_URL, as the app does.
    const secret = rateLimitSecret({ DATABASE_URL: database.url, RATE_LIMIT_SECRET: undefined });
    const [a, b] = handles.map((handle) => createPostgresRateLimitStore(async (): Promise<Database> => handle.db, { secret }));
    if (a === undefined || b === undefined) throw new Error('two instances expected');
    instanceA = createRateLimits(a);
    instanceB = createRateLimits(b);
  });

  afterAll(async () => {
    await Promise.all(handles.map((handle) => handle.close()));
    await database?.drop();
  });

  it('spend one allowance: wrong codes through A count on B', async () => {
    for (let i = 0; i < 60; i += 1) expect((await (i % 2 === 0 ? instanceA : instanceB).take('joinCode', ADDRESS)).allowed).toBe(true);
    expect((await instanceA.take('joinCode', ADDRESS)).allowed).toBe(false);
    expect(await instanceB.take('joinCode', ADDRESS)).toMatchObject({ allowed: false, retryAfterMs: expect.any(Number) });
    // Another client is not held up on either.
    expect((await instanceB.take('joinCode', '198.51.100.99')).allowed).toBe(true);
  });

  it('count a burst sent to both at once one by one: the limit in all, not the limit each', async () => {
    const key = '203.0.113.50';
    const decisions = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? instanceA : instanceB).take('joinCode', key)));
    expect(allowedCount(decisions)).toBe(60);
  });

  it('give back through one what was spent through the other', async () => {
    const key = `olu@council.example\n${ADDRESS}`;
    for (let i = 0; i < 5; i += 1) await instanceA.take('signInAccount', key);
    expect((await instanceB.take('signInAccount', key)).allowed).toBe(false);
    await instanceB.forget('signInAccount', key);
    expect((await instanceA.take('signInAccount', key)).allowed).toBe(true);
  });
});
