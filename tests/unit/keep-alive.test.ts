/**
 * The keep-alive timeouts scripts/start.mjs gives its server (scripts/keep-alive.mjs), on a real
 * HTTP server over loopback: a client reusing an idle connection is told how long it may, and
 * it is longer than Node's 5 s after which the end-to-end tests' request context was reset.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADERS_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS, keepIdleConnectionsOnNewServers } from '@/scripts/keep-alive.mjs';

const originalCreateServer = http.createServer;
let server: http.Server;
let port = 0;

beforeAll(async () => {
  keepIdleConnectionsOnNewServers();
  keepIdleConnectionsOnNewServers(); // twice is once
  server = http.createServer((_request, response) => response.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  http.createServer = originalCreateServer;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A GET over `agent`: the Keep-Alive header and the local port of the socket it went over. */
function get(agent: http.Agent): Promise<{ keepAlive: string | undefined; localPort: number | undefined }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/', agent }, (response) => {
      response.resume();
      response.on('end', () => resolve({ keepAlive: response.headers['keep-alive']?.toString(), localPort: request.socket?.localPort }));
    });
    request.on('error', reject);
  });
}

describe('idle keep-alive connections', () => {
  it('are kept longer than a reverse proxy’s idle minute, with headers given longer still', () => {
    expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(60_000);
    expect(server.keepAliveTimeout).toBe(KEEP_ALIVE_TIMEOUT_MS);
    expect(HEADERS_TIMEOUT_MS).toBeGreaterThan(KEEP_ALIVE_TIMEOUT_MS);
    expect(server.headersTimeout).toBe(HEADERS_TIMEOUT_MS);
  });

  it('are announced to the client, which reuses its socket for the next request', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await get(agent);
      expect(first.keepAlive).toBe(`timeout=${KEEP_ALIVE_TIMEOUT_MS / 1000}`);
      const second = await get(agent);
      expect(second.localPort).toBe(first.localPort);
    } finally {
      agent.destroy();
    }
  });

  it('leave servers made before the hook as Node makes them', () => {
    const before = originalCreateServer();
    expect(before.keepAliveTimeout).toBe(5_000);
  });
});
