import { describe, expect, it } from 'vitest';
import { SOCKET_ADDRESS_HEADER } from '@/scripts/socket-address.mjs';
import { clientAddress, requestHost, requestProtocol, UNKNOWN_CLIENT } from './client-address';

const stamped = (socket: string, others: Record<string, string> = {}) => new Headers({ [SOCKET_ADDRESS_HEADER]: socket, ...others });

describe('clientAddress', () => {
  it('is the stamped socket address, as a rate-limit key, with forwarding headers ignored by default', () => {
    expect(clientAddress(stamped('::ffff:127.0.0.2'), 0)).toBe('127.0.0.2');
    expect(clientAddress(stamped('192.168.1.31', { 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.8' }), 0)).toBe('192.168.1.31');
    expect(clientAddress(stamped('2001:db8:5:6::77'), 0)).toBe('2001:db8:5:6::/64');
  });

  it('behind trusted proxies, is the address the outermost one saw', () => {
    const headers = stamped('10.0.0.5', { 'x-forwarded-for': '6.6.6.6, 198.51.100.20' });
    expect(clientAddress(headers, 1)).toBe('198.51.100.20');
    expect(clientAddress(headers, 2)).toBe('6.6.6.6');
  });

  it('puts requests with no stamp under one shared key, whatever they claim', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.7' }), 0)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(new Headers(), 0)).toBe(UNKNOWN_CLIENT);
  });
});

describe('requestHost and requestProtocol', () => {
  const headers = new Headers({ host: '192.168.1.20:3000', 'x-forwarded-host': 'evil.example, roads.example', 'x-forwarded-proto': 'https' });

  it('are the request’s own with no trusted proxy', () => {
    expect(requestHost(headers, 0)).toBe('192.168.1.20:3000');
    expect(requestProtocol(headers, 0)).toBe('http');
  });

  it('are what the trusted proxy says behind one', () => {
    expect(requestHost(headers, 1)).toBe('roads.example');
    expect(requestProtocol(headers, 1)).toBe('https');
    expect(requestHost(new Headers({ host: 'app:3000' }), 1)).toBe('app:3000');
  });
});
