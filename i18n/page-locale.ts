import { setRequestLocale } from 'next-intl/server';
import { isLocale, routing, type Locale } from './routing';

/**
 * The locale of a page from its `[locale]` segment, registered with next-intl for the render.
 * The layout has already answered an unknown locale with a 404, so the fallback is never shown.
 */
export async function pageLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale: requested } = await params;
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  setRequestLocale(locale);
  return locale;
}
