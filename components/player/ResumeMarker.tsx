import { headers } from 'next/headers';
import { deviceStorageKey } from './device-state';

/**
 * A device with a saved journey shows its own step, not the intro the server painted. This runs
 * before the first paint (an inline script, allowed by the page's CSP nonce) and marks the
 * document, so global.css keeps the server's screen in its place but unseen until the player has
 * read the saved step: no flash of the intro and no layout shift. It reads only whether the
 * device has a saved journey; nothing leaves the device.
 */
export async function ResumeMarker({ storeKey }: { storeKey: string }) {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  const key = JSON.stringify(deviceStorageKey(storeKey));
  const script = `try{if(localStorage.getItem(${key}))document.documentElement.setAttribute('data-resuming','')}catch(e){}`;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
