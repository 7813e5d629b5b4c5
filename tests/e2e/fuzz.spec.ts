/**
 * Issue 12, "Clean edges": at least 10,000 generated bad requests (fast-check) across every route
 * handler, page and staff form, against the running server, on each store (the `phone` project
 * runs it on PGlite, `phone-postgres` on PostgreSQL). No answer is 5xx, the server is still
 * healthy afterwards, and nothing in the database changed.
 *
 * The requests come from 127.0.0.9, so the rate limits they meet are not the other tests' limits.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import pg from 'pg';

const FUZZ_ADDRESS = '127.0.0.9';
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_500);
// Requests in flight at once: the server, not the test, sets the pace (12 keeps both cores busy on a 2-core machine).
const IN_FLIGHT = Number(process.env.FUZZ_IN_FLIGHT ?? 12);

test.describe.configure({ timeout: 15 * 60_000 });

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

interface Received {
  status: number;
  body: string;
}

function send(baseURL: string, request: Sent): Promise<Received> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        headers: { ...request.headers, ...(request.body ? { 'content-length': String(request.body.length) } : {}) },
        localAddress: FUZZ_ADDRESS,
        agent: false,
        timeout: 20_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          // An event stream that opened (it never does for a bad code) is cut short: its status is all we need.
          size += chunk.length;
          if (size < 64 * 1024) chunks.push(chunk);
          if (response.headers['content-type']?.startsWith('text/event-stream')) response.destroy();
        });
        response.on('close', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`timed out: ${request.method} ${request.path}`)));
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

// ---- Generators ---------------------------------------------------------------------------

/** A path segment: ordinary, odd, over-long, or with escapes that can't be decoded. */
const segment = fc.oneof(
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.uuid(),
  fc.stringMatching(/^[A-Z0-9]{1,10}$/),
  fc.constantFrom('%', '%zz', '%c0%ae', '%E2%82', '%00', '..', '%2e%2e', '%2F', 'a'.repeat(600), '%F0%9F%92%A9', '-1', '0', 'null'),
);

const locale = fc.constantFrom('en-GB', 'pl', 'de', 'EN-gb', '%zz', 'xx');

const query = fc.oneof(
  fc.constant(''),
  fc
    .dictionary(fc.constantFrom('code', 'term', 'year', 'school', 'from', 'to', 'step', 'participant', 'section', 'x'), fc.string({ maxLength: 30 }), {
      maxKeys: 4,
    })
    .map((entries) => `?${new URLSearchParams(entries).toString()}`),
  fc.constantFrom('?%zz=1', '?term=%', '?year=99999999999999999999', '?school=' + 'x'.repeat(3000)),
);

const headers = fc.record({
  'accept-language': fc.oneof(fc.constant('en-GB'), fc.constant('pl'), fc.string({ maxLength: 30 }).map((s) => s.replace(/[^\x20-\x7e]/g, ''))),
  'content-type': fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', ''),
});

/** A body that can't be valid: JSON of the wrong shape, not JSON, or bytes. */
const junkBody = fc.oneof(
  fc.json({ maxDepth: 3 }).map((text) => Buffer.from(text)),
  fc.string({ maxLength: 200 }).map((text) => Buffer.from(text)),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  fc.constantFrom('', '{', '[]', 'null', '{"id":"\u0000"}', '{"participantId":"x","answers":"y"}').map((text) => Buffer.from(text)),
);

const badInstant = fc.constantFrom('0000-01-01T00:00:00Z', '-000001-01-01T00:00:00Z', '+275760-09-13T00:00:00.001Z', 'not a date', '', '2025-13-45T99:99:99Z');

/**
 * A batch of answers for the one participant registered before the run, each made invalid in
 * at least one way the API must refuse (an unknown item, a broken instant, a wrong kind…), so
 * no request here can store anything.
 */
function badAnswers(participantId: string) {
  const answer = fc.record({
    id: fc.oneof(fc.uuid(), fc.string({ maxLength: 40 })),
    itemId: fc.oneof(fc.constant('no-such-item'), fc.string({ maxLength: 60 }), fc.constant('\u0000')),
    phase: fc.oneof(fc.constantFrom('before', 'main', 'after', 'followup', 'nope'), fc.string()),
    contentVersion: fc.string({ maxLength: 80 }),
    answeredAt: fc.oneof(badInstant, fc.string({ maxLength: 30 })),
    response: fc.oneof(
      fc.record({ kind: fc.constantFrom('choice', 'order'), optionIds: fc.array(fc.string({ maxLength: 20 }), { maxLength: 6 }) }),
      fc.record({ kind: fc.constant('number'), value: fc.oneof(fc.double(), fc.constant(1e308)) }),
      fc.record({ kind: fc.constant('plan'), planIds: fc.array(fc.string()), ownPlanCount: fc.integer() }),
      fc.anything({ maxDepth: 2 }),
    ),
    confidence: fc.oneof(fc.integer({ min: -5, max: 10 }), fc.string()),
  });
  return fc
    .record({ participantId: fc.oneof(fc.constant(participantId), fc.uuid(), fc.string()), answers: fc.array(answer, { minLength: 1, maxLength: 4 }) })
    .map((body) => Buffer.from(JSON.stringify(body)));
}

