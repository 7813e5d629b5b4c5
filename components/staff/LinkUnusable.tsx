import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';

/** What a used, expired or unknown setup or invite link shows instead of its form. */
export async function LinkUnusable({ kind }: { kind: 'setup' | 'invite' }) {
  const t = await getTranslations(`Staff.${kind}`);
  return (
    <>
      <h1>{t('invalidTitle')}</h1>
      <p>{t('invalidBody')}</p>
      <p>
        <Link href="/staff/sign-in">{t('signInLink')}</Link>
      </p>
    </>
  );
}
