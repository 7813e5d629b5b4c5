import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { secureCookieAccepted } from '@/lib/server/auth/cookies';

/** Shown where staff sign in, when this connection can't keep the sign-in cookie (plain HTTP to a network address). */
export async function InsecureConnectionNotice() {
  if (secureCookieAccepted(await headers())) return null;
  const t = await getTranslations('Staff.insecure');
  return (
    <div className="notice notice--warning" role="note">
      <p>
        <strong>{t('title')}</strong>
      </p>
      <p>{t('body')}</p>
    </div>
  );
}
