/**
 * Registers the service worker (public/sw.js) so that a reload without a connection still opens
 * the module. This page, its scripts and the module's text arrived before the worker existed, so
 * it is told what they were and copies them from the browser's HTTP cache: nothing is fetched
 * from the server a second time (see the note at the top of public/sw.js).
 */
export async function enableOfflineReload(moduleTextUrl: string | null): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  try {
    await navigator.serviceWorker.register('/sw.js');
    const registration = await navigator.serviceWorker.ready;
    const assets = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((url) => new URL(url).pathname.startsWith('/_next/static/'));
    if (moduleTextUrl) assets.push(new URL(moduleTextUrl, window.location.href).href);
    registration.active?.postMessage({ page: window.location.href, assets });
  } catch (error) {
    // Without the worker the module still works online; say why in the console for support staff.
    console.warn('Offline reload is not available:', error);
  }
}
