/**
 * From the teacher's key press to the room: a live session on a real `next start` instance on
 * PostgreSQL, with PHONES simulated phones (default 300) following over server-sent events and a
 * projector window following the teacher's stream, as the presenter and projector do. For each
 * step the presenter's key press is the API call it makes (`go-to-step` for → and Space,
 * `reveal` for R or Enter); the bench times it to the projector's `live` event that shows it and
 * to every phone's `state` event. Between a step and its reveal every phone answers, so a reveal
 * is timed with a release to make (lib/server/live/releases.ts).
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:projector
 *   npm run bench:projector -- --phones 100 --instances 2
 *
 * Needs the production build (`npm run build`). Servers listen on BENCH_PORT (default 3412) and the next port.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { classSessionStateSchema } from '@/lib/api/class-session-schemas';
import type { Answer, AnswerResponse } from '@/lib/api/schemas';
import { getModule } from '@/lib/content/load';
import type { ModuleStructure } from '@/lib/content/schema';
import { stepAnswerItems } from '@/lib/domain/class-tally';
import type { JourneyStep } from '@/lib/domain/journey';
import { sessionJourney } from '@/lib/domain/session-journey';
import { createFreshDatabase, openEventStream, postgresServerUrl, seedLiveSession, startAppInstance, type AppInstance, type EventStream } from '@/tests/support/live-seed';

const WAVE = 50;
const TIMEOUT_MS = 30_000;

const optionsSchema = z.object({
  phones: z.coerce.number().int().min(1).max(2_000),
  instances: z.coerce.number().int().min(1).max(2),
  port: z.coerce.number().int().min(1024).max(65_534),
});

/** The part of the teacher's `live` event the projector acts on (lib/server/live/snapshots.ts). */
const liveSchema = z.object({ state: z.object({ liveStep: z.number() }), reveal: z.object({ step: z.number() }).nullable() });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  await response.arrayBuffer();
  return response.status;
}

async function inWaves<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += WAVE) await Promise.all(items.slice(i, i + WAVE).map(task));
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

function line(label: string, values: readonly number[], expected: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  const ms = (v: number) => `${v.toFixed(0)} ms`.padStart(8);
  const missed = expected - values.length;
  return `${label.padEnd(34)} p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  max ${ms(sorted.at(-1) ?? Number.NaN)}${missed > 0 ? `  MISSED ${missed}` : ''}`;
}

/** A valid answer from phone `p` to the question a step asks (the first one, for a story's first decision). */
function answerFor(step: JourneyStep, structure: ModuleStructure, version: string, p: number): Answer | null {
  const [target] = stepAnswerItems(step, structure);
  if (!target) return null;
  const fact = structure.facts.find((f) => f.id === target.itemId);
  const item = structure.items.find((i) => i.id === target.itemId);
  let response: AnswerResponse;
  if (fact?.guess.kind === 'number') response = { kind: 'number', value: fact.guess.min + (p % 5) * fact.guess.step };
  else if (fact?.guess.kind === 'choice') response = { kind: 'choice', optionIds: [fact.guess.options[p % 2]?.id ?? ''] };
  else if (item?.kind === 'ordering') response = { kind: 'order', optionIds: p % 2 === 0 ? item.options.map((o) => o.id) : item.options.map((o) => o.id).reverse() };
  else if (item) response = { kind: 'choice', optionIds: [item.options[p % 2]?.id ?? ''] };
  else return null;
  return { id: randomUUID(), itemId: target.itemId, phase: target.phase, response, contentVersion: version, answeredAt: new Date().toISOString() };
}

interface Phone {
  index: number;
  participantId: string;
  instance: AppInstance;
  stream?: EventStream;
  arrivals: Map<number, number>;
}

