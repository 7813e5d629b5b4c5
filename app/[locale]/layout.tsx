import type { Metadata, Viewport } from 'next';
import { hasLocale, NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { SupportLinesProvider } from '@/components/player/plan-card/SupportLinesProvider';
import { ResumeCheck } from '@/components/player/ResumeMarker';
import { routing } from '@/i18n/routing';
import { getSupport } from '@/lib/content/load';
import { cardSupportLines } from '@/lib/plan-card/support-lines';
import '@/components/ui/global.css';
import '@/components/session/session.css';

export async function generateMetadata({ params }: LayoutProps<'/[locale]'>): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: 'Common' });
  return {
    title: { default: t('appName'), template: `%s – ${t('appName')}` },
    description: t('appDescription'),
    // A link on every page, so no browser falls back to asking for a missing /favicon.ico.
    icons: {
      icon: [
        { url: '/icons/icon.svg', type: 'image/svg+xml' },
        { url: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      ],
      apple: [{ url: '/icons/apple-touch-icon.png', sizes: '180x180', type: 'image/png' }],
    },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#12263a' };

export default async function LocaleLayout({ children, params }: LayoutProps<'/[locale]'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  // Render per request: the CSP nonce (proxy.ts) is new each time and Next adds it to its scripts.
  await connection();
  setRequestLocale(locale);
  const messages = await getMessages();
  const t = await getTranslations('Common');
  const support = await getSupport();
  const supportLines = cardSupportLines(support.structure.contacts, support.text[locale].contacts);
  return (
    <html lang={locale}>
      <body>
        {/* Before any content: a device with a saved journey hides the server's first screen. */}
        <ResumeCheck />
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        {/* Only the strings client components use travel to the browser. */}
        <NextIntlClientProvider messages={{ Common: messages.Common, Player: messages.Player }}>
          <SiteHeader />
          <main id="main" tabIndex={-1}>
            {/* The plan card prints the support numbers, so they travel with every page that may show it. */}
            <SupportLinesProvider lines={supportLines}>{children}</SupportLinesProvider>
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

