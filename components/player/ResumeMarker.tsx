import { headers } from 'next/headers';
import { deviceStorageKey } from './device-state';

const KEY_META = 'rk-resume-key';
const TEXT_META = 'rk-resume-text';

/**
 * A device with a saved journey shows its own step, not the intro the server painted. A page with
 * a player names its journey's storage key here, in two `<meta>` tags React puts in the `<head>`;
 * ResumeCheck reads them before the first paint.
 */
export function ResumeMarker({ storeKey, moduleText }: { storeKey: string; moduleText: string }) {
  return (
    <>
      <meta name={KEY_META} content={deviceStorageKey(storeKey)} />
      <meta name={TEXT_META} content={moduleText} />
    </>
  );
}

/**
 * The first thing in every page's `<body>` (app/[locale]/layout.tsx): an inline script, allowed by
 * the page's CSP nonce, that marks the document when the device has the saved journey a
 * ResumeMarker names, so global.css keeps the server's screen in its place but unseen until the
 * player has read the saved step: no flash of the intro and no layout shift. It reads only whether
 * the device has a saved journey; nothing leaves the device.
 *
 * It comes before any content because the HTML parser may stop at a script and paint what it has:
 * after the site header, the page painted the header alone, and the async page scripts could run
 * before the rest of the screen was parsed (Lighthouse's LCP then waited on them).
 *
 * The saved step can only appear once the whole module's text has arrived, so a resuming device
 * asks for it here, at once (a preload the player's own fetch then finds), rather than after the
 * page's scripts have run. The address names the content version: a device with it cached
 * fetches nothing.
 */
export async function ResumeCheck() {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  const script =
    `try{var d=document,k=d.querySelector('meta[name="${KEY_META}"]'),t=d.querySelector('meta[name="${TEXT_META}"]');` +
    `if(k&&t&&localStorage.getItem(k.content)){var l=d.createElement('link');d.documentElement.setAttribute('data-resuming','');` +
    `l.rel='preload';l.as='fetch';l.crossOrigin='anonymous';l.href=t.content;d.head.appendChild(l)}}catch(e){}`;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
