import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { failure, parseJsonBody, respond, success, validate } from '@/lib/server/http';
import { negotiateLocale } from '@/lib/server/request-locale';

describe('negotiateLocale', () => {
  it.each([
    [null, 'en-GB'],
    ['', 'en-GB'],
    ['pl', 'pl'],
    ['PL-pl', 'pl'],
    ['pl-PL,pl;q=0.9,en;q=0.8', 'pl'],
    ['en-US,en;q=0.9,pl;q=0.8', 'en-GB'],
    ['de-DE,pl;q=0.5', 'pl'],
    ['de-DE,fr;q=0.5', 'en-GB'],
    ['en;q=0.2,pl;q=0.8', 'pl'],
    ['pl;q=0,en', 'en-GB'],
    ['*', 'en-GB'],
    ['en-GB', 'en-GB'],
    ['pl;q=oops,en;q=0.1', 'en-GB'],
  ] as const)('%j → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe('validate', () => {
  const schema = z.object({ count: z.int().min(1), tags: z.array(z.string()) });

  it('names nested fields with dots and array indexes', () => {
    expect(validate(schema, { count: 0, tags: ['a', 3] }, 'en-GB')).toEqual({
      ok: false,
      issues: [
        { path: 'count', message: 'Too small: expected number to be >=1' },
        { path: 'tags.1', message: 'Invalid input: expected string, received number' },
      ],
    });
  });

  it('words issues in Polish', () => {
    expect(validate(schema, { count: 1 }, 'pl')).toEqual({
      ok: false,
      issues: [{ path: 'tags', message: 'Nieprawidłowe dane wejściowe: oczekiwano tablica, otrzymano undefined' }],
    });
  });

  it('names the whole value with an empty path', () => {
    expect(validate(schema, 'nope', 'en-GB')).toEqual({
      ok: false,
      issues: [{ path: '', message: 'Invalid input: expected object, received string' }],
    });
  });

  it('returns the parsed value', () => {
    expect(validate(schema, { count: 2, tags: [] }, 'pl')).toEqual({ ok: true, data: { count: 2, tags: [] } });
  });
});

describe('parseJsonBody', () => {
  const schema = z.object({ n: z.number() });
  const request = (body: BodyInit | null) => new Request('http://localhost/x', { method: 'POST', body });

  it('parses and validates', async () => {
    expect(await parseJsonBody(request('{"n": 1}'), schema, 'en-GB')).toEqual({ ok: true, data: { n: 1 } });
  });

  it('calls an empty body invalid JSON', async () => {
    expect(await parseJsonBody(request(null), schema, 'en-GB')).toEqual({
      ok: false,
      failure: { status: 400, code: 'invalid_json' },
    });
  });

  it('calls bytes that are not UTF-8 invalid JSON', async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0xff, 0x7d]);
    expect(await parseJsonBody(request(bytes), schema, 'en-GB')).toEqual({
      ok: false,
      failure: { status: 400, code: 'invalid_json' },
    });
  });

  it('stops reading a stream past 256 KB', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(chunk);
      },
    });
    const streamed = new Request('http://localhost/x', { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(await parseJsonBody(streamed, schema, 'en-GB')).toEqual({
      ok: false,
      failure: { status: 413, code: 'body_too_large' },
    });
    expect(pulled).toBeLessThanOrEqual(6); // 5 chunks pass the limit; an endless stream is not read to its end
  });
});

describe('respond', () => {
  afterEach(() => vi.restoreAllMocks());
  const request = (headers: Record<string, string> = {}) => new Request('http://localhost/x', { headers });

  it('answers with the outcome, never cached', async () => {
    const response = await respond(request(), 'GET /x', async () => success({ hello: 'world' }, 201));
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ hello: 'world' });
  });

  it('hands the handler the locale of the request', async () => {
    const seen: string[] = [];
    await respond(request({ 'accept-language': 'pl' }), 'GET /x', async (locale) => {
      seen.push(locale);
      return success({});
    });
    expect(seen).toEqual(['pl']);
  });

  it('turns an unexpected error into a logged 500 without request data', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await respond(request({ 'accept-language': 'pl' }), 'POST /x', async () => {
      throw new TypeError('database went away');
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: {
        code: 'internal_error',
        message: 'Na serwerze wystąpił błąd. Nic nie zostało zapisane – spróbuj ponownie.',
      },
    });
    // The error's name and where it came from: its message may quote what the student sent.
    expect(error.mock.calls).toEqual([['[api] 500 internal_error POST /x: TypeError at tests/unit/http.test.ts:122']]);
  });

  it('includes a driver error code in the log line, and answers a database that is away with 503 and Retry-After', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await respond(request(), 'POST /x', async () => {
      throw Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(error.mock.calls).toEqual([['[api] 503 database_unavailable POST /x: Error (ECONNREFUSED) at tests/unit/http.test.ts:138']]);
  });

  it('translates content problems into issues', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const response = await respond(request(), 'POST /x', async () =>
      failure(422, 'invalid_answer', [
        { path: 'answers.0.response', problem: 'bad_order' },
        { path: 'answers.1.response', problem: 'unknown_plan' },
      ]),
    );
    expect(await response.json()).toEqual({
      error: {
        code: 'invalid_answer',
        message: "None of these answers match the questions in this module. Nothing was saved.",
        issues: [
          { path: 'answers.0.response', message: 'Put every option in order, each once.' },
          { path: 'answers.1.response', message: "One of the plans isn't part of this module." },
        ],
      },
    });
  });
});
