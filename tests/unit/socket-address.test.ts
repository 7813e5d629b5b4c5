/**
 * The socket address stamp that scripts/start.mjs puts on every request (scripts/socket-address.mjs),
 * on a real HTTP server over loopback: 127.0.0.2 and 127.0.0.3 are two "clients" of one machine.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress } from '@/lib/server/client-address';
import { SOCKET_ADDRESS_HEADER, stampSocketAddressOnNewServers } from '@/scripts/socket-address.mjs';

const originalCreateServer = http.createServer;
let server: http.Server;
let port = 0;

beforeAll(async () => {
  stampSocketAddressOnNewServers();
  stampSocketAddressOnNewServers(); // twice is once
  // Answers with what the app would see: the stamp, and the rate-limit key made from the headers.
  server = http.createServer((request, response) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ stamp: request.headers[SOCKET_ADDRESS_HEADER] ?? null, key: clientAddress(headers, 0) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  http.createServer = originalCreateServer;
  await new Promise((resolve) => server.close(resolve));
});

/** One request from `localAddress`; a header given as a list is sent as that many lines. */
function requestFrom(localAddress: string, headers: http.OutgoingHttpHeaders = {}): Promise<{ stamp: string | null; key: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: '/', localAddress, headers, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve(JSON.parse(body) as { stamp: string | null; key: string }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('the socket address stamp', () => {
  it('names the address each client connected from', async () => {
    expect(await requestFrom('127.0.0.2')).toEqual({ stamp: '127.0.0.2', key: '127.0.0.2' });
    expect(await requestFrom('127.0.0.3')).toEqual({ stamp: '127.0.0.3', key: '127.0.0.3' });
  });

  it('cannot be forged: a client-sent copy, or two, or forwarding headers change nothing', async () => {
    const forged = {
      [SOCKET_ADDRESS_HEADER.toUpperCase()]: ['198.51.100.1', '198.51.100.2'],
      'X-Forwarded-For': '198.51.100.3',
      'X-Real-IP': '198.51.100.4',
    };
    expect(await requestFrom('127.0.0.2', forged)).toEqual({ stamp: '127.0.0.2', key: '127.0.0.2' });
  });
});
