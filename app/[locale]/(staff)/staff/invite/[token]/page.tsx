import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { formatStaffDateTime } from '@/components/staff/format-date';
import { LinkUnusable } from '@/components/staff/LinkUnusable';
import { NewAccountForm } from '@/components/staff/NewAccountForm';
import { pageLocale } from '@/i18n/page-locale';
import { findInvite } from '@/lib/server/auth/invites';
import { getDatabase } from '@/lib/server/database';
import { acceptInviteAction } from './actions';
import { InsecureConnectionNotice } from '@/components/staff/InsecureConnectionNotice';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Staff.invite');
  return { title: t('pageTitle') };
}

/** An invitee makes their account; the role and organisation come from the invite. */
export default async function InvitePage({ params }: PageProps<'/[locale]/staff/invite/[token]'>) {
  const locale = await pageLocale(params);
  const { token } = await params;
  const invite = await findInvite(await getDatabase(), token);
  if (invite === null) return <LinkUnusable kind="invite" />;
  const t = await getTranslations('Staff');
  const role = t(`roles.${invite.role}`);
  return (
    <>
      <h1>{t('invite.heading')}</h1>
      <InsecureConnectionNotice />
      <p className="lead">
        {invite.organisationName === null
          ? t('invite.lead', { role })
          : t('invite.leadWithOrganisation', { role, organisation: invite.organisationName })}
      </p>
      <p className="hint">{t('invite.expires', { date: await formatStaffDateTime(locale, invite.expiresAt) })}</p>
      <NewAccountForm action={acceptInviteAction.bind(null, locale, token)} submitLabel={t('invite.submit')} />
    </>
  );
}
