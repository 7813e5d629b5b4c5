/**
 * How long `npm start` keeps an idle keep-alive connection open. Node's default is 5 s, and a
 * client that reuses its idle socket just as the server closes it gets `ECONNRESET` on a request
 * the server never saw (the end-to-end tests did, on a busy machine). Browsers retry such a
 * request; Node's own HTTP agent, which Playwright's request context uses, does not, and
 * neither do all proxies. The server now keeps idle connections for 65 s, longer than the idle
 * timeout of common reverse proxies and load balancers (60 s), so the side that closes is the
 * client, which knows it is closing. It says so in its `Keep-Alive: timeout=65` header, which
 * Node's agent honours (it drops the socket a second early).
 *
 * `headersTimeout` stays above it, as Node's documentation asks, so a connection that is kept
 * open is never cut while the next request's headers arrive. `npm start -- --keepAliveTimeout
 * <ms>` still overrides the keep-alive time (Next sets it after creating the server).
 */
import http from 'node:http';

export const KEEP_ALIVE_TIMEOUT_MS = 65_000;
export const HEADERS_TIMEOUT_MS = KEEP_ALIVE_TIMEOUT_MS + 1_000;

/** Gives every HTTP server this process creates from now on the timeouts above. */
export function keepIdleConnectionsOnNewServers() {
  if (http.createServer.keepsIdleConnections) return;
  const createServer = http.createServer;
  /** @type {typeof http.createServer & { keepsIdleConnections?: true }} */
  const keeping = function (...args) {
    const server = createServer.apply(this, args);
    server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
    server.headersTimeout = HEADERS_TIMEOUT_MS;
    return server;
  };
  keeping.keepsIdleConnections = true;
  http.createServer = keeping;
}
