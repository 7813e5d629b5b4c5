/**
 * What a log line may say about an error, and whether an error means "the database is away".
 *
 * Driver errors carry request data: drizzle's `DrizzleQueryError` message holds the SQL and its
 * parameters (participant ids, answers, pairing hashes), and PostgreSQL's own messages quote
 * values ("invalid input syntax for type uuid: …"). So a log line names the error and its driver
 * code, down the `cause` chain, and the place in our code it came from, never a message
 * (DESIGN.md, privacy rules; SECURITY.md, "Logs"). Pure: no I/O.
 */

/** SQLSTATE classes and socket codes that mean the database can't be reached or is going down. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EPIPE',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
]);
/** Class 08: connection exception. */
const UNAVAILABLE_CLASS = '08';
/** What pg and PGlite throw without a code when their connection is gone. */
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /connection timeout/i,
  /Client has encountered a connection error/i,
  /PGlite is closed/i,
  /Cannot use a pool after calling end/i,
];

function* chain(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== undefined && current !== null && !seen.has(current) && seen.size < 8) {
    seen.add(current);
    yield current;
    current = current instanceof Error ? current.cause : undefined;
  }
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,32}$/.test(code) ? code : undefined;
}

/** Whether this error (or its cause) says the database is unreachable, rather than the query wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const link of chain(error)) {
    const code = codeOf(link);
    if (code !== undefined && (UNAVAILABLE_CODES.has(code) || code.startsWith(UNAVAILABLE_CLASS))) return true;
    // AggregateError (pg's connect to several addresses) holds the codes one level down.
    if (link instanceof AggregateError && link.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    if (link instanceof Error && codeOf(link) === undefined && UNAVAILABLE_MESSAGES.some((m) => m.test(link.message))) return true;
  }
  return false;
}

/** The first frame of the stack inside this repository, as `path:line`, without the message line. */
function origin(error: Error): string | undefined {
  const frames = (error.stack ?? '').split('\n').slice(1);
  for (const frame of frames) {
    const match = /\(?((?:\/|[A-Za-z]:\\)[^()]*?):(\d+):\d+\)?\s*$/.exec(frame.trim());
    if (!match?.[1] || match[1].includes('node_modules') || match[1].startsWith('node:')) continue;
    const file = match[1].replace(/^.*?\/(app|lib|components|scripts|tests|\.next)\//, '$1/');
    return `${file}:${match[2]}`;
  }
  return undefined;
}

/**
 * One log-safe line about an error: `DrizzleQueryError ← DatabaseError (23505) at lib/server/answers.ts:80`.
 * Names and codes only; no message, because messages carry values.
 */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let first: Error | undefined;
  for (const link of chain(error)) {
    if (!(link instanceof Error)) {
      parts.push(typeof link);
      continue;
    }
    first ??= link;
    const code = codeOf(link);
    parts.push(code === undefined ? link.name : `${link.name} (${code})`);
  }
  if (parts.length === 0) return typeof error;
  const where = first ? origin(first) : undefined;
  return `${parts.join(' ← ')}${where ? ` at ${where}` : ''}`;
}
