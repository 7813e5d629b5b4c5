/*
 * Keeps the student module usable when school Wi-Fi drops: a reload while offline still opens
 * the page a student was on. Pages are fetched from the network first (fresh content and a fresh
 * CSP nonce whenever there is a connection) and from the cache only when the network fails.
 * Next's hashed static files and the module's text (`/{locale}/learn/content/{version}`, named
 * by its content hash) never change, so they are served from the cache once stored.
 * The API is never touched: answers have their own queue on the device.
 *
 * No page is ever fetched twice. A navigation this worker serves is stored from the response
 * that comes back through it. The first visit arrived before the worker existed, so the page
 * names it (components/player/offline-support.ts) and the worker copies the browser's own copy
 * of it from the HTTP cache (`cache: 'only-if-cached'`, which never goes to the network): student
 * pages are sent `private, no-cache` (proxy.ts), so the browser keeps the copy it was sent. A page
 * sent `no-store` has no such copy; it is stored the next time it is opened through the worker,
 * rather than fetched again now. Static files are immutable, so copying them also comes from the
 * HTTP cache (`force-cache`) and touches the network only for one the browser has not kept.
 */
const CACHE = 'rk-pages-v2';
const MODULE_TEXT = /^\/[^/]+\/learn\/content\/[^/]+$/;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) =>
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  ),
);

const sameOrigin = (u) => typeof u === 'string' && new URL(u, self.location.href).origin === self.location.origin;

/** The browser's copy of what the page loaded before we ran: `page` from the HTTP cache only. */
self.addEventListener('message', (event) => {
  const data = event.data || {};
  const page = sameOrigin(data.page) ? [data.page] : [];
  const assets = Array.isArray(data.assets) ? data.assets.filter(sameOrigin) : [];
  const copy = (cache, url, mode) =>
    fetch(new Request(url, { cache: mode, mode: 'same-origin', credentials: 'same-origin' }))
      .then((response) => (response.ok ? cache.put(url, response) : undefined))
      .catch(() => undefined);
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all([
        ...page.map((url) => copy(cache, url, 'only-if-cached')),
        ...assets.map((url) => cache.match(url).then((hit) => hit || copy(cache, url, 'force-cache'))),
      ]),
    ),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (url.pathname.startsWith('/_next/static/') || MODULE_TEXT.test(url.pathname)) {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(request).then(
          (hit) =>
            hit ||
            fetch(request).then((response) => {
              if (response.ok) cache.put(request, response.clone());
              return response;
            }),
        ),
      ),
    );
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
          }
          return response;
        })
        .catch(() => caches.match(request).then((hit) => hit || Response.error())),
    );
  }
});
