import { getTranslations } from 'next-intl/server';
import { ModuleList } from '@/components/home/ModuleList';
import { JoinForm } from '@/components/session/JoinForm';
import { Link } from '@/i18n/navigation';
import { pageLocale } from '@/i18n/page-locale';
import { DEFAULT_MODULE_ID } from '@/lib/content/schema';
import { getDatabase } from '@/lib/server/database';
import { listModules } from '@/lib/server/session-module';

/**
 * The student home. With one published module it introduces that module and starts it; with
 * several it lists them, roads-kill first, each started on its own page (decision note 017).
 */
export default async function HomePage({ params }: PageProps<'/[locale]'>) {
  const locale = await pageLocale(params);
  const t = await getTranslations('Home');
  const tc = await getTranslations('Common');
  const tj = await getTranslations('Session.join');
  const modules = await listModules(await getDatabase(), locale);
  const only = modules.length === 1 ? modules[0] : undefined;
  return (
    <>
      {only ? <p className="eyebrow">{only.summary}</p> : null}
      <h1 className="title">{only ? only.title : tc('appName')}</h1>
      <p className="lead">{only ? t('lead', { minutes: only.minutes }) : t('leadSeveral')}</p>
      {only ? (
        <div className="actions">
          <Link href={only.id === DEFAULT_MODULE_ID ? '/learn' : `/learn/${only.id}`} className="button">
            {t('start')}
          </Link>
        </div>
      ) : (
        <ModuleList modules={modules} />
      )}
      <section className="card" aria-labelledby="join-heading">
        <h2 id="join-heading">{tj('homeHeading')}</h2>
        <p>{tj('homeBody')}</p>
        <JoinForm locale={locale} compact />
      </section>
      {only?.id === DEFAULT_MODULE_ID ? (
        <div className="card">
          <h2>{t('whatHeading')}</h2>
          <ul className="checklist">
            <li>{t('what.facts')}</li>
            <li>{t('what.scenarios')}</li>
            <li>{t('what.plan')}</li>
          </ul>
        </div>
      ) : null}
      <div className="card">
        <h2>{t('privacyHeading')}</h2>
        <p>{t('privacyBody')}</p>
        <p>
          <Link href="/privacy">{t('privacyLink')}</Link>
        </p>
      </div>
    </>
  );
}
