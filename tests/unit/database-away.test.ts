/**
 * Issue 12, parts 5 and 6: while the database is away, writes get 503 with Retry-After and the
 * health endpoint says unhealthy; a database error's log line names the error and its code and
 * carries nothing the student sent (drizzle's message holds the query's parameters).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { POST as postAnswers } from '@/app/api/v1/answers/route';
import { GET as getHealth, HEAD as headHealth } from '@/app/api/v1/health/route';
import { POST as postParticipant } from '@/app/api/v1/participants/route';
import { apiErrorSchema } from '@/lib/api/schemas';
import { useModuleForTests } from '@/lib/content/load';
import { createDatabase, useDatabaseForTests, type Database } from '@/lib/db/client';
import { describeError, isDatabaseUnavailable } from '@/lib/server/error-log';
import { countAnswers, setUpTestDatabase, testEngines } from './db-engines';
import { answerBatch, testModule } from './test-module';

function post(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** A database that is gone: PGlite closed, or PostgreSQL on a port where nothing listens. */
async function unreachableDatabase(engine: 'pglite' | 'postgres'): Promise<{ db: Database; dispose(): Promise<void> }> {
  if (engine === 'pglite') {
    const handle = await createDatabase({ engine: 'pglite' });
    await handle.close();
    return { db: handle.db, dispose: async () => undefined };
  }
  const handle = await createDatabase({ engine: 'postgres', url: 'postgres://postgres@127.0.0.1:1/test?connect_timeout=2' });
  return { db: handle.db, dispose: () => handle.close() };
}

describe('describeError', () => {
  it('names the error chain and its codes, never a message', () => {
    const driver = Object.assign(new Error('duplicate key value violates unique constraint, Key (id)=(secret-id)'), {
      name: 'DatabaseError',
      code: '23505',
    });
    const wrapped = new Error('Failed query: insert into "answers" values ($1)\nparams: secret-id,drink-driver', { cause: driver });
    wrapped.name = 'DrizzleQueryError';
    const line = describeError(wrapped);
    expect(line).toMatch(/^DrizzleQueryError ← DatabaseError \(23505\)/);
    expect(line).not.toContain('secret-id');
    expect(line).not.toContain('drink-driver');
    expect(line).not.toContain('Failed query');
  });

  it('drops a code that could carry data', () => {
    const odd = Object.assign(new Error('x'), { code: 'user typed this: 1234' });
    expect(describeError(odd)).toMatch(/^Error( at |$)/);
  });

  it('says what a thrown non-error was, not its value', () => {
    expect(describeError('participant 123')).toBe('string');
    expect(describeError({ participantId: '123' })).toBe('object');
  });
});

describe('isDatabaseUnavailable', () => {
  const coded = (code: string) => Object.assign(new Error('m'), { code });
  it.each([
    ['ECONNREFUSED', true],
    ['57P01', true],
    ['08006', true],
    ['53300', true],
    ['23505', false],
    ['22P02', false],
  ])('%s → %s', (code, expected) => {
    expect(isDatabaseUnavailable(coded(code))).toBe(expected);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: coded(code) }))).toBe(expected);
  });

  it('reads AggregateError (pg connecting to several addresses) and closed clients', () => {
    expect(isDatabaseUnavailable(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]))).toBe(true);
    expect(isDatabaseUnavailable(new Error('PGlite is closed'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('syntax error at or near "x"'))).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});

describe.each(testEngines)('the database away, on $name', (engine) => {
  const db = setUpTestDatabase(engine);
  let error: MockInstance<typeof console.error>;
  let warn: MockInstance<typeof console.warn>;

  beforeAll(() => useModuleForTests(testModule));
  afterAll(() => {
    useModuleForTests(undefined);
    useDatabaseForTests(undefined);
  });
  beforeEach(() => {
    useDatabaseForTests(db());
    error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    error.mockRestore();
    warn.mockRestore();
  });

  it('health says ok while the database answers', async () => {
    const response = await getHealth();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { status: string; database: { state: string } };
    expect(body.status).toBe('ok');
    expect(body.database.state).toBe('ok');
    expect((await headHealth()).status).toBe(200);
  });

  it('writes get 503 with Retry-After, health says unhealthy, and nothing is stored', async () => {
    const participantId = randomUUID();
    expect((await postParticipant(post('/api/v1/participants', { id: participantId, locale: 'en-GB' }))).status).toBe(201);
    const gone = await unreachableDatabase(engine.name);
    try {
      useDatabaseForTests(gone.db);
      const answers = await postAnswers(post('/api/v1/answers', { participantId, answers: answerBatch() }, { 'accept-language': 'pl' }));
      expect(answers.status).toBe(503);
      expect(answers.headers.get('retry-after')).toBe('5');
      const body = apiErrorSchema.parse(await answers.json()).error;
      expect(body.code).toBe('database_unavailable');
      expect(body.message).toMatch(/bazą danych/);

      const register = await postParticipant(post('/api/v1/participants', { id: randomUUID(), locale: 'en-GB' }));
      expect(register.status).toBe(503);

      const health = await getHealth();
      expect(health.status).toBe(503);
      expect(health.headers.get('retry-after')).toBe('5');
      expect(((await health.json()) as { status: string }).status).toBe('unhealthy');
      expect((await headHealth()).status).toBe(503);
    } finally {
      useDatabaseForTests(db());
      await gone.dispose();
    }
    expect(await countAnswers(db())).toBe(0);
  });

  it('a forced database error logs its name and code, and nothing the student sent', async () => {
    const participantId = randomUUID();
    expect((await postParticipant(post('/api/v1/participants', { id: participantId, locale: 'en-GB' }))).status).toBe(201);
    // Every insert into answers now fails inside PostgreSQL, after validation passed.
    await db().execute(sql.raw('ALTER TABLE answers ADD CONSTRAINT forced_failure CHECK (false) NOT VALID'));
    try {
      const batch = answerBatch();
      const response = await postAnswers(post('/api/v1/answers', { participantId, answers: batch }));
      expect(response.status).toBe(500);
      expect(apiErrorSchema.parse(await response.json()).error.code).toBe('internal_error');

      const logged = error.mock.calls.map((call) => call.map(String).join(' ')).join('\n');
      expect(logged).toMatch(/\[api\] 500 internal_error POST \/api\/v1\/answers: .*\(23514\)/);
      for (const secret of [participantId, ...batch.map((a) => a.id), 'one-in-fifty', 'plan-call', 'decline']) {
        expect(logged).not.toContain(secret);
      }
      expect(logged).not.toMatch(/insert into|params/i);
    } finally {
      await db().execute(sql.raw('ALTER TABLE answers DROP CONSTRAINT forced_failure'));
    }
    expect(await countAnswers(db())).toBe(0);
  });
});