interface Target {
  name: string;
  request: fc.Arbitrary<Sent>;
}

const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'TRACK', 'PROPFIND');

function targets(participantId: string, actionIds: readonly string[]): Target[] {
  const api = (template: (s: string) => string, methods = method, body = junkBody): fc.Arbitrary<Sent> =>
    fc.record({ seg: segment, method: methods, headers, body, query }).map(({ seg, method: m, headers: h, body: b, query: q }) => ({
      method: m,
      path: template(seg) + q,
      headers: h,
      ...(m === 'GET' || m === 'HEAD' || m === 'TRACE' ? {} : { body: b }),
    }));
  const list: Target[] = [
    { name: 'participants', request: api(() => '/api/v1/participants') },
    { name: 'answers', request: api(() => '/api/v1/answers', fc.constant('POST'), fc.oneof(junkBody, badAnswers(participantId))) },
    { name: 'progress', request: api((s) => `/api/v1/participants/${s}/progress`) },
    { name: 'class session', request: api((s) => `/api/v1/class-sessions/${s}`) },
    { name: 'class choices', request: api((s) => `/api/v1/class-sessions/${s}/choices`) },
    { name: 'class events', request: api((s) => `/api/v1/class-sessions/${s}/events`, fc.constantFrom('GET', 'POST', 'TRACE')) },
    { name: 'join', request: api((s) => `/api/v1/class-sessions/${s}/participants`) },
    { name: 'results', request: api(() => '/api/v1/results') },
    { name: 'teach commands', request: api((s) => `/api/v1/teach/class-sessions/${s}/commands`) },
    { name: 'teach events', request: api((s) => `/api/v1/teach/class-sessions/${s}/events`) },
    { name: 'openapi and health', request: api(() => '/api/v1/openapi.json') },
    {
      name: 'pages',
      request: fc
        .record({
          locale,
          page: fc.constantFrom(
            '',
            '/learn',
            '/join',
            '/join/SEG',
            '/session/SEG',
            '/privacy',
            '/support',
            '/staff/sign-in',
            '/staff/setup/SEG',
            '/staff/invite/SEG',
            '/teach',
            '/teach/sessions/new',
            '/teach/sessions/SEG',
            '/teach/sessions/SEG/report',
            '/teach/sessions/SEG/report/csv',
            '/results',
            '/results/SEG',
            '/results/report',
            '/results/report/csv',
            '/admin',
            '/admin/people',
            '/SEG',
          ),
          seg: segment,
          query,
          method: fc.constantFrom('GET', 'HEAD', 'POST', 'TRACE', 'OPTIONS'),
          headers,
          body: junkBody,
        })
        .map(({ locale: l, page, seg, query: q, method: m, headers: h, body }) => ({
          method: m,
          path: `/${l}${page.replace('SEG', seg)}${q}`,
          headers: h,
          ...(m === 'POST' ? { body } : {}),
        })),
    },
  ];
  if (actionIds.length > 0) {
    // Server Actions: a real action id (or a made-up one) with a payload that isn't a valid form.
    list.push({
      name: 'staff forms',
      request: fc
        .record({
          action: fc.oneof(fc.constantFrom(...actionIds), fc.stringMatching(/^[0-9a-f]{1,42}$/)),
          page: fc.constantFrom('/en-GB/staff/sign-in', '/pl/staff/sign-in', '/en-GB/teach/sessions/new', '/en-GB/admin/people'),
          contentType: fc.constantFrom('text/plain;charset=UTF-8', 'multipart/form-data; boundary=----x', 'application/x-www-form-urlencoded', 'application/json'),
          body: fc.oneof(
            junkBody,
            fc.constantFrom('[]', '["$K1"]', '["$@"]', '------x\r\nContent-Disposition: form-data; name="1_$ACTION_ID"\r\n\r\n\r\n------x--').map((t) => Buffer.from(t)),
          ),
        })
        .map(({ action, page, contentType, body }) => ({
          method: 'POST',
          path: page,
          headers: { 'next-action': action, 'content-type': contentType, accept: 'text/x-component', origin: 'http://127.0.0.1' },
          body,
        })),
    });
  }
  return list;
}

