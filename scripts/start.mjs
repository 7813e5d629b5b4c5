/**
 * `npm start`: Next's own `next start`, plus five things of ours. Requests Next would answer
 * with a 500 (TRACE, malformed escapes, oversized actions) get 405/400/413 first
 * (scripts/request-guard.mjs); idle keep-alive connections stay open 65 s instead of Node's
 * 5 s, so a client reusing one is not reset (scripts/keep-alive.mjs); every request carries the
 * client's TCP address in a header no client can set (scripts/socket-address.mjs), for rate
 * limits; once nothing reads its output (its terminal or supervisor is gone), it stops as on
 * SIGTERM instead of spinning on errors it cannot print (scripts/output-gone.mjs); and
 * `npm start -- --demo` loads the synthetic demo data set (DEMO_DATA=1, see instrumentation.ts).
 * Every other argument goes to Next as it is. Next runs in this process, so the PID is the
 * server's and signals reach it.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { keepIdleConnectionsOnNewServers } from './keep-alive.mjs';
import { stopWhenOutputCloses } from './output-gone.mjs';
import { guardNewServers } from './request-guard.mjs';
import { stampSocketAddressOnNewServers } from './socket-address.mjs';

const args = process.argv.slice(2);
if (args.includes('--demo')) process.env.DEMO_DATA = '1';

guardNewServers();
keepIdleConnectionsOnNewServers();
stampSocketAddressOnNewServers();
stopWhenOutputCloses();
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
process.argv = [process.argv[0], nextBin, 'start', ...args.filter((arg) => arg !== '--demo')];
await import(pathToFileURL(nextBin).href);
