/**
 * The requests refused before Next sees them (scripts/request-guard.mjs), on a real HTTP server
 * over loopback, and its rules as a pure function.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardLocale, guardNewServers, hasMalformedEscape, MAX_ACTION_BODY_BYTES, refusal } from '@/scripts/request-guard.mjs';

describe('hasMalformedEscape', () => {
  it.each([
    ['/en-GB/join/ABC123', false],
    ['/api/v1/participants/%41%42/progress', false],
    ['/en-GB/%C5%BC', false],
    ['/en-GB/join?code=%zz', false],
    ['/api/v1/participants/%/progress', true],
    ['/api/v1/participants/%zz/progress', true],
    ['/api/v1/participants/%c0%ae/progress', true],
    ['/en-GB/%E2%82', true],
    ['/%', true],
    ['/api/v1/class-sessions/%2e%2e/events', true],
    ['/api/v1/teach/class-sessions/../commands', true],
    ['/en-GB/./learn', true],
    ['/en-GB/learn.', false],
    ['/api/v1/class-sessions/%2E/events', true],
    ['/api/v1/class-sessions/a%2e%2eb/events', false],
  ])('%s → %s', (url, expected) => {
    expect(hasMalformedEscape(url)).toBe(expected);
  });
});

describe('refusal', () => {
  it('refuses TRACE, TRACK and CONNECT, whatever the case', () => {
    for (const method of ['TRACE', 'trace', 'TRACK', 'CONNECT']) {
      expect(refusal({ method, url: '/', headers: {} })).toMatchObject({ status: 405, code: 'method_not_allowed' });
    }
    expect(refusal({ method: 'OPTIONS', url: '/', headers: {} })).toBeNull();
  });

  it('refuses a Server Action declared over the limit, and nothing else by size', () => {
    const over = String(MAX_ACTION_BODY_BYTES + 1);
    expect(refusal({ method: 'POST', url: '/en-GB/teach', headers: { 'next-action': 'abc', 'content-length': over } })).toMatchObject({
      status: 413,
      code: 'body_too_large',
    });
    expect(refusal({ method: 'POST', url: '/en-GB/teach', headers: { 'next-action': 'abc', 'content-length': String(MAX_ACTION_BODY_BYTES) } })).toBeNull();
    // The JSON API has its own 256 KB limit with its own 413.
    expect(refusal({ method: 'POST', url: '/api/v1/answers', headers: { 'content-length': over } })).toBeNull();
  });

  it('answers in the language asked for', () => {
    expect(guardLocale('pl-PL,pl;q=0.9,en;q=0.5')).toBe('pl');
    expect(guardLocale('en;q=0.9,pl;q=0.1')).toBe('en-GB');
    expect(guardLocale('de,fr')).toBe('en-GB');
    expect(guardLocale(undefined)).toBe('en-GB');
  });
});

describe('on a real server', () => {
  const originalCreateServer = http.createServer;
  let server: http.Server;
  let port = 0;
  let reachedApp = 0;

  beforeAll(async () => {
    guardNewServers();
    guardNewServers(); // twice is once
    server = http.createServer((_request, response) => {
      reachedApp += 1;
      response.end('app');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    http.createServer = originalCreateServer;
    await new Promise((resolve) => server.close(resolve));
  });

  function send(method: string, path: string, headers: http.OutgoingHttpHeaders = {}, body?: Buffer) {
    return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      });
      request.on('error', reject);
      request.end(body);
    });
  }

  it('lets ordinary requests through to the app', async () => {
    const before = reachedApp;
    expect((await send('GET', '/en-GB/join')).body).toBe('app');
    expect(reachedApp).toBe(before + 1);
  });

  it('answers TRACE with 405 and Allow, in the error shape, without reaching the app', async () => {
    const before = reachedApp;
    const response = await send('TRACE', '/', { 'accept-language': 'pl' });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD, POST');
    expect(JSON.parse(response.body)).toEqual({ error: { code: 'method_not_allowed', message: 'Ten adres nie przyjmuje tego rodzaju żądań.' } });
    expect(reachedApp).toBe(before);
  });

  it('answers a malformed escape with 400', async () => {
    const response = await send('GET', '/api/v1/participants/%c0%ae/progress');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error.code).toBe('malformed_url');
  });

  it('answers an oversized action with 413 without reading it', async () => {
    const body = Buffer.alloc(MAX_ACTION_BODY_BYTES + 10, 'a');
    const response = await send('POST', '/en-GB/teach', { 'next-action': '7f00', 'content-length': body.length }, body);
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body).error.code).toBe('body_too_large');
  });
});
