/**
 * UI strings, one file per namespace and locale, so that features can change their own
 * strings without touching one large file. `en-GB` is the reference: its shape types every key.
 */
import type { Locale } from '@/i18n/routing';
import type enGB from './en-GB';

export type Messages = typeof enGB;

export async function loadMessages(locale: Locale): Promise<Messages> {
  return locale === 'pl' ? (await import('./pl')).default : (await import('./en-GB')).default;
}
