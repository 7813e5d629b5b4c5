import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryBus, decodeSignal, encodeSignal } from './bus';
import { createClassHub, type ClassHub, type LiveSubscriber } from './hub';

const SESSION = '0b6a7d5e-3c1f-4a8e-9d2b-5f6e7a8b9c0d';
/** Moves the fake clock on, running the hub's timers and the promises they start, in order. */
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);
/** A read that takes `ms` on the fake clock. */
const slowRead = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A subscriber that records what it was sent. */
function recorder(audience: LiveSubscriber['audience']) {
  const events: { event: string; data: unknown }[] = [];
  return { audience, events, send: (event: string, data: unknown) => events.push({ event, data }) };
}

describe('the class hub', () => {
  let hub: ClassHub | undefined;
  // A fake clock (timers and Date.now, which the hub reads): throttle windows are exact, and
  // no test waits in real time.
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    hub?.close();
    vi.useRealTimers();
  });

  function setUp(intervalMs = 60) {
    let step = 0;
    let reads = 0;
    hub = createClassHub({
      bus: createMemoryBus(),
      intervalMs,
      snapshots: {
        phone: async () => ({ liveStep: step }),
        teacher: async () => ({ liveStep: step, reads: ++reads }),
      },
    });
    return { hub, setStep: (n: number) => (step = n), reads: () => reads };
  }

  it('sends each new stream the current state at once', async () => {
    const { hub } = setUp();
    const phone = recorder('phone');
    hub.subscribe(SESSION, phone);
    await wait(5);
    expect(phone.events).toEqual([{ event: 'state', data: { liveStep: 0 } }]);
  });

  it('sends phones a new step, and nothing when the state has not changed', async () => {
    const { hub, setStep } = setUp();
    const phone = recorder('phone');
    hub.subscribe(SESSION, phone);
    await wait(5);
    setStep(1);
    hub.signal(SESSION, 'state');
    await wait(100);
    hub.signal(SESSION, 'state');
    await wait(100);
    expect(phone.events.map((e) => e.data)).toEqual([{ liveStep: 0 }, { liveStep: 1 }]);
  });

  it('throttles a burst of answers to a few updates, read once per update for every stream', async () => {
    const { hub, reads } = setUp(80);
    const teachers = [recorder('teacher'), recorder('teacher')];
    const phone = recorder('phone');
    for (const t of teachers) hub.subscribe(SESSION, t);
    hub.subscribe(SESSION, phone);
    await wait(5);
    const readsBefore = reads();
    // 300 answers arriving over about 240 ms: one update per 80 ms window at most.
    for (let i = 0; i < 300; i += 1) {
      hub.signal(SESSION, 'answers');
      if (i % 100 === 99) await wait(80);
    }
    await wait(250);
    const updates = reads() - readsBefore;
    // On the fake clock the windows are exact: answers at 5, 85 and 165 ms go out at 5 (at once),
    // 85, 165 and 245 ms (the last burst's trailing edge).
    expect(updates).toBe(4);
    // Both teacher screens got every update; phones are not told about answers at all.
    expect(teachers[0]?.events.length).toBe(1 + updates);
    expect(teachers[1]?.events.length).toBe(1 + updates);
    expect(phone.events.length).toBe(1);
  });

  it('never sends a new phone an older step after a newer one', async () => {
    let step = 0;
    hub = createClassHub({
      bus: createMemoryBus(),
      intervalMs: 50,
      snapshots: {
        // A slow first read (a busy database) that the teacher's command overtakes.
        phone: async () => {
          const seen = step;
          await slowRead(seen === 0 ? 60 : 1);
          return { liveStep: seen };
        },
        teacher: async () => ({}),
      },
    });
    const phone = recorder('phone');
    hub.subscribe(SESSION, phone);
    await wait(5);
    expect(phone.events).toEqual([]); // the first read is still running
    step = 1;
    hub.signal(SESSION, 'state');
    await wait(150);
    expect(phone.events.at(-1)?.data).toEqual({ liveStep: 1 });
    expect(phone.events.map((e) => e.data)).toEqual([{ liveStep: 0 }, { liveStep: 1 }]);
  });

  it('sends a step change at once, without waiting behind a burst of answers', async () => {
    const { hub, setStep } = setUp(1_000);
    const phone = recorder('phone');
    hub.subscribe(SESSION, recorder('teacher'));
    hub.subscribe(SESSION, phone);
    await wait(10);
    hub.signal(SESSION, 'answers');
    await wait(10);
    hub.signal(SESSION, 'answers'); // inside the 1 s window: held back
    setStep(2);
    hub.signal(SESSION, 'state');
    // At once: not a millisecond behind the 1 s answers window.
    await wait(0);
    expect(phone.events.at(-1)?.data).toEqual({ liveStep: 2 });
  });

  it('sends phones at most one state a window when the teacher clicks fast, ending on the last step', async () => {
    const { hub, setStep } = setUp(100);
    const phone = recorder('phone');
    hub.subscribe(SESSION, phone);
    await wait(10);
    const started = Date.now();
    for (let step = 1; step <= 10; step += 1) {
      setStep(step);
      hub.signal(SESSION, 'state');
      await wait(15);
    }
    const clicking = Date.now() - started;
    await wait(250);
    // The first step at once, then one per 100 ms window, and the class ends up where the
    // teacher is: step 1 at 10 ms, the step shown at 110 ms (7), and the last at 210 ms.
    expect(clicking).toBe(150);
    expect(phone.events.length).toBeLessThanOrEqual(2 + Math.ceil(clicking / 100));
    expect(phone.events.map((e) => e.data)).toEqual([{ liveStep: 0 }, { liveStep: 1 }, { liveStep: 7 }, { liveStep: 10 }]);
  });

  it('forgets a session once its last stream closes', async () => {
    const { hub } = setUp();
    const off = hub.subscribe(SESSION, recorder('phone'));
    expect(hub.subscriberCount()).toBe(1);
    off();
    expect(hub.subscriberCount()).toBe(0);
  });
});

describe('bus signals', () => {
  it('round-trip, and anything else on the channel is ignored', () => {
    expect(decodeSignal(encodeSignal({ classSessionId: SESSION, change: 'answers' }))).toEqual({ classSessionId: SESSION, change: 'answers' });
    expect(decodeSignal(`${SESSION}:drop-tables`)).toBeNull();
    expect(decodeSignal('not-a-uuid:state')).toBeNull();
    expect(decodeSignal(undefined)).toBeNull();
  });
});
