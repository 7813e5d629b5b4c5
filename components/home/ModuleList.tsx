import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import type { ModuleListing } from '@/lib/content/modules';
import styles from './ModuleList.module.css';

/**
 * The published modules a student can take on their own, roads-kill first (listModules): each
 * its title, summary and the reading-time model's minutes, and a start button that names it.
 */
export async function ModuleList({ modules }: { modules: readonly ModuleListing[] }) {
  const t = await getTranslations('Home');
  return (
    <section aria-labelledby="modules-heading">
      <h2 id="modules-heading">{t('modulesHeading')}</h2>
      <ul className={styles.list}>
        {modules.map((module, index) => (
          <li key={module.id} className="card">
            <h3 className={styles.title} id={`module-${module.id}`}>
              {module.title}
            </h3>
            <p>{module.summary}</p>
            <p className={styles.minutes}>{t('minutes', { minutes: module.minutes })}</p>
            <Link href={`/learn/${module.id}`} className={index === 0 ? 'button' : 'button button--secondary'}>
              {t('startShort')}
              <span className="visually-hidden"> {module.title}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
