'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Link, usePathname } from '@/i18n/navigation';
import { routing } from '@/i18n/routing';

/** Links to the same page in the other language; each link names its language in that language. */
export function LocaleSwitch() {
  const t = useTranslations('Common');
  const current = useLocale();
  const pathname = usePathname();
  return (
    <ul className="locale-switch" aria-label={t('language')}>
      {routing.locales
        .filter((locale) => locale !== current)
        .map((locale) => (
          <li key={locale}>
            <Link href={pathname} locale={locale} lang={locale} hrefLang={locale}>
              {t(`languageName.${locale}`)}
            </Link>
          </li>
        ))}
    </ul>
  );
}
