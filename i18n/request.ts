import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { env } from '@/lib/env';
import { loadMessages } from '@/messages';
import { routing } from './routing';

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  // Staff pages show times (session created, closing time) rendered on the server: in the
  // council's own time zone, whatever the server's clock is set to.
  return { locale, messages: await loadMessages(locale), timeZone: env.TIME_ZONE };
});
