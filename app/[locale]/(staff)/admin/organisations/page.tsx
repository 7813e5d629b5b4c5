import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { OrganisationForm } from '@/components/staff/OrganisationForm';
import { Link } from '@/i18n/navigation';
import { pageLocale } from '@/i18n/page-locale';
import { ORGANISATION_KINDS } from '@/lib/api/staff-schemas';
import { requireStaff } from '@/lib/server/auth/current-staff';
import { getDatabase } from '@/lib/server/database';
import { listOrganisations } from '@/lib/server/organisations';
import { createOrganisationAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Admin.organisations');
  return { title: t('pageTitle') };
}

export default async function OrganisationsPage({ params }: PageProps<'/[locale]/admin/organisations'>) {
  const locale = await pageLocale(params);
  await requireStaff(locale, ['administrator'], '/admin/organisations');
  const organisations = await listOrganisations(await getDatabase());
  const t = await getTranslations('Admin');
  return (
    <>
      <p>
        <Link href="/admin">{t('backToAdministration')}</Link>
      </p>
      <h1>{t('organisations.heading')}</h1>
      <p className="lead">{t('organisations.lead')}</p>
      {organisations.length === 0 ? (
        <p>{t('organisations.empty')}</p>
      ) : (
        <ul className="staff-list" aria-label={t('organisations.listLabel')}>
          {organisations.map((organisation) => (
            <li key={organisation.id} className="staff-list__item">
              <span className="staff-list__title">{organisation.name}</span>
              <span className="muted">
                {t('organisations.kindAndArea', { kind: t(`organisations.kinds.${organisation.kind}`), area: organisation.area })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <section className="card" aria-labelledby="create-organisation">
        <h2 id="create-organisation">{t('organisations.createHeading')}</h2>
        <OrganisationForm action={createOrganisationAction.bind(null, locale)} kinds={ORGANISATION_KINDS} />
      </section>
    </>
  );
}
