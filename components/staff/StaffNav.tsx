import { getTranslations } from 'next-intl/server';
import type { Staff } from '@/lib/server/auth/current-staff';
import { StaffNavLink } from './StaffNavLink';

/** Who is signed in, the staff areas they may use, and signing out (a POST, never a link). */
export async function StaffNav({ staff, signOut }: { staff: Staff; signOut: () => Promise<void> }) {
  const t = await getTranslations('Staff');
  const role = t(`roles.${staff.role}`);
  return (
    <nav className="staff-nav" aria-label={t('nav.label')}>
      <p className="staff-nav__who">
        <span className="staff-nav__name">{t('nav.signedInAs', { name: staff.displayName })}</span>
        <span className="staff-nav__role">
          {staff.organisationName === null ? role : t('roleAt', { role, organisation: staff.organisationName })}
        </span>
      </p>
      <ul className="staff-nav__links">
        <li>
          <StaffNavLink href="/teach">{t('nav.classSessions')}</StaffNavLink>
        </li>
        {staff.role !== 'teacher' && (
          <>
            <li>
              <StaffNavLink href="/results">{t('nav.results')}</StaffNavLink>
            </li>
            <li>
              <StaffNavLink href="/studio">{t('nav.studio')}</StaffNavLink>
            </li>
            <li>
              <StaffNavLink href="/admin">{t('nav.administration')}</StaffNavLink>
            </li>
          </>
        )}
        <li>
          <form action={signOut}>
            <button type="submit" className="button button--quiet staff-nav__sign-out">
              {t('nav.signOut')}
            </button>
          </form>
        </li>
      </ul>
    </nav>
  );
}
