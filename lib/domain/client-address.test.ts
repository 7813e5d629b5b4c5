import { describe, expect, it } from 'vitest';
import { clientAddress, normaliseAddress, rateLimitKeyForAddress, trustedForwardedValue } from './client-address';

describe('clientAddress', () => {
  it('with no trusted proxy, is the socket address whatever the forwarding headers say', () => {
    expect(clientAddress({ socketAddress: '192.168.1.31', forwardedFor: null }, 0)).toBe('192.168.1.31');
    // A phone that forges the header, as one attacker or a thousand: still its own socket.
    for (const forged of ['203.0.113.7', '203.0.113.7, 10.0.0.1', 'unknown', '', ' , ']) {
      expect(clientAddress({ socketAddress: '192.168.1.31', forwardedFor: forged }, 0)).toBe('192.168.1.31');
    }
  });

  it('behind N trusted proxies, is the entry the outermost one appended: the Nth from the right', () => {
    // client → proxy A → app: A appends what it saw; anything to its left the client wrote.
    expect(clientAddress({ socketAddress: '10.0.0.5', forwardedFor: '198.51.100.20' }, 1)).toBe('198.51.100.20');
    expect(clientAddress({ socketAddress: '10.0.0.5', forwardedFor: '6.6.6.6, 198.51.100.20' }, 1)).toBe('198.51.100.20');
    expect(clientAddress({ socketAddress: '10.0.0.5', forwardedFor: '6.6.6.6,198.51.100.20' }, 1)).toBe('198.51.100.20');
    // client → CDN → load balancer → app: the CDN appended the client, the balancer the CDN.
    const twoHops = '6.6.6.6, 7.7.7.7, 198.51.100.20, 172.16.0.9';
    expect(clientAddress({ socketAddress: '10.0.0.5', forwardedFor: twoHops }, 2)).toBe('198.51.100.20');
    expect(clientAddress({ socketAddress: '10.0.0.5', forwardedFor: twoHops }, 1)).toBe('172.16.0.9');
  });

  it('behind a proxy, falls back to what a trusted proxy wrote, then to the socket', () => {
    // A shorter chain than configured: its leftmost entry was still written by a proxy.
    expect(clientAddress({ socketAddress: '10.0.0.5', forwardedFor: '198.51.100.20' }, 3)).toBe('198.51.100.20');
    // No header at all (a health check from the balancer itself): the socket.
    expect(clientAddress({ socketAddress: '10.0.0.5', forwardedFor: null }, 1)).toBe('10.0.0.5');
    expect(clientAddress({ socketAddress: '10.0.0.5', forwardedFor: ' ' }, 1)).toBe('10.0.0.5');
  });

  it('is null when nothing trustworthy says where the request came from', () => {
    expect(clientAddress({ socketAddress: null, forwardedFor: '203.0.113.7' }, 0)).toBeNull();
    expect(clientAddress({ socketAddress: null, forwardedFor: null }, 1)).toBeNull();
    expect(clientAddress({ socketAddress: '', forwardedFor: null }, 0)).toBeNull();
  });
});

describe('trustedForwardedValue', () => {
  it('picks the Nth entry from the right, and nothing with 0 hops', () => {
    expect(trustedForwardedValue('evil.example, roads.example', 0)).toBeNull();
    expect(trustedForwardedValue('evil.example, roads.example', 1)).toBe('roads.example');
    expect(trustedForwardedValue('https', 2)).toBe('https');
    expect(trustedForwardedValue(null, 1)).toBeNull();
    expect(trustedForwardedValue('', 1)).toBeNull();
  });
});

describe('normaliseAddress', () => {
  it('writes each address one way', () => {
    expect(normaliseAddress('::ffff:127.0.0.2')).toBe('127.0.0.2');
    expect(normaliseAddress('::FFFF:192.0.2.1')).toBe('192.0.2.1');
    expect(normaliseAddress(' 192.0.2.1:51234 ')).toBe('192.0.2.1');
    expect(normaliseAddress('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normaliseAddress('fe80::1%eth0')).toBe('fe80::1');
    expect(normaliseAddress('_hidden')).toBe('_hidden');
  });
});

describe('rateLimitKeyForAddress', () => {
  it('keeps an IPv4 address, and counts an IPv6 address by its /64 network', () => {
    expect(rateLimitKeyForAddress('198.51.100.20')).toBe('198.51.100.20');
    expect(rateLimitKeyForAddress('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(rateLimitKeyForAddress('2001:db8:1:2::9')).toBe('2001:db8:1:2::/64');
    expect(rateLimitKeyForAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitKeyForAddress('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitKeyForAddress('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
    expect(rateLimitKeyForAddress('_hidden')).toBe('_hidden');
  });
});
