import { describe, expect, it } from 'vitest';
import { secureCookieAccepted } from './cookies';

const request = (values: Record<string, string>) => new Headers(values);

describe('secureCookieAccepted', () => {
  it('is true over HTTPS, and on loopback addresses over plain HTTP', () => {
    expect(secureCookieAccepted(request({ 'x-forwarded-proto': 'https', host: 'roads.example' }))).toBe(true);
    expect(secureCookieAccepted(request({ 'x-forwarded-proto': 'http', host: 'localhost:3000' }))).toBe(true);
    expect(secureCookieAccepted(request({ 'x-forwarded-proto': 'http', host: '127.0.0.1:3100' }))).toBe(true);
    expect(secureCookieAccepted(request({ 'x-forwarded-proto': 'http', host: '[::1]:3000' }))).toBe(true);
  });

  it('is false over plain HTTP to a network address, where browsers drop a Secure cookie', () => {
    expect(secureCookieAccepted(request({ 'x-forwarded-proto': 'http', host: '192.168.1.20:3000' }))).toBe(false);
    expect(secureCookieAccepted(request({ 'x-forwarded-proto': 'http', host: 'school-laptop.local' }))).toBe(false);
  });
});
