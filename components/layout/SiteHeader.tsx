import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import { LocaleSwitch } from './LocaleSwitch';

export async function SiteHeader() {
  const t = await getTranslations('Common');
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-header__name">
          {t('appName')}
        </Link>
        <nav aria-label={t('siteNavigation')} className="site-header__nav">
          <Link href="/support" className="site-header__support">
            {t('supportLink')}
          </Link>
          <LocaleSwitch />
        </nav>
      </div>
    </header>
  );
}