async function main(cleanups: (() => Promise<void>)[]): Promise<boolean> {
  const { values } = parseArgs({ options: { phones: { type: 'string', default: '300' }, instances: { type: 'string', default: '1' } } });
  const options = optionsSchema.parse({ ...values, port: process.env.BENCH_PORT ?? 3412 });
  const serverUrl = postgresServerUrl(process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL);
  if (serverUrl === undefined) throw new Error('bench:projector needs PostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  const { structure, version } = await getModule();
  const database = await createFreshDatabase(serverUrl, 'rk_bench_projector_');
  cleanups.push(() => database.drop());
  const seeded = await seedLiveSession(database.url, { beforeAfter: false });
  const journey = sessionJourney(structure, { beforeAfter: false });
  const instances: AppInstance[] = [];
  for (let i = 0; i < options.instances; i += 1) {
    const instance = await startAppInstance({ name: String.fromCharCode(65 + i), port: options.port + i, databaseUrl: database.url });
    cleanups.push(() => instance.stop());
    instances.push(instance);
  }
  const [teacher] = instances;
  if (!teacher) throw new Error('no instance started');

  const phones: Phone[] = Array.from({ length: options.phones }, (_, index) => ({ index, participantId: randomUUID(), instance: instances[index % instances.length] ?? teacher, arrivals: new Map() }));
  await inWaves(phones, async (phone) => {
    const status = await postJson(`${phone.instance.origin}/api/v1/class-sessions/${seeded.joinCode}/participants`, { participantId: phone.participantId, locale: 'en-GB' });
    if (status !== 201) throw new Error(`phone ${phone.index}: join answered ${status}`);
  });
  let waiting: { step: number; remaining: number; done: () => void } | undefined;
  await inWaves(phones, async (phone) => {
    let first: () => void = () => {};
    const firstState = new Promise<void>((resolve) => (first = resolve));
    phone.stream = openEventStream(`${phone.instance.origin}/api/v1/class-sessions/${seeded.joinCode}/events`, ({ event, data }) => {
      if (event !== 'state') return;
      const at = performance.now();
      const { liveStep } = classSessionStateSchema.parse(JSON.parse(data));
      first();
      if (phone.arrivals.has(liveStep)) return;
      phone.arrivals.set(liveStep, at);
      if (waiting?.step === liveStep && (waiting.remaining -= 1) === 0) waiting.done();
    });
    await phone.stream.opened;
    await firstState;
  });
  cleanups.push(async () => phones.forEach((p) => p.stream?.close()));

  // The projector window: the teacher's stream, on the instance the presenter's commands go to.
  let projectorWait: { test: (view: z.infer<typeof liveSchema>) => boolean; done: (at: number) => void } | undefined;
  const projector = openEventStream(
    `${teacher.origin}/api/v1/teach/class-sessions/${seeded.sessionId}/events`,
    ({ event, data }) => {
      if (event !== 'live' || !projectorWait) return;
      const view = liveSchema.parse(JSON.parse(data));
      if (projectorWait.test(view)) projectorWait.done(performance.now());
    },
    { headers: { Cookie: seeded.cookie } },
  );
  cleanups.push(async () => projector.close());
  await projector.opened;
  console.log(`bench:projector — ${phones.length} phones and a projector following, ${instances.length} instance(s)`);

  const press = async (command: unknown, projectorShows: (view: z.infer<typeof liveSchema>) => boolean, phoneStep: number | null) => {
    const onProjector = new Promise<number>((resolve) => (projectorWait = { test: projectorShows, done: resolve }));
    const onPhones = phoneStep === null ? Promise.resolve() : new Promise<void>((resolve) => (waiting = { step: phoneStep, remaining: phones.length, done: resolve }));
    const pressedAt = performance.now();
    const status = await postJson(`${teacher.origin}/api/v1/teach/class-sessions/${seeded.sessionId}/commands`, command, { Cookie: seeded.cookie, Origin: teacher.origin });
    if (status !== 200) throw new Error(`${JSON.stringify(command)} answered ${status}`);
    const projectorAt = await Promise.race([onProjector, sleep(TIMEOUT_MS).then(() => Number.NaN)]);
    await Promise.race([onPhones, sleep(TIMEOUT_MS)]);
    projectorWait = undefined;
    waiting = undefined;
    return { pressedAt, projector: projectorAt - pressedAt };
  };

  const next: number[] = [];
  const reveal: number[] = [];
  const phoneTimes: number[] = [];
  let steps = 0;
  // → through the first twelve steps; R on each that asks something, once every phone has answered.
  for (let step = 1; step <= Math.min(12, journey.lastStep); step += 1) {
    const moved = await press({ command: 'go-to-step', step }, (v) => v.state.liveStep === step, step);
    next.push(moved.projector);
    steps += 1;
    for (const phone of phones) {
      const at = phone.arrivals.get(step);
      if (at !== undefined) phoneTimes.push(at - moved.pressedAt);
    }
    const journeyStep = journey.steps[step];
    if (!journeyStep) continue;
    const answers = phones.map((p) => answerFor(journeyStep, structure, version, p.index));
    if (answers.every((a) => a === null)) continue;
    await inWaves(phones, async (phone) => {
      const answer = answers[phone.index];
      if (answer) await postJson(`${phone.instance.origin}/api/v1/answers`, { participantId: phone.participantId, answers: [answer] });
    });
    const shown = await press({ command: 'reveal', step }, (v) => v.reveal?.step === step, null);
    reveal.push(shown.projector);
  }

  console.log('\nfrom the key press (the command sent) to the event that shows it:');
  console.log(line('  → next step, on the projector', next.filter(Number.isFinite), steps));
  console.log(line('  → next step, on the phones', phoneTimes, steps * phones.length));
  console.log(line('  R show answers, on the projector', reveal.filter(Number.isFinite), reveal.length));
  return next.every(Number.isFinite) && reveal.every(Number.isFinite) && phoneTimes.length === steps * phones.length;
}

const cleanups: (() => Promise<void>)[] = [];
const cleanUp = async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
};
process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)));
main(cleanups)
  .then(async (ok) => {
    await cleanUp();
    process.exit(ok ? 0 : 1);
  })
  .catch(async (error: unknown) => {
    console.error(error);
    await cleanUp();
    process.exit(1);
  });
