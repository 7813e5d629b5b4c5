import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NewModuleForm } from '@/components/studio/NewModuleForm';
import { Link } from '@/i18n/navigation';
import { pageLocale } from '@/i18n/page-locale';
import { routing } from '@/i18n/routing';
import { listModules } from '@/lib/content/modules';
import { AUTHOR_ROLES } from '@/lib/domain/staff-access';
import { requireStaff } from '@/lib/server/auth/current-staff';
import { getDatabase } from '@/lib/server/database';
import { listDrafts } from '@/lib/server/studio/drafts';
import { newModuleAction, openModuleAction } from './page-actions';
import '@/components/studio/studio.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Studio');
  return { title: t('pageTitle') };
}

/** The authoring studio's start: the drafts being edited, the published modules to open, a new module. */
export default async function StudioPage({ params }: PageProps<'/[locale]/studio'>) {
  const locale = await pageLocale(params);
  await requireStaff(locale, AUTHOR_ROLES, '/studio');
  const db = await getDatabase();
  const [drafts, modules] = await Promise.all([listDrafts(db), listModules(db, locale)]);
  const t = await getTranslations('Studio');
  return (
    <div className="studio-start">
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      <h2>{t('draftsHeading')}</h2>
      {drafts.length === 0 ? (
        <p>{t('noDrafts')}</p>
      ) : (
        <ul className="staff-list" aria-label={t('draftsHeading')}>
          {drafts.map((draft) => (
            <li key={draft.moduleId} className="staff-list__item">
              <Link href={`/studio/${draft.moduleId}`} className="staff-list__title">
                {draft.moduleId}
              </Link>
              <span className="muted">{t('draftLine', { revision: draft.revision, name: draft.updatedBy || t('conflict.someone'), when: draft.updatedAt.toISOString().slice(0, 16).replace('T', ' ') })}</span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('publishedHeading')}</h2>
      <ul className="staff-list" aria-label={t('publishedHeading')}>
        {modules.map((module) => (
          <li key={module.id} className="staff-list__item">
            <span className="staff-list__title">{module.title}</span>
            <form action={openModuleAction.bind(null, locale, module.id)}>
              <button type="submit" className="button button--secondary studio-button">
                {t('open', { title: module.title })}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <section className="card" aria-labelledby="new-module">
        <h2 id="new-module">{t('newModule.heading')}</h2>
        <NewModuleForm action={newModuleAction.bind(null, locale)} locales={routing.locales} />
      </section>
    </div>
  );
}
