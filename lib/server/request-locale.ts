import { routing, type Locale } from '@/i18n/routing';

/**
 * The locale for an API error message, from the request's `Accept-Language`
 * (RFC 9110 §12.5.4): the highest-weighted language the app speaks, matched on the whole tag
 * and then on the language alone, so `pl-PL` gets Polish and `en-US` British English.
 * Anything else gets the default, en-GB.
 */
export function negotiateLocale(acceptLanguage: string | null): Locale {
  if (acceptLanguage === null) return routing.defaultLocale;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag !== '' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const match = matchLocale(tag);
    if (match !== undefined) return match;
  }
  return routing.defaultLocale;
}

const languageOf = (tag: string) => tag.split('-')[0];

function matchLocale(tag: string): Locale | undefined {
  return (
    routing.locales.find((locale) => locale.toLowerCase() === tag) ??
    routing.locales.find((locale) => languageOf(locale.toLowerCase()) === languageOf(tag))
  );
}
