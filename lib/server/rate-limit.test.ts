import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

const MINUTE = 60_000;

function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('createRateLimiter', () => {
  it('allows `limit` hits in a window and refuses the next, saying when to retry', () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 3, windowMs: 15 * MINUTE, now: time.now });
    expect(limiter.hit('a')).toEqual({ allowed: true, retryAfterMs: 0 });
    time.advance(MINUTE);
    expect(limiter.hit('a')).toEqual({ allowed: true, retryAfterMs: 0 });
    expect(limiter.hit('a')).toEqual({ allowed: true, retryAfterMs: 0 });
    expect(limiter.check('a')).toEqual({ allowed: false, retryAfterMs: 14 * MINUTE });
    expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterMs: 14 * MINUTE });
  });

  it('slides: each hit leaves the window on its own', () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 10 * MINUTE, now: time.now });
    limiter.hit('a');
    time.advance(4 * MINUTE);
    limiter.hit('a');
    time.advance(5 * MINUTE);
    expect(limiter.check('a')).toEqual({ allowed: false, retryAfterMs: MINUTE });
    time.advance(MINUTE);
    expect(limiter.check('a')).toEqual({ allowed: true, retryAfterMs: 0 });
    expect(limiter.hit('a').allowed).toBe(true);
    expect(limiter.check('a')).toEqual({ allowed: false, retryAfterMs: 4 * MINUTE });
  });

  it('does not record refused hits, so a client that keeps trying gets in once the window passes', () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 1, windowMs: MINUTE, now: time.now });
    limiter.hit('a');
    for (let i = 0; i < 10; i += 1) {
      time.advance(5_000);
      expect(limiter.hit('a').allowed).toBe(false);
    }
    time.advance(10_000);
    expect(limiter.hit('a')).toEqual({ allowed: true, retryAfterMs: 0 });
  });

  it('counts keys apart, and reset forgets one key', () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 1, windowMs: MINUTE, now: time.now });
    limiter.hit('a');
    limiter.hit('b');
    expect(limiter.check('a').allowed).toBe(false);
    limiter.reset('a');
    expect(limiter.check('a').allowed).toBe(true);
    expect(limiter.check('b').allowed).toBe(false);
  });

  it('forgets keys whose window has passed and stays within maxKeys', () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 5, windowMs: MINUTE, now: time.now, maxKeys: 3 });
    for (const key of ['a', 'b', 'c']) limiter.hit(key);
    expect(limiter.size()).toBe(3);
    time.advance(2 * MINUTE);
    limiter.hit('d'); // over maxKeys: the three stale keys are swept
    expect(limiter.size()).toBe(1);
    for (const key of ['e', 'f', 'g']) limiter.hit(key);
    expect(limiter.size()).toBe(3);
    expect(limiter.check('d')).toEqual({ allowed: true, retryAfterMs: 0 });
    limiter.hit('e');
    expect(limiter.size()).toBe(3);
  });

  it('refuses a nonsensical configuration', () => {
    expect(() => createRateLimiter({ limit: 0, windowMs: MINUTE })).toThrow(RangeError);
    expect(() => createRateLimiter({ limit: 1, windowMs: 0 })).toThrow(RangeError);
  });
});
