import { describe, expect, it } from 'vitest';
import { giveAttemptBack, refillIntervalMs, takeAttempt } from './rate-limit';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const joinCodes = { limit: 60, windowMs: 10 * MINUTE };

/** Spends `n` attempts at `now`, returning the state and how many were allowed. */
function spend(n: number, now: number, start?: number) {
  let refilledAt = start;
  let allowed = 0;
  for (let i = 0; i < n; i += 1) {
    const decision = takeAttempt(refilledAt, now, joinCodes);
    if (decision.allowed) allowed += 1;
    refilledAt = decision.refilledAt;
  }
  return { refilledAt, allowed };
}

describe('takeAttempt', () => {
  it('allows `limit` attempts at once and refuses the next, saying when one comes back', () => {
    const { refilledAt, allowed } = spend(60, 0);
    expect(allowed).toBe(60);
    expect(refilledAt).toBe(10 * MINUTE);
    expect(takeAttempt(refilledAt, 0, joinCodes)).toEqual({ allowed: false, retryAfterMs: 10 * SECOND, refilledAt });
    expect(takeAttempt(refilledAt, 4 * SECOND, joinCodes)).toMatchObject({ allowed: false, retryAfterMs: 6 * SECOND });
  });

  it('gives one attempt back every windowMs / limit: the burst, then 6 a minute', () => {
    let refilledAt = spend(60, 0).refilledAt;
    let allowed = 60;
    // A client that tries every second for the rest of the window gets one in ten through.
    for (let now = SECOND; now < 10 * MINUTE; now += SECOND) {
      const decision = takeAttempt(refilledAt, now, joinCodes);
      refilledAt = decision.refilledAt;
      if (decision.allowed) allowed += 1;
    }
    expect(allowed).toBe(60 + 59);
    // Over an hour of trying once a second: 60 at once, then 6 a minute.
    for (let now = 10 * MINUTE; now < 60 * MINUTE; now += SECOND) {
      const decision = takeAttempt(refilledAt, now, joinCodes);
      refilledAt = decision.refilledAt;
      if (decision.allowed) allowed += 1;
    }
    expect(allowed).toBe(60 + 6 * 60 - 1);
  });

  it('does not count refused attempts, and a pause refills the allowance up to `limit` only', () => {
    const spent = spend(60, 0).refilledAt;
    for (let i = 0; i < 100; i += 1) expect(takeAttempt(spent, 0, joinCodes).refilledAt).toBe(spent);
    expect(spend(61, 3 * 60 * MINUTE, spent).allowed).toBe(60);
  });

  it('treats a key never seen and one whose allowance is whole again alike', () => {
    expect(takeAttempt(undefined, 5 * MINUTE, joinCodes)).toEqual({ allowed: true, retryAfterMs: 0, refilledAt: 5 * MINUTE + 10 * SECOND });
    expect(takeAttempt(MINUTE, 5 * MINUTE, joinCodes)).toEqual({ allowed: true, retryAfterMs: 0, refilledAt: 5 * MINUTE + 10 * SECOND });
  });
});

describe('giveAttemptBack', () => {
  it('undoes one attempt, and forgets the key once nothing is spent', () => {
    const { refilledAt } = spend(60, 0);
    const back = giveAttemptBack(refilledAt, 0, joinCodes);
    expect(back).toBe(10 * MINUTE - 10 * SECOND);
    expect(takeAttempt(back, 0, joinCodes).allowed).toBe(true);
    expect(giveAttemptBack(10 * SECOND, 0, joinCodes)).toBeUndefined();
    expect(giveAttemptBack(undefined, 0, joinCodes)).toBeUndefined();
  });
});

describe('refillIntervalMs', () => {
  it('is the window over the limit, and refuses a limit that is not a whole number of ms per attempt', () => {
    expect(refillIntervalMs(joinCodes)).toBe(10 * SECOND);
    expect(refillIntervalMs({ limit: 5, windowMs: 15 * MINUTE })).toBe(3 * MINUTE);
    expect(() => refillIntervalMs({ limit: 0, windowMs: MINUTE })).toThrow(RangeError);
    expect(() => refillIntervalMs({ limit: 7, windowMs: 100 })).toThrow(RangeError);
  });
});