/** The action ids the sign-in page's form posts to, read from its HTML. */
async function actionIdsOf(baseURL: string): Promise<string[]> {
  const page = await send(baseURL, { method: 'GET', path: '/en-GB/staff/sign-in', headers: {} });
  return [...new Set([...page.body.matchAll(/\$ACTION_ID_([0-9a-f]{40,})/g)].map((m) => m[1] as string))];
}

/**
 * What PostgreSQL holds, for the "nothing changed" check. Other tests of the same project run at
 * the same time and add participants and answers of their own, so those two tables are checked by
 * the ids this run sent instead (`sentIdsStored`); rate_limits count requests, which bad
 * requests are meant to change.
 */
const SHARED_TABLES = new Set(['participants', 'answers', 'answer_replays', 'rate_limits']);

async function withDatabase<T>(task: (client: pg.Client) => Promise<T>): Promise<T | null> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) return null;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

function tableCounts(): Promise<Record<string, number> | null> {
  return withDatabase(async (client) => {
    const tables = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    const counts: Record<string, number> = {};
    for (const { tablename } of tables.rows) {
      if (SHARED_TABLES.has(tablename)) continue;
      const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${tablename}"`);
      counts[tablename] = Number(result.rows[0]?.n ?? 0);
    }
    return counts;
  });
}

/** How many of the UUIDs this run sent are stored as a participant, an answer or a replay. */
function sentIdsStored(ids: readonly string[]): Promise<number | null> {
  return withDatabase(async (client) => {
    let stored = 0;
    for (const table of ['participants', 'answers', 'answer_replays']) {
      const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}" WHERE id::text = ANY($1::text[])`, [ids]);
      stored += Number(result.rows[0]?.n ?? 0);
    }
    return stored;
  });
}

test('10,000 generated bad requests: no 5xx, no crash, no change to the database', async ({ baseURL }, testInfo) => {
  if (!baseURL) throw new Error('no baseURL');

  // One participant with one stored answer, to aim answers at and to see that nothing was added.
  const participantId = randomUUID();
  const registered = await send(baseURL, {
    method: 'POST',
    path: '/api/v1/participants',
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify({ id: participantId, locale: 'en-GB' })),
  });
  expect(registered.status).toBe(201);
  const progressBefore = await send(baseURL, { method: 'GET', path: `/api/v1/participants/${participantId}/progress`, headers: {} });
  const countsBefore = await tableCounts();

  const all = targets(participantId, await actionIdsOf(baseURL));
  const requests = fc.sample(fc.oneof(...all.map((t) => t.request.map((r) => ({ target: t.name, ...r })))), { numRuns: RUNS, seed: 20261201 });
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  async function worker() {
    while (next < requests.length) {
      const request = requests[next++];
      if (!request) break;
      let received: Received;
      try {
        received = await send(baseURL as string, request);
      } catch (error) {
        failures.push(`${request.target}: ${request.method} ${request.path.slice(0, 120)} → ${(error as Error).message}`);
        continue;
      }
      statuses.set(received.status, (statuses.get(received.status) ?? 0) + 1);
      if (received.status >= 500 || received.status === 0) {
        failures.push(`${request.target}: ${request.method} ${request.path.slice(0, 120)} → ${received.status} ${received.body.slice(0, 200)}`);
      }
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  console.log(`fuzz on ${testInfo.project.name}: ${requests.length} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);

  expect(failures.slice(0, 20)).toEqual([]);
  expect(requests.length).toBeGreaterThanOrEqual(10_000);

  const health = await send(baseURL, { method: 'GET', path: '/api/v1/health', headers: {} });
  expect(health.status).toBe(200);
  const progressAfter = await send(baseURL, { method: 'GET', path: `/api/v1/participants/${participantId}/progress`, headers: {} });
  expect(progressAfter).toEqual(progressBefore);
  if (countsBefore !== null) {
    expect(await tableCounts()).toEqual(countsBefore);
    // Every UUID anywhere in what was sent, but the one participant registered on purpose.
    const sent = new Set(requests.flatMap((r) => [...`${r.path} ${r.body?.toString('utf8') ?? ''}`.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi)].map((m) => m[0].toLowerCase())));
    sent.delete(participantId);
    expect(await sentIdsStored([...sent])).toBe(0);
  }
});
