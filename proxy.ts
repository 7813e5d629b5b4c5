import createMiddleware from 'next-intl/middleware';
import type { NextRequest } from 'next/server';
import { routing } from './i18n/routing';
import enErrors from './messages/en-GB/ApiErrors.json';
import plErrors from './messages/pl/ApiErrors.json';

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

/**
 * Student pages that hold nothing private: the same for every visitor but for the CSP nonce. Next
 * sends dynamic pages `no-store`, which keeps them out of the browser's back/forward cache and
 * out of its HTTP cache. `private, no-cache` still makes every navigation ask the server (a fresh
 * nonce each time) and lets no shared cache keep the page, but a back or forward step restores
 * it at once, and the service worker can keep the copy the browser already has (public/sw.js)
 * instead of fetching the page a second time. A class session's page is left out: its live step
 * changes under it, and a restored copy would show a step the class has left.
 */
const STUDENT_PAGE = new RegExp(`^/(${routing.locales.join('|')})(/(learn|join|support|privacy))?/?$`);

/**
 * The module's text by content version: `public, immutable`, the same for everyone. It carries
 * no locale cookie, so no shared cache ever stores one person's cookie with it.
 */
const MODULE_TEXT = new RegExp(`^/(${routing.locales.join('|')})/learn/content/[^/]+$`);

/** Form bodies a page's POST may carry (a form posted without JavaScript, or a Server Action). */
const FORM_TYPES = ['multipart/form-data', 'application/x-www-form-urlencoded'];

/**
 * A form body Next can't parse makes it throw "Failed to parse body as FormData" and answer 500.
 * Such a POST gets 400 here instead, before anything runs. The body is read from a clone, so the
 * page or action still reads it whole.
 */
async function unreadableForm(request: NextRequest): Promise<boolean> {
  if (request.method !== 'POST') return false;
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (!FORM_TYPES.some((form) => type.startsWith(form))) return false;
  try {
    await request.clone().formData();
    return false;
  } catch {
    return true;
  }
}

export default async function proxy(request: NextRequest) {
  if (await unreadableForm(request)) {
    const errors = request.nextUrl.pathname.startsWith('/pl') ? plErrors : enErrors;
    return Response.json(
      { error: { code: 'invalid_body', message: errors.invalid_body } },
      { status: 400, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  request.headers.set('x-nonce', nonce);
  request.headers.set('content-security-policy', csp);
  const response = handleLocale(request);
  response.headers.set('content-security-policy', csp);
  if (request.method === 'GET' && STUDENT_PAGE.test(request.nextUrl.pathname)) response.headers.set('Cache-Control', 'private, no-cache');
  if (MODULE_TEXT.test(request.nextUrl.pathname)) response.headers.delete('set-cookie');
  return response;
}

export const config = {
  // Pages only: the API, Next's assets and files with an extension are not localised.
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
