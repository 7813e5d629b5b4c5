/**
 * The client's TCP address, for rate limits. Next's route handlers, server actions and proxy.ts
 * see headers but not the socket, and the X-Forwarded-For that `next start` fills in is the
 * client's own when it sent one (base-server.js: `req.headers['x-forwarded-for'] ??=
 * socket.remoteAddress`). So every request gets one more header, written here from
 * `req.socket.remoteAddress` before Next reads anything, after any copy the client sent is
 * deleted: a client can't set it. lib/server/client-address.ts reads it.
 *
 * scripts/start.mjs installs this before it runs Next's CLI in the same process; the end-to-end
 * servers start through that script too. `next dev` and a bare `next start` don't have it, and
 * the app then counts every client under one key (and says so once in the log).
 */
import http from 'node:http';

export const SOCKET_ADDRESS_HEADER = 'x-roads-kill-socket-address';

/** @param {import('node:http').IncomingMessage} request */
export function stampSocketAddress(request) {
  delete request.headers[SOCKET_ADDRESS_HEADER];
  const address = request.socket.remoteAddress;
  if (address !== undefined) request.headers[SOCKET_ADDRESS_HEADER] = address;
}

/**
 * Makes every HTTP server this process creates from now on stamp its requests, ahead of its own
 * request listener (Next's `start-server.js` calls `http.createServer(requestListener)`).
 */
export function stampSocketAddressOnNewServers() {
  if (http.createServer.stampsSocketAddress) return;
  const createServer = http.createServer;
  /** @type {typeof http.createServer & { stampsSocketAddress?: true }} */
  const stamping = function (...args) {
    const server = createServer.apply(this, args);
    server.prependListener('request', stampSocketAddress);
    return server;
  };
  stamping.stampsSocketAddress = true;
  http.createServer = stamping;
}
