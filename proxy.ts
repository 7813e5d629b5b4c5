import createMiddleware from 'next-intl/middleware';
import type { NextRequest } from 'next/server';
import { routing } from './i18n/routing';

const handleLocale = createMiddleware(routing);

/**
 * A strict Content-Security-Policy with a fresh nonce per request: Next reads the nonce from
 * the request's CSP header and puts it on its own scripts, so no inline script runs without it.
 */
function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === 'development';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Animations set inline styles; no third-party styles are ever loaded.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export default function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  request.headers.set('x-nonce', nonce);
  request.headers.set('content-security-policy', csp);
  const response = handleLocale(request);
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  // Pages only: the API, Next's assets and files with an extension are not localised.
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
