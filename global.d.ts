import type { routing } from '@/i18n/routing';
import type { Messages } from '@/messages';

// Typed message keys: a key missing from en-GB is a type error at its use.
declare module 'next-intl' {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: Messages;
  }
}
