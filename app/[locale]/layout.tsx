import type { Metadata, Viewport } from 'next';
import { hasLocale, NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { routing } from '@/i18n/routing';
import '@/components/ui/global.css';
import '@/components/session/session.css';

export async function generateMetadata({ params }: LayoutProps<'/[locale]'>): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: 'Common' });
  return { title: { default: t('appName'), template: `%s – ${t('appName')}` }, description: t('appDescription') };
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
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        {/* Only the strings client components use travel to the browser. */}
        <NextIntlClientProvider messages={{ Common: messages.Common, Player: messages.Player }}>
          <SiteHeader />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

