/**
 * Which client a request came from, for rate limits: the TCP peer's address, or, behind trusted
 * proxies, the address the outermost trusted proxy saw. Pure: the server passes in what it read
 * (lib/server/client-address.ts), so every case can be tested without a network.
 */
import { isIP } from 'node:net';

export interface RequestOrigins {
  /** The TCP peer, as this server's socket saw it; null when no one stamped it. */
  socketAddress: string | null;
  /** X-Forwarded-For as received (several headers arrive joined by commas); null when absent. */
  forwardedFor: string | null;
}

/**
 * The entry of a forwarding header (X-Forwarded-For, -Host, -Proto) that the trusted proxies
 * vouch for, or null when none does. Each proxy appends what it saw, so with `hops` trusted
 * proxies in front the client is the `hops`-th entry from the right; anything further left was
 * written by the client and is ignored. A chain shorter than `hops` (a proxy that set the header
 * instead of appending) gives its leftmost entry, which a trusted proxy still wrote.
 * With 0 hops nothing is trusted: a client that reaches the app directly can write any of these.
 */
export function trustedForwardedValue(header: string | null, hops: number): string | null {
  if (hops <= 0 || header === null) return null;
  const entries = header
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return entries[Math.max(0, entries.length - hops)] ?? null;
}

/**
 * The client's address, normalised, or null when the request carries none we may trust (no
 * stamped socket address and no trusted proxy): the caller then counts all such requests together.
 */
export function clientAddress({ socketAddress, forwardedFor }: RequestOrigins, trustedProxyHops: number): string | null {
  const raw = trustedForwardedValue(forwardedFor, trustedProxyHops) ?? socketAddress;
  return raw === null || raw.trim() === '' ? null : normaliseAddress(raw);
}

/**
 * One spelling per address: IPv4-mapped IPv6 (`::ffff:192.0.2.1`, what a dual-stack socket
 * reports) as IPv4, ports and brackets and IPv6 zones dropped, lower case. Anything that is not
 * an IP address (a proxy's obfuscated identifier) is kept as it is, trimmed.
 */
export function normaliseAddress(raw: string): string {
  let address = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1] !== undefined) address = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.replace(/:\d+$/, '');
  address = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(address);
  if (mapped?.[1] !== undefined) return mapped[1];
  return isIP(address) === 0 ? raw.trim() : address;
}

/**
 * The key a client's limits are counted under: an IPv4 address as it is, an IPv6 address as
 * its /64 network. One IPv6 host can take any of the 2^64 addresses of its network at will
 * (privacy addresses), so counting single addresses would let it dodge every limit; a /64 is
 * what one household or one school network gets, like one IPv4 address behind NAT.
 */
export function rateLimitKeyForAddress(address: string): string {
  if (isIP(address) !== 6) return address;
  const groups = ipv6Groups(address);
  return groups === null ? address : `${groups.slice(0, 4).map((group) => group.toString(16)).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a trailing IPv4 part converted). */
function ipv6Groups(address: string): number[] | null {
  let text = address;
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  return [...left, ...Array<number>(missing).fill(0), ...right];
}
