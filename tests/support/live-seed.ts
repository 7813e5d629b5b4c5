/**
 * What a test or benchmark needs to drive a live class session across real app instances: a
 * fresh PostgreSQL database with a teacher signed in and a live session in it, `next start`
 * instances run by their own PID, and a small server-sent events client for Node.
 * Used by tests/e2e/two-instances.spec.ts and bench/live-session.ts.
 *
 * lib/server modules begin with `import 'server-only'`, which throws unless Node resolves with
 * the `react-server` condition (as `tsx --conditions=react-server` does for the benchmarks).
 * So this file imports them only inside `seedLiveSession`, and Playwright, which can't set that
 * condition, seeds through a child process instead (`seedLiveSessionInChildProcess`).
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';

export interface SeededLiveSession {
  sessionId: string;
  joinCode: string;
  /** The teacher's staff session cookie, as a `Cookie` header: `<name>=<token>`. */
  cookie: string;
}

export interface SeedOptions {
  /** Whether the session asks the before and after questions (on by default, as in the teacher's form). */
  beforeAfter?: boolean;
}

/**
 * Migrates an empty database and adds an organisation, a teacher in it, a staff session for
 * the teacher (only the token's hash is stored, as on sign-in) and a live class session.
 * Needs the `react-server` condition; see the note at the top.
 */
export async function seedLiveSession(databaseUrl: string, { beforeAfter = true }: SeedOptions = {}): Promise<SeededLiveSession> {
  const [{ createDatabase }, schema, { getModule, MODULE_ID }, { hashPassword }, { createStaffSession }, { STAFF_SESSION_COOKIE }, { createClassSession }] =
    await Promise.all([
      import('@/lib/db/client'),
      import('@/lib/db/schema'),
      import('@/lib/content/load'),
      import('@/lib/server/auth/password'),
      import('@/lib/server/auth/staff-sessions'),
      import('@/lib/server/auth/cookies'),
      import('@/lib/server/class-sessions'),
    ]);
  const handle = await createDatabase({ engine: 'postgres', url: databaseUrl });
  try {
    await handle.migrate();
    const { db } = handle;
    const suffix = randomBytes(4).toString('hex');
    const [organisation] = await db
      .insert(schema.organisations)
      .values({ name: `Load Test College ${suffix}`, kind: 'college', area: 'North Somerset' })
      .returning({ id: schema.organisations.id });
    if (!organisation) throw new Error('seed: the organisation was not inserted');
    const [teacher] = await db
      .insert(schema.staffUsers)
      .values({
        email: `teacher-${suffix}@school.example`,
        displayName: `Teacher ${suffix}`,
        role: 'teacher',
        organisationId: organisation.id,
        // Nobody signs in with it: the cookie below is the way in.
        passwordHash: await hashPassword(randomUUID()),
      })
      .returning({ id: schema.staffUsers.id });
    if (!teacher) throw new Error('seed: the teacher was not inserted');
    const staffSession = await createStaffSession(db, teacher.id);
    const { version } = await getModule();
    const session = await createClassSession(db, {
      moduleId: MODULE_ID,
      contentVersion: version,
      organisationId: organisation.id,
      hostId: teacher.id,
      mode: 'live',
      beforeAfter,
      closesAt: null,
    });
    return { sessionId: session.id, joinCode: session.joinCode, cookie: `${STAFF_SESSION_COOKIE}=${staffSession.token}` };
  } finally {
    await handle.close();
  }
}

const seededSchema = z.object({ sessionId: z.uuid(), joinCode: z.string().regex(/^[A-Z0-9]{6}$/), cookie: z.string().min(1) });

/** `seedLiveSession` in a child Node process with the `react-server` condition, for Playwright. */
export async function seedLiveSessionInChildProcess(databaseUrl: string, options: SeedOptions = {}): Promise<SeededLiveSession> {
  const script = `
    const { seedLiveSession } = await import(${JSON.stringify(path.join(process.cwd(), 'tests', 'support', 'live-seed.ts'))});
    const seeded = await seedLiveSession(process.env.RK_SEED_DATABASE_URL, JSON.parse(process.env.RK_SEED_OPTIONS));
    process.stdout.write(JSON.stringify(seeded) + '\\n');`;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', '--input-type=module', '--eval', script],
    { cwd: process.cwd(), env: { ...withoutNodeOptions(process.env), RK_SEED_DATABASE_URL: databaseUrl, RK_SEED_OPTIONS: JSON.stringify(options) }, timeout: 120_000 },
  );
  const lastLine = stdout.trim().split('\n').at(-1) ?? '';
  return seededSchema.parse(JSON.parse(lastLine));
}

export { createFreshDatabase, databaseUrlOn, postgresServerUrl, type FreshDatabase } from './postgres';

/** A copy of an environment without NODE_OPTIONS, so a test runner's loader hooks stay out of child processes. */
function withoutNodeOptions(source: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _nodeOptions, ...rest } = source;
  return rest;
}

