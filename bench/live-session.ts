/**
 * One live class session under a full class's load, on real `next start` instances sharing one
 * PostgreSQL database. PHONES simulated phones join and follow the session over server-sent
 * events, split across INSTANCES instances (default 2), while the teacher's commands go to the
 * first, so a step reaches half the class through LISTEN/NOTIFY. For each of 8 steps (the four
 * facts and four kinds of quiz question) the teacher moves the class on and every phone
 * answers; a tenth of the phones send their batch twice at once, as a retry overlapping the
 * first attempt. Prints how long each step took to reach the phones, what was sent and what
 * the database holds, and how many updates the teacher's screen received.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:live
 *   npm run bench:live -- --phones 100 --instances 1
 *
 * Needs the production build (`npm run build`) and a PostgreSQL server: BENCH_DATABASE_URL,
 * else TEST_DATABASE_URL. Servers listen on BENCH_PORT (default 3402) and the next port.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { z } from 'zod';
import { classSessionStateSchema } from '@/lib/api/class-session-schemas';
import type { Answer, AnswerResponse } from '@/lib/api/schemas';
import { getModule } from '@/lib/content/load';
import type { ModuleStructure } from '@/lib/content/schema';
import { stepAnswerItems } from '@/lib/domain/class-tally';
import type { JourneyStep } from '@/lib/domain/journey';
import { sessionJourney } from '@/lib/domain/session-journey';
import {
  createFreshDatabase,
  openEventStream,
  postgresServerUrl,
  seedLiveSession,
  startAppInstance,
  type AppInstance,
  type EventStream,
} from '@/tests/support/live-seed';

const WAVE = 50;
const STEP_TIMEOUT_MS = 30_000;

const optionsSchema = z.object({
  phones: z.coerce.number().int().min(1).max(2_000),
  instances: z.coerce.number().int().min(1).max(2),
  port: z.coerce.number().int().min(1024).max(65_534),
});

function readOptions() {
  const { values } = parseArgs({
    options: { phones: { type: 'string', default: '300' }, instances: { type: 'string', default: '2' } },
  });
  return optionsSchema.parse({ ...values, port: process.env.BENCH_PORT ?? 3402 });
}

interface Phone {
  index: number;
  participantId: string;
  instance: AppInstance;
  stream?: EventStream;
  /** Steps this phone has been told about, and when (performance.now()). */
  arrivals: Map<number, number>;
}

/** The HTTP requests the bench made, by kind. */
const sent = { join: 0, events: 0, command: 0, answers: 0 };

/** The steps the class goes through: the facts, then one quiz question of each kind. */
function chooseSteps(steps: JourneyStep[], structure: ModuleStructure): number[] {
  const facts = steps.flatMap((step, i) => (step.kind === 'fact' ? [i] : []));
  const kinds = new Set<string>();
  const quiz = steps.flatMap((step, i) => {
    if (step.kind !== 'item' || step.phase !== 'main') return [];
    const kind = structure.items.find((item) => item.id === step.itemId)?.kind;
    if (kind === undefined || kinds.has(kind)) return [];
    kinds.add(kind);
    return [i];
  });
  return [...facts, ...quiz];
}

/** A valid, varied answer from phone `p` to the one question `step` asks. */
function answerFor(step: JourneyStep, structure: ModuleStructure, version: string, p: number): Answer {
  const [target] = stepAnswerItems(step, structure);
  if (!target) throw new Error(`step ${step.kind} asks nothing`);
  const pick = <T>(list: readonly T[], n: number): T => {
    const chosen = list[n % list.length];
    if (chosen === undefined) throw new Error('an empty option list');
    return chosen;
  };
  let response: AnswerResponse;
  let confidence: number | undefined;
  const fact = structure.facts.find((f) => f.id === target.itemId);
  const item = structure.items.find((i) => i.id === target.itemId);
  if (fact) {
    const guess = fact.guess;
    response =
      guess.kind === 'number'
        ? { kind: 'number', value: Math.min(guess.max, guess.min + ((p * 7) % Math.floor((guess.max - guess.min) / guess.step + 1)) * guess.step) }
        : { kind: 'choice', optionIds: [pick(guess.options, p).id] };
  } else if (item) {
    const ids = item.options.map((o) => o.id);
    if (item.kind === 'ordering') response = { kind: 'order', optionIds: [...ids.slice(p % ids.length), ...ids.slice(0, p % ids.length)] };
    else if (item.kind === 'multiple') response = { kind: 'choice', optionIds: [...new Set([pick(ids, p), pick(ids, p + 2)])] };
    else response = { kind: 'choice', optionIds: [pick(ids, p)] };
    confidence = 1 + (p % 3);
  } else {
    throw new Error(`no fact or item ${target.itemId}`);
  }
  return {
    id: randomUUID(),
    itemId: target.itemId,
    phase: target.phase,
    response,
    ...(confidence === undefined ? {} : { confidence }),
    contentVersion: version,
    answeredAt: new Date().toISOString(),
  };
}

