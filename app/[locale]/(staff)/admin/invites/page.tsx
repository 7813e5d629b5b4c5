import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { formatStaffDateTime } from '@/components/staff/format-date';
import { InviteForm } from '@/components/staff/InviteForm';
import { Link } from '@/i18n/navigation';
import { pageLocale } from '@/i18n/page-locale';
import { invitableRoles } from '@/lib/domain/staff-access';
import { requireStaff } from '@/lib/server/auth/current-staff';
import { listPendingInvites } from '@/lib/server/auth/invites';
import { getDatabase } from '@/lib/server/database';
import { listOrganisations } from '@/lib/server/organisations';
import { createInviteAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Admin.invites');
  return { title: t('pageTitle') };
}

/** Administrators invite anyone; officers invite teachers only. Each link is shown once. */
export default async function InvitesPage({ params }: PageProps<'/[locale]/admin/invites'>) {
  const locale = await pageLocale(params);
  const staff = await requireStaff(locale, ['administrator', 'officer'], '/admin/invites');
  const db = await getDatabase();
  const [organisations, pending] = await Promise.all([listOrganisations(db), listPendingInvites(db, staff)]);
  const t = await getTranslations('Admin');
  const tStaff = await getTranslations('Staff');
  const expiries = await Promise.all(pending.map((invite) => formatStaffDateTime(locale, invite.expiresAt)));
  return (
    <>
      <p>
        <Link href="/admin">{t('backToAdministration')}</Link>
      </p>
      <h1>{t('invites.heading')}</h1>
      <p className="lead">{t('invites.lead')}</p>
      <section className="card" aria-labelledby="create-invite">
        <h2 id="create-invite">{t('invites.createHeading')}</h2>
        {organisations.length === 0 && <p className="notice notice--warning">{t('invites.noOrganisations')}</p>}
        <InviteForm
          action={createInviteAction.bind(null, locale)}
          roles={invitableRoles(staff)}
          organisations={organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
        />
      </section>
      <h2 id="pending-invites">{t('invites.pendingHeading')}</h2>
      {pending.length === 0 ? (
        <p>{t('invites.pendingEmpty')}</p>
      ) : (
        <ul className="staff-list" aria-labelledby="pending-invites">
          {pending.map((invite, index) => (
            <li key={`${invite.createdAt.toISOString()}-${index}`} className="staff-list__item">
              <span className="staff-list__title">
                {invite.organisationName === null
                  ? tStaff(`roles.${invite.role}`)
                  : tStaff('roleAt', { role: tStaff(`roles.${invite.role}`), organisation: invite.organisationName })}
              </span>
              <span>{t('invites.expires', { date: expiries[index] ?? '' })}</span>
              {invite.invitedBy !== null && <span className="muted">{t('invites.invitedBy', { name: invite.invitedBy })}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
