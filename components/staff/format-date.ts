import { getFormatter } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';

/**
 * "9 March 2026 at 09:00" / "9 marca 2026 09:00", for expiry dates; server side only. The time
 * zone is the app's (TIME_ZONE, set for next-intl in i18n/request.ts), not the server clock's.
 */
export async function formatStaffDateTime(locale: Locale, date: Date): Promise<string> {
  const format = await getFormatter({ locale });
  return format.dateTime(date, { dateStyle: 'long', timeStyle: 'short' });
}