/** Runs `task` on every element, at most WAVE at a time. */
async function inWaves<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += WAVE) await Promise.all(items.slice(i, i + WAVE).map(task));
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function latencyLine(label: string, values: readonly number[], expected: number): string {
  const sorted = [...values].sort((x, y) => x - y);
  const ms = (v: number) => `${v.toFixed(0)} ms`.padStart(8);
  const missed = expected - values.length;
  return `${label.padEnd(40)} p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  max ${ms(sorted.at(-1) ?? Number.NaN)}${missed > 0 ? `  MISSED ${missed}` : ''}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, json: await response.json().catch(() => null) };
}

/** The part of the teacher's `live` event the bench reads (lib/server/live/snapshots.ts). */
const teacherViewSchema = z.object({ counts: z.object({ joined: z.number(), answeredStep: z.number() }) });
type TeacherView = z.infer<typeof teacherViewSchema>;

const receiptsSchema = z.object({ receipts: z.array(z.object({ id: z.uuid(), status: z.enum(['stored', 'duplicate', 'session_closed']) })) });

async function main(cleanups: (() => Promise<void>)[]): Promise<boolean> {
  const options = readOptions();
  const serverUrl = postgresServerUrl(process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL);
  if (serverUrl === undefined) {
    throw new Error('bench:live needs PostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
  }
  const { structure, version } = await getModule();

  const database = await createFreshDatabase(serverUrl, 'rk_bench_live_');
  cleanups.push(() => database.drop());
  const seeded = await seedLiveSession(database.url);
  const journey = sessionJourney(structure, { beforeAfter: true });
  const steps = chooseSteps(journey.steps, structure);

  for (let i = 0; i < options.instances; i += 1) {
    const instance = await startAppInstance({ name: String.fromCharCode(65 + i), port: options.port + i, databaseUrl: database.url });
    cleanups.push(() => instance.stop());
    instances.push(instance);
  }
  const [teacherInstance] = instances;
  if (!teacherInstance) throw new Error('no instance started');
  console.log(
    `bench:live — ${options.phones} phones, ${options.instances} instance(s) (${instances.map((i) => `${i.name} :${i.port}`).join(', ')}), ` +
      `teacher on ${teacherInstance.name}, steps ${steps.join(', ')} (${steps.map((s) => journey.steps[s]?.kind).join(', ')})`,
  );

  const phones: Phone[] = Array.from({ length: options.phones }, (_, index) => ({
    index,
    participantId: randomUUID(),
    instance: instances[index % instances.length] ?? teacherInstance,
    arrivals: new Map(),
  }));
  let waitingFor: { step: number; remaining: number; done: () => void } | undefined;
  let phoneStates = 0;

  // Join (as the session page does), then follow the session's events.
  const joinStart = performance.now();
  await inWaves(phones, async (phone) => {
    sent.join += 1;
    const joined = await postJson(`${phone.instance.origin}/api/v1/class-sessions/${seeded.joinCode}/participants`, {
      participantId: phone.participantId,
      locale: 'en-GB',
    });
    if (joined.status !== 201) throw new Error(`phone ${phone.index}: join answered ${joined.status} ${JSON.stringify(joined.json)}`);
  });
  await inWaves(phones, async (phone) => {
    let first: () => void = () => {};
    const firstState = new Promise<void>((resolve) => (first = resolve));
    sent.events += 1;
    phone.stream = openEventStream(`${phone.instance.origin}/api/v1/class-sessions/${seeded.joinCode}/events`, ({ event, data }) => {
      if (event !== 'state') return;
      const at = performance.now();
      phoneStates += 1;
      const { liveStep } = classSessionStateSchema.parse(JSON.parse(data));
      first();
      if (phone.arrivals.has(liveStep)) return;
      phone.arrivals.set(liveStep, at);
      if (waitingFor?.step === liveStep) {
        waitingFor.remaining -= 1;
        if (waitingFor.remaining === 0) waitingFor.done();
      }
    });
    await phone.stream.opened;
    await firstState;
  });
  cleanups.push(async () => {
    for (const phone of phones) phone.stream?.close();
  });
  console.log(`connected: ${phones.length} phones joined and following in ${((performance.now() - joinStart) / 1000).toFixed(1)} s`);

  // The teacher's dashboard, on the instance the commands go to.
  let teacherUpdates = 0;
  let teacherView: TeacherView | undefined;
  sent.events += 1;
  const teacherStream = openEventStream(
    `${teacherInstance.origin}/api/v1/teach/class-sessions/${seeded.sessionId}/events`,
    ({ event, data }) => {
      if (event !== 'live') return;
      teacherUpdates += 1;
      teacherView = teacherViewSchema.parse(JSON.parse(data));
    },
    { headers: { Cookie: seeded.cookie } },
  );
  cleanups.push(async () => teacherStream.close());
  await teacherStream.opened;

  const latencies = new Map<number, { all: number[]; byInstance: Map<string, number[]> }>();
  const answerIds = new Set<string>();
  let answerPosts = 0;
  let storedReceipts = 0;
  let duplicateReceipts = 0;
  let failedPosts = 0;
  const runStart = performance.now();

  for (const step of steps) {
    const journeyStep = journey.steps[step];
    if (!journeyStep) throw new Error(`no step ${step}`);
    const arrived = new Promise<void>((resolve) => {
      waitingFor = { step, remaining: phones.length, done: resolve };
    });
    const commandAt = performance.now();
    sent.command += 1;
    const command = await postJson(
      `${teacherInstance.origin}/api/v1/teach/class-sessions/${seeded.sessionId}/commands`,
      { command: 'go-to-step', step },
      { Cookie: seeded.cookie, Origin: teacherInstance.origin },
    );
    if (command.status !== 200) throw new Error(`go-to-step ${step} answered ${command.status} ${JSON.stringify(command.json)}`);
    await Promise.race([arrived, sleep(STEP_TIMEOUT_MS)]);
    waitingFor = undefined;

    const perStep = { all: [] as number[], byInstance: new Map<string, number[]>() };
    for (const phone of phones) {
      const at = phone.arrivals.get(step);
      if (at === undefined) continue;
      perStep.all.push(at - commandAt);
      const list = perStep.byInstance.get(phone.instance.name) ?? [];
      list.push(at - commandAt);
      perStep.byInstance.set(phone.instance.name, list);
    }
    latencies.set(step, perStep);

    // Every phone answers; every tenth sends its batch twice at once.
    await inWaves(phones, async (phone) => {
      const answer = answerFor(journeyStep, structure, version, phone.index + step);
      answerIds.add(answer.id);
      const body = { participantId: phone.participantId, answers: [answer] };
      const copies = phone.index % 10 === 0 ? 2 : 1;
      await Promise.all(
        Array.from({ length: copies }, async () => {
          answerPosts += 1;
          sent.answers += 1;
          const posted = await postJson(`${phone.instance.origin}/api/v1/answers`, body);
          const receipts = receiptsSchema.safeParse(posted.json);
          if (posted.status !== 200 || !receipts.success) {
            failedPosts += 1;
            console.error(`phone ${phone.index}, step ${step}: ${posted.status} ${JSON.stringify(posted.json)}`);
            return;
          }
          for (const receipt of receipts.data.receipts) {
            if (receipt.status === 'stored') storedReceipts += 1;
            else if (receipt.status === 'duplicate') duplicateReceipts += 1;
          }
        }),
      );
    });
  }
  const runSeconds = (performance.now() - runStart) / 1000;

  // Let the throttled teacher updates catch up with the last answers.
  const settleBy = performance.now() + 5_000;
  while (teacherView?.counts.answeredStep !== phones.length && performance.now() < settleBy) await sleep(100);
  await sleep(500);

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const rows = await client.query<{ n: string }>(
    'SELECT count(*) AS n FROM answers a JOIN participants p ON p.id = a.participant_id WHERE p.class_session_id = $1',
    [seeded.sessionId],
  );
  await client.end();
  const stored = Number(rows.rows[0]?.n ?? -1);

  console.log(`\ndelivery of go-to-step to the phones (from sending the command to the phone's state event):`);
  for (const step of steps) {
    const perStep = latencies.get(step);
    if (!perStep) continue;
    const kind = journey.steps[step];
    const label = kind?.kind === 'fact' ? `fact ${kind.factId}` : kind?.kind === 'item' ? `item ${kind.itemId}` : (kind?.kind ?? '?');
    console.log(latencyLine(`  step ${String(step).padStart(2)} ${label}`, perStep.all, phones.length));
  }
  const all = [...latencies.values()].flatMap((l) => l.all);
  console.log(latencyLine('  overall', all, phones.length * steps.length));
  for (const instance of instances) {
    const values = [...latencies.values()].flatMap((l) => l.byInstance.get(instance.name) ?? []);
    const count = phones.filter((p) => p.instance === instance).length * steps.length;
    const how = instance === teacherInstance ? 'same instance as the teacher' : 'through LISTEN/NOTIFY';
    console.log(latencyLine(`  on ${instance.name} (${how})`, values, count));
  }

  const requests = sent.join + sent.events + sent.command + sent.answers;
  console.log(`\nanswers: ${answerIds.size} distinct sent in ${answerPosts} posts (${answerPosts - answerIds.size} repeated); ` +
    `receipts ${storedReceipts} stored, ${duplicateReceipts} duplicate; ${failedPosts} posts failed; answering took ${runSeconds.toFixed(1)} s with the steps`);
  console.log(`database: ${stored} answer rows for the session — ${stored === answerIds.size ? 'equal to' : 'NOT EQUAL to'} distinct sent (${answerIds.size})`);
  console.log(`http requests: ${requests} (${sent.join} joins, ${sent.events} event streams, ${sent.command} commands, ${sent.answers} answer posts)`);
  console.log(
    `events: teacher received ${teacherUpdates} 'live' updates for ${answerPosts} answer posts; ` +
      `phones received ${phoneStates} 'state' events (${phones.length} × ${steps.length + 1} expected); ` +
      `teacher's last view: joined ${teacherView?.counts.joined ?? '?'}, answered this step ${teacherView?.counts.answeredStep ?? '?'}`,
  );

  const delivered = all.length === phones.length * steps.length;
  const exactlyOnce = stored === answerIds.size && storedReceipts === answerIds.size && failedPosts === 0;
  // For `npm run bench` (bench/run.ts): the overall figures as JSON.
  if (process.env.BENCH_JSON) {
    const sorted = [...all].sort((x, y) => x - y);
    writeFileSync(
      process.env.BENCH_JSON,
      JSON.stringify({
        phones: phones.length,
        instances: instances.length,
        steps: steps.length,
        delivered: all.length,
        expected: phones.length * steps.length,
        p50Ms: percentile(sorted, 50),
        p95Ms: percentile(sorted, 95),
        maxMs: sorted.at(-1) ?? null,
        exactlyOnce,
      }),
    );
  }
  if (!delivered) console.error('FAILED: some phones never received a step');
  if (!exactlyOnce) console.error('FAILED: exactly-once violated (stored rows or receipts differ from distinct answers sent)');
  return delivered && exactlyOnce;
}

/** Module-level so a failure can print what the servers said. */
const instances: AppInstance[] = [];
const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;
/** After Ctrl-C, requests cut off by the clean-up are expected: their errors aren't reported. */
let interrupted = false;

/** Stops the servers and drops the database, newest first; safe to call twice. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => console.error(`clean-up: ${error instanceof Error ? error.message : String(error)}`));
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping the servers and dropping the database…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

main(cleanups)
  .then(async (ok) => {
    await cleanUp();
    process.exit(ok ? 0 : 1);
  })
  .catch(async (error: unknown) => {
    if (interrupted) return;
    console.error(error);
    for (const instance of instances) console.error(`\n--- output of instance ${instance.name} ---\n${instance.output()}`);
    await cleanUp();
    process.exit(1);
  });
