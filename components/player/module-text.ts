'use client';

import { useEffect, useState } from 'react';
import type { PlayerModule } from '@/lib/content/player';

/** Modules already fetched in this tab, by address: moving between pages fetches nothing again. */
const fetched = new Map<string, PlayerModule>();

async function fetchModule(url: string): Promise<PlayerModule> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  // Our own server's rendering of checked content (lib/content/player.ts), named by its version.
  const module = (await response.json()) as PlayerModule;
  fetched.set(url, module);
  return module;
}

/**
 * The whole module's text, fetched once the page has hydrated (FirstScreen carries only what the
 * first screen shows). The address names the content version, so the browser's cache and the
 * service worker keep it: a returning or offline device reads it without the network. Null until
 * it arrives; `failed` while it can't be fetched, tried again when the network returns.
 */
export function usePlayerModule(url: string): { module: PlayerModule | null; failed: boolean } {
  const [module, setModule] = useState<PlayerModule | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    const load = () => {
      const known = fetched.get(url);
      void (known ? Promise.resolve(known) : fetchModule(url)).then(
        (loaded) => {
          if (!current) return;
          setModule(loaded);
          setFailed(false);
        },
        () => {
          if (current) setFailed(true);
        },
      );
    };
    load();
    window.addEventListener('online', load);
    return () => {
      current = false;
      window.removeEventListener('online', load);
    };
  }, [url]);
  return { module, failed };
}
