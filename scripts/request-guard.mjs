/**
 * Requests refused before Next sees them, because Next would answer them with a 500
 * (issue 12, "Clean edges"):
 * - TRACE, TRACK and CONNECT get 405 with `Allow` (Next has no handler for them and throws);
 * - a path with a malformed percent-escape (`%`, `%zz`, or bytes that aren't UTF-8 such as
 *   `%c0%ae`) or a dot segment (`..`, `%2e%2e`) gets 400 (Next's router throws on them);
 * - a Server Action whose declared body is over Next's 1 MB limit gets 413 (Next reads it and
 *   throws). A chunked body without Content-Length still reaches Next's own limit.
 * Each answer has the API's error shape, in the request's language (en-GB or pl), with the
 * messages read from messages/<locale>/ApiErrors.json. scripts/start.mjs installs this.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

export const REFUSED_METHODS = new Set(['TRACE', 'TRACK', 'CONNECT']);
export const ALLOWED_METHODS = 'GET, HEAD, POST';
/** Next's default `serverActions.bodySizeLimit`. */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;

/** @type {Map<string, Record<string, unknown>>} */
const messages = new Map();
function message(locale, code) {
  if (!messages.has(locale)) {
    const file = path.join(process.cwd(), 'messages', locale, 'ApiErrors.json');
    messages.set(locale, JSON.parse(readFileSync(file, 'utf8')));
  }
  const text = messages.get(locale)?.[code];
  return typeof text === 'string' ? text : code;
}

/** en-GB or pl from Accept-Language, by weight, the way lib/server/request-locale.ts does. */
export function guardLocale(acceptLanguage) {
  if (typeof acceptLanguage !== 'string') return 'en-GB';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag !== '' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const language = tag.split('-')[0];
    if (language === 'pl') return 'pl';
    if (language === 'en') return 'en-GB';
  }
  return 'en-GB';
}

/**
 * Whether a request path (without its query) has a percent-escape that can't be decoded, or a
 * dot segment, escaped or not.
 */
export function hasMalformedEscape(url) {
  const pathname = String(url ?? '').split(/[?#]/, 1)[0] ?? '';
  if (/%(?![0-9A-Fa-f]{2})/.test(pathname)) return true;
  try {
    // A segment that is or decodes to `.` or `..` (`%2e%2e`) would walk the path after routing;
    // browsers never send one (they resolve dot segments first).
    return pathname.split('/').some((segment) => /^\.{1,2}$/.test(decodeURIComponent(segment)));
  } catch {
    return true;
  }
}

/**
 * What to refuse, if anything: `{ status, code, headers }`, or null to let Next answer.
 * @param {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} request
 */
export function refusal(request) {
  const method = (request.method ?? 'GET').toUpperCase();
  if (REFUSED_METHODS.has(method)) return { status: 405, code: 'method_not_allowed', headers: { Allow: ALLOWED_METHODS } };
  if (hasMalformedEscape(request.url)) return { status: 400, code: 'malformed_url', headers: {} };
  const length = Number(request.headers['content-length']);
  if (request.headers['next-action'] !== undefined && Number.isFinite(length) && length > MAX_ACTION_BODY_BYTES) {
    return { status: 413, code: 'body_too_large', headers: { Connection: 'close' } };
  }
  return null;
}

/**
 * Answers a refused request and returns true, or returns false for Next to answer.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 */
export function guardRequest(request, response) {
  const refused = refusal(request);
  if (refused === null) return false;
  const locale = guardLocale(request.headers['accept-language']);
  const body = JSON.stringify({ error: { code: refused.code, message: message(locale, refused.code) } });
  response.writeHead(refused.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': Buffer.byteLength(body),
    ...refused.headers,
  });
  response.end(request.method === 'HEAD' ? undefined : body);
  // An unread body over the limit is not worth reading: the connection closes after the answer.
  if (refused.status === 413) request.resume();
  return true;
}

/**
 * Makes every HTTP server this process creates from now on run `guardRequest` before its own
 * request listener (Next's `start-server.js` calls `http.createServer(requestListener)`).
 */
export function guardNewServers() {
  if (http.createServer.guardsRequests) return;
  const createServer = http.createServer;
  /** @type {typeof http.createServer & { guardsRequests?: true }} */
  const guarding = function (...args) {
    const guardedArgs = args.map((arg) =>
      typeof arg === 'function'
        ? function (request, response) {
            if (guardRequest(request, response)) return undefined;
            return arg.call(this, request, response);
          }
        : arg,
    );
    return createServer.apply(this, guardedArgs);
  };
  guarding.guardsRequests = true;
  http.createServer = guarding;
}