export interface AppInstance {
  name: string;
  port: number;
  /** `http://127.0.0.1:<port>`: also what the Origin header of a staff command must say. */
  origin: string;
  pid: number;
  /** The server's recent stdout and stderr, for a failure message. */
  output(): string;
  /** SIGTERM to this PID, SIGKILL if it hasn't gone after 10 s. */
  stop(): Promise<void>;
}

export interface StartAppOptions {
  name: string;
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
  /** How long to wait for `/en-GB/privacy` to answer 200. */
  timeoutMs?: number;
}

const OUTPUT_LINES = 400;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the production build (`.next/` must exist) as `npm start` does (scripts/start.mjs:
 * `next start` with each request's socket address stamped), and waits until it serves pages.
 */
export async function startAppInstance({ name, port, databaseUrl, env = {}, timeoutMs = 120_000 }: StartAppOptions): Promise<AppInstance> {
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join('scripts', 'start.mjs'), '-p', String(port), '-H', '127.0.0.1'], {
    cwd: process.cwd(),
    env: {
      ...withoutNodeOptions(process.env),
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      // Blank means unset (lib/env.ts): the seeded teacher exists, so no setup link is printed anyway.
      SETUP_LINK_FILE: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { pid } = child;
  if (pid === undefined) throw new Error(`${name}: next start did not start`);

  const lines: string[] = [];
  const capture = (stream: NodeJS.ReadableStream) => {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) lines.push(`[${name}] ${line}`);
      if (lines.length > OUTPUT_LINES) lines.splice(0, lines.length - OUTPUT_LINES);
    });
  };
  if (child.stdout) capture(child.stdout);
  if (child.stderr) capture(child.stderr);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  const output = () => lines.join('\n');

  const instance: AppInstance = {
    name,
    port,
    origin,
    pid,
    output,
    async stop() {
      if (exitCode !== undefined) return;
      try {
        process.kill(pid, 'SIGTERM');
      } catch (error) {
        // Already gone (e.g. Ctrl-C reached the whole process group first).
        if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
        throw error;
      }
      const gone = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!gone) {
        process.kill(pid, 'SIGKILL');
        await exited;
      }
    },
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`${name} exited (code ${exitCode}) before serving on ${origin}:\n${output()}`);
    const status = await fetch(`${origin}/en-GB/privacy`, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return instance;
    if (Date.now() > deadline) {
      await instance.stop();
      throw new Error(`${name} did not serve /en-GB/privacy with 200 within ${timeoutMs} ms (last status ${status}):\n${output()}`);
    }
    await sleep(300);
  }
}

export interface ServerSentEvent {
  event: string;
  data: string;
}

export interface EventStream {
  /** Resolves once the server has answered 200 with an event stream; rejects otherwise. */
  opened: Promise<void>;
  /** Resolves when the stream ends: closed here, ended by the server, or broken. */
  ended: Promise<{ by: 'client' | 'server' | 'error'; error?: unknown }>;
  close(): void;
}

/**
 * A minimal EventSource for Node: fetch and a stream reader, parsing `event:` and `data:` lines
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation).
 * It does not reconnect: a test wants to see a dropped stream, not have it papered over.
 */
export function openEventStream(
  url: string,
  onEvent: (event: ServerSentEvent) => void,
  { headers = {} }: { headers?: Record<string, string> } = {},
): EventStream {
  const abort = new AbortController();
  let markOpened: () => void = () => {};
  let failOpening: (error: unknown) => void = () => {};
  const opened = new Promise<void>((resolve, reject) => {
    markOpened = resolve;
    failOpening = reject;
  });
  // A caller that only listens for events needn't await `opened`; its rejection is still reported through `ended`.
  opened.catch(() => undefined);

  const read = async (): Promise<{ by: 'client' | 'server' | 'error'; error?: unknown }> => {
    try {
      const response = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: abort.signal });
      const type = response.headers.get('content-type') ?? '';
      if (response.status !== 200 || !type.startsWith('text/event-stream') || response.body === null) {
        const body = await response.text().catch(() => '');
        throw new Error(`${url}: ${response.status} ${type} ${body.slice(0, 200)}`);
      }
      markOpened();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      let event = '';
      let data: string[] = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return { by: 'server' };
        buffer += value;
        // A \r at the very end may be the first half of \r\n: it stays with the unfinished line.
        const lines = buffer.split(/\r\n|\n|\r(?!$)/);
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          if (line === '') {
            if (data.length > 0) onEvent({ event: event || 'message', data: data.join('\n') });
            event = '';
            data = [];
            continue;
          }
          if (line.startsWith(':')) continue; // a comment: the server's keep-alive
          const colon = line.indexOf(':');
          const field = colon === -1 ? line : line.slice(0, colon);
          const fieldValue = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') event = fieldValue;
          else if (field === 'data') data.push(fieldValue);
        }
      }
    } catch (error) {
      failOpening(error);
      return abort.signal.aborted ? { by: 'client' } : { by: 'error', error };
    }
  };

  return { opened, ended: read(), close: () => abort.abort() };
}
