import { describe, expect, it } from 'vitest';
import { appRateLimits, createMemoryRateLimitStore, createRateLimits, RATE_LIMITS } from './rate-limit';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

function memoryLimits(maxKeys?: number) {
  const time = clock();
  const store = createMemoryRateLimitStore({ maxKeys });
  return { limits: createRateLimits(store, time.now), store, advance: time.advance };
}

describe('RATE_LIMITS', () => {
  it('are the documented ones (README, SECURITY.md)', () => {
    expect(RATE_LIMITS).toEqual({
      joinCode: { limit: 60, windowMs: 10 * MINUTE },
      signInAccount: { limit: 5, windowMs: 15 * MINUTE },
      signInAddress: { limit: 20, windowMs: 15 * MINUTE },
    });
  });
});

describe('rate limits in memory', () => {
  it('allow the burst, refuse the next with when to retry, and let one through per interval', async () => {
    const { limits, advance } = memoryLimits();
    for (let i = 0; i < 5; i += 1) expect(await limits.take('signInAccount', 'a')).toEqual({ allowed: true, retryAfterMs: 0 });
    expect(await limits.take('signInAccount', 'a')).toEqual({ allowed: false, retryAfterMs: 3 * MINUTE });
    advance(MINUTE);
    expect(await limits.take('signInAccount', 'a')).toEqual({ allowed: false, retryAfterMs: 2 * MINUTE });
    advance(2 * MINUTE);
    expect(await limits.take('signInAccount', 'a')).toEqual({ allowed: true, retryAfterMs: 0 });
    expect((await limits.take('signInAccount', 'a')).allowed).toBe(false);
  });

  it('count each action and each key apart', async () => {
    const { limits } = memoryLimits();
    for (let i = 0; i < 5; i += 1) await limits.take('signInAccount', 'a');
    expect((await limits.take('signInAccount', 'a')).allowed).toBe(false);
    expect((await limits.take('signInAccount', 'b')).allowed).toBe(true);
    expect((await limits.take('signInAddress', 'a')).allowed).toBe(true);
    expect((await limits.take('joinCode', 'a')).allowed).toBe(true);
  });

  it('take a given-back attempt off the count, and forget a key entirely', async () => {
    const { limits } = memoryLimits();
    for (let i = 0; i < 5; i += 1) await limits.take('signInAccount', 'a');
    await limits.giveBack('signInAccount', 'a');
    expect((await limits.take('signInAccount', 'a')).allowed).toBe(true);
    expect((await limits.take('signInAccount', 'a')).allowed).toBe(false);
    await limits.forget('signInAccount', 'a');
    for (let i = 0; i < 5; i += 1) expect((await limits.take('signInAccount', 'a')).allowed).toBe(true);
  });

  it('count attempts sent all at once one by one', async () => {
    const { limits } = memoryLimits();
    const decisions = await Promise.all(Array.from({ length: 100 }, () => limits.take('joinCode', 'a')));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(60);
  });

  it('forget keys whose allowance is whole again, and hold at most maxKeys', async () => {
    const { limits, store, advance } = memoryLimits(3);
    for (const key of ['a', 'b', 'c']) await limits.take('joinCode', key);
    expect(store.size()).toBe(3);
    advance(MINUTE);
    await limits.take('joinCode', 'd'); // over maxKeys: the three refilled keys are swept
    expect(store.size()).toBe(1);
    for (const key of ['e', 'f', 'g']) await limits.take('joinCode', key);
    expect(store.size()).toBe(3);
    await limits.giveBack('joinCode', 'g');
    expect(store.size()).toBe(2);
  });
});

describe('appRateLimits', () => {
  it('is one set of limits per process, however many bundles ask', () => {
    expect(appRateLimits()).toBe(appRateLimits());
  });
});
