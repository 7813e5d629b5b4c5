import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import { pageLocale } from '@/i18n/page-locale';
import { canManageOrganisations } from '@/lib/domain/staff-access';
import { requireStaff } from '@/lib/server/auth/current-staff';
import { listPendingInvites } from '@/lib/server/auth/invites';
import { getDatabase } from '@/lib/server/database';
import { listOrganisations, listPeople } from '@/lib/server/organisations';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Admin');
  return { title: t('pageTitle') };
}

/** Administrators see organisations, people and invites; officers see invites only. */
export default async function AdminPage({ params }: PageProps<'/[locale]/admin'>) {
  const locale = await pageLocale(params);
  const staff = await requireStaff(locale, ['administrator', 'officer'], '/admin');
  const db = await getDatabase();
  const full = canManageOrganisations(staff);
  const [organisations, people, invites] = await Promise.all([
    full ? listOrganisations(db) : [],
    full ? listPeople(db) : [],
    listPendingInvites(db, staff),
  ]);
  const t = await getTranslations('Admin');
  const sections = [
    ...(full
      ? [
          { href: '/admin/organisations', title: t('organisations.heading'), summary: t('overview.organisations', { count: organisations.length }) },
          { href: '/admin/people', title: t('people.heading'), summary: t('overview.people', { count: people.length }) },
        ]
      : []),
    { href: '/admin/invites', title: t('invites.heading'), summary: t('overview.invites', { count: invites.length }) },
  ];
  return (
    <>
      <h1>{t('heading')}</h1>
      <nav aria-label={t('sectionsLabel')}>
        <ul className="staff-list">
          {sections.map((section) => (
            <li key={section.href} className="staff-list__item">
              <Link href={section.href} className="staff-list__title">
                {section.title}
              </Link>
              <span className="muted">{section.summary}</span>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
