import type { MetadataRoute } from 'next';
import { getTranslations } from 'next-intl/server';
import { routing } from '@/i18n/routing';

/**
 * The web app manifest (/manifest.webmanifest), so a student can add the module to their home
 * screen. One manifest serves every locale: it starts at `/`, which opens the phone's language.
 */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const t = await getTranslations({ locale: routing.defaultLocale, namespace: 'Common' });
  return {
    name: t('appName'),
    short_name: t('appShortName'),
    description: t('appDescription'),
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#12263a',
    background_color: '#f6f7f9',
    icons: [
      { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
