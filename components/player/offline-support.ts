/**
 * Registers the service worker (public/sw.js) so that a reload without a connection still opens
 * the module, and hands it what this page has already loaded: the page itself and its scripts
 * and styles arrived before the worker existed, so it could not have stored them.
 */
export async function enableOfflineReload(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  try {
    await navigator.serviceWorker.register('/sw.js');
    const registration = await navigator.serviceWorker.ready;
    const assets = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((url) => new URL(url).pathname.startsWith('/_next/static/'));
    registration.active?.postMessage({ keep: [window.location.href, ...assets] });
  } catch (error) {
    // Without the worker the module still works online; say why in the console for support staff.
    console.warn('Offline reload is not available:', error);
  }
}
