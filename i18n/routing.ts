import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['en-GB', 'pl'],
  defaultLocale: 'en-GB',
});

export type Locale = (typeof routing.locales)[number];

export function isLocale(value: string): value is Locale {
  return (routing.locales as readonly string[]).includes(value);
}
