import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import { pageLocale } from '@/i18n/page-locale';
import { requireStaff } from '@/lib/server/auth/current-staff';
import { getDatabase } from '@/lib/server/database';
import { listPeople } from '@/lib/server/organisations';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Admin.people');
  return { title: t('pageTitle') };
}

export default async function PeoplePage({ params }: PageProps<'/[locale]/admin/people'>) {
  const locale = await pageLocale(params);
  await requireStaff(locale, ['administrator'], '/admin/people');
  const people = await listPeople(await getDatabase());
  const t = await getTranslations('Admin');
  const tStaff = await getTranslations('Staff');
  return (
    <>
      <p>
        <Link href="/admin">{t('backToAdministration')}</Link>
      </p>
      <h1>{t('people.heading')}</h1>
      <p className="lead">{t('people.lead')}</p>
      <p>
        <Link href="/admin/invites">{t('people.inviteLink')}</Link>
      </p>
      {people.length === 0 ? (
        <p>{t('people.empty')}</p>
      ) : (
        <ul className="staff-list" aria-label={t('people.listLabel')}>
          {people.map((person) => (
            <li key={person.id} className="staff-list__item">
              <span className="staff-list__title">{person.displayName}</span>
              <span className="staff-list__email">{person.email}</span>
              <span className="muted">
                {tStaff('roleAt', {
                  role: tStaff(`roles.${person.role}`),
                  organisation: person.organisationName ?? t('people.noOrganisation'),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
