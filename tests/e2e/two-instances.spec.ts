/**
 * Two app instances on one PostgreSQL database (DESIGN.md, Live sessions): a teacher's command
 * sent to instance A reaches a phone connected to instance B, through LISTEN/NOTIFY. The test
 * runs its own two `next start` servers on a fresh database, apart from the config's webServer.
 */
import { request as playwrightRequest, type Page } from '@playwright/test';
import {
  createFreshDatabase,
  openEventStream,
  postgresServerUrl,
  seedLiveSessionInChildProcess,
  startAppInstance,
  type AppInstance,
  type EventStream,
  type FreshDatabase,
  type SeededLiveSession,
} from '../support/live-seed';
import { exact, sessionMessages } from './support/class-session';
import { expect, test } from './support/fixtures';
import { currentStep, messages } from './support/journey';

const serverUrl = postgresServerUrl(process.env.TEST_DATABASE_URL);
// The ports after the config's own three servers (E2E_PORT, +1 PostgreSQL, +2 demo), so that
// runs on other ports never meet.
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const PORT_A = E2E_PORT + 3;
const PORT_B = E2E_PORT + 4;

test.skip(!serverUrl, 'needs PostgreSQL: set TEST_DATABASE_URL');
test.describe.configure({ mode: 'serial', timeout: 180_000 });

let database: FreshDatabase | undefined;
let seeded: SeededLiveSession;
let instanceA: AppInstance | undefined;
let instanceB: AppInstance | undefined;
const streams: EventStream[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  if (!serverUrl) return;
  database = await createFreshDatabase(serverUrl, 'rk_e2e_two_');
  seeded = await seedLiveSessionInChildProcess(database.url, { beforeAfter: true });
  const url = database.url;
  // One after the other: two servers starting at once on 2 cores only slow each other down.
  instanceA = await startAppInstance({ name: 'A', port: PORT_A, databaseUrl: url });
  instanceB = await startAppInstance({ name: 'B', port: PORT_B, databaseUrl: url });
});

test.afterEach(async () => {
  const testInfo = test.info();
  if (testInfo.status === testInfo.expectedStatus) return;
  for (const instance of [instanceA, instanceB]) {
    if (instance) await testInfo.attach(`instance ${instance.name} output`, { body: instance.output(), contentType: 'text/plain' });
  }
});

test.afterAll(async () => {
  for (const stream of streams) stream.close();
  await Promise.allSettled(streams.map((stream) => stream.ended));
  await Promise.allSettled([instanceA?.stop(), instanceB?.stop()]);
  await database?.drop();
});

/** A Node client's `state` events: the steps seen so far, and a wait for a given step. */
function stateEvents(url: string) {
  const waiting: { want: (liveStep: number) => boolean; resolve: (liveStep: number) => void }[] = [];
  const seen: number[] = [];
  const stream = openEventStream(url, ({ event, data }) => {
    if (event !== 'state') return;
    const { liveStep } = JSON.parse(data) as { liveStep: number };
    seen.push(liveStep);
    for (const w of waiting.filter((w) => w.want(liveStep))) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(liveStep);
    }
  });
  streams.push(stream);
  return {
    stream,
    seen,
    /** The step of the first state event (already received or still to come) with `liveStep`. */
    next(liveStep: number): Promise<number> {
      if (seen.includes(liveStep)) return Promise.resolve(liveStep);
      return new Promise((resolve) => waiting.push({ want: (step) => step === liveStep, resolve }));
    },
  };
}

function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Console errors of a page the fixture didn't open still fail the test. The one exception is the
 * browser's own request for /favicon.ico, which the app doesn't serve (the fixture lets it pass too).
 */
function reportConsoleErrors(page: Page, errors: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
}

test('a command sent to instance A moves a phone connected to instance B', async ({ browser, consoleErrors }) => {
  if (!instanceA || !instanceB) throw new Error('the app instances did not start');
  const a = instanceA;
  const b = instanceB;

  // A phone on instance B, waiting for the teacher, with its event stream open.
  const phoneContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const phone = await phoneContext.newPage();
  reportConsoleErrors(phone, consoleErrors);
  // The phone's stream, with or without `?participant=` (a phone that has joined by then names itself).
  const phoneStream = phone.waitForResponse((response) => response.url().split('?')[0] === `${b.origin}/api/v1/class-sessions/${seeded.joinCode}/events`);
  await phone.goto(`${b.origin}/en-GB/session/${seeded.joinCode}`);
  await expect(phone.getByRole('heading', { level: 1, ...exact(sessionMessages.waiting.start.title) })).toBeVisible();
  expect((await phoneStream).status()).toBe(200);

  // A Node client on instance B too: it sees the state event itself, not only its effect on screen.
  const states = stateEvents(`${b.origin}/api/v1/class-sessions/${seeded.joinCode}/events`);
  await states.stream.opened;
  await expect.poll(() => states.seen, { message: 'the first state event on instance B' }).toEqual([0]);

  // The teacher moves the class on, through instance A.
  const teacher = await playwrightRequest.newContext({
    baseURL: a.origin,
    extraHTTPHeaders: { Cookie: seeded.cookie, Origin: a.origin },
  });
  const response = await teacher.post(`/api/v1/teach/class-sessions/${seeded.sessionId}/commands`, { data: { command: 'go-to-step', step: 1 } });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'open', liveStep: 1 });
  await teacher.dispose();

  // Instance B tells both of its clients.
  await expect(within(30_000, 'a state event with liveStep 1 on instance B', states.next(1))).resolves.toBe(1);
  expect(states.seen).toEqual([0, 1]);
  await expect.poll(() => currentStep(phone), { timeout: 30_000 }).toEqual({ kind: 'section', index: 1 });
  await expect(phone.getByRole('heading', { level: 1, ...exact(messages('en-GB').sectionIntro.before.title) })).toBeVisible();

  await phoneContext.close();
});
