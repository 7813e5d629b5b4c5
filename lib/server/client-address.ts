import 'server-only';
import { clientAddress as addressFrom, rateLimitKeyForAddress, trustedForwardedValue } from '@/lib/domain/client-address';
import { env } from '@/lib/env';
import { SOCKET_ADDRESS_HEADER } from '@/scripts/socket-address.mjs';

type RequestHeaders = Pick<Headers, 'get'>;

/** What requests with no address we may trust are counted under, all together. */
export const UNKNOWN_CLIENT = 'unknown';

let warnedUnknown = false;

/**
 * The client a request came from, as a rate-limit key: the TCP peer's address (stamped by
 * scripts/socket-address.mjs), or with TRUSTED_PROXY_HOPS set, the address the outermost
 * trusted proxy saw; an IPv6 address as its /64. Forwarding headers from anyone else count for
 * nothing. Never stored or logged as it is (DESIGN.md, "Privacy by design").
 */
export function clientAddress(headers: RequestHeaders, trustedProxyHops = env.TRUSTED_PROXY_HOPS): string {
  const address = addressFrom(
    { socketAddress: headers.get(SOCKET_ADDRESS_HEADER), forwardedFor: headers.get('x-forwarded-for') },
    trustedProxyHops,
  );
  if (address !== null) return rateLimitKeyForAddress(address);
  if (!warnedUnknown) {
    warnedUnknown = true;
    console.warn('[rate-limit] a request came with no client address (not started by scripts/start.mjs?): such requests share one limit');
  }
  return UNKNOWN_CLIENT;
}

/**
 * The host the browser asked for: Host, or behind trusted proxies (TRUSTED_PROXY_HOPS above 0)
 * the X-Forwarded-Host they vouch for. Without a proxy X-Forwarded-Host is the client's to write
 * (Next only fills it in when absent), so it counts for nothing.
 */
export function requestHost(headers: RequestHeaders, trustedProxyHops = env.TRUSTED_PROXY_HOPS): string | null {
  return trustedForwardedValue(headers.get('x-forwarded-host'), trustedProxyHops) ?? headers.get('host');
}

/** `https` only when a trusted proxy says so: `next start` itself serves plain HTTP. */
export function requestProtocol(headers: RequestHeaders, trustedProxyHops = env.TRUSTED_PROXY_HOPS): 'http' | 'https' {
  return trustedForwardedValue(headers.get('x-forwarded-proto'), trustedProxyHops) === 'https' ? 'https' : 'http';
}
