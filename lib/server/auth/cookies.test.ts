import { describe, expect, it } from 'vitest';
import { secureCookieAccepted } from './cookies';

const request = (values: Record<string, string>) => new Headers(values);

describe('secureCookieAccepted', () => {
  it('is true over HTTPS behind a trusted proxy, and on loopback addresses over plain HTTP', () => {
    expect(secureCookieAccepted(request({ 'x-forwarded-proto': 'https', host: 'roads.example' }), 1)).toBe(true);
    expect(secureCookieAccepted(request({ 'x-forwarded-proto': 'http', host: 'localhost:3000' }))).toBe(true);
    expect(secureCookieAccepted(request({ 'x-forwarded-proto': 'http', host: '127.0.0.1:3100' }))).toBe(true);
    expect(secureCookieAccepted(request({ 'x-forwarded-proto': 'http', host: '[::1]:3000' }))).toBe(true);
  });

  it('is false over plain HTTP to a network address, where browsers drop a Secure cookie', () => {
    expect(secureCookieAccepted(request({ 'x-forwarded-proto': 'http', host: '192.168.1.20:3000' }))).toBe(false);
    expect(secureCookieAccepted(request({ 'x-forwarded-proto': 'http', host: 'school-laptop.local' }))).toBe(false);
  });

  it('believes X-Forwarded-Proto and -Host only from a trusted proxy (TRUSTED_PROXY_HOPS)', () => {
    const forged = request({ 'x-forwarded-proto': 'https', 'x-forwarded-host': 'localhost', host: '192.168.1.20:3000' });
    expect(secureCookieAccepted(forged, 0)).toBe(false);
    expect(secureCookieAccepted(forged, 1)).toBe(true);
    // Behind one proxy, the entry it appended counts, not one the client put first.
    expect(secureCookieAccepted(request({ 'x-forwarded-proto': 'https, http', host: 'roads.example' }), 1)).toBe(false);
  });
});
