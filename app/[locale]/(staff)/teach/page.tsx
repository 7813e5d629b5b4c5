import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SessionList } from '@/components/session/teach/SessionList';
import { Link } from '@/i18n/navigation';
import { pageLocale } from '@/i18n/page-locale';
import { requireStaff } from '@/lib/server/auth/current-staff';
import { listClassSessions } from '@/lib/server/class-sessions';
import { getDatabase } from '@/lib/server/database';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Teach');
  return { title: t('list.pageTitle') };
}

export default async function TeachPage({ params }: PageProps<'/[locale]/teach'>) {
  const locale = await pageLocale(params);
  const staff = await requireStaff(locale, undefined, '/teach');
  const t = await getTranslations('Teach.list');
  const sessions = await listClassSessions(await getDatabase(), staff);
  return (
    <>
      <h1>{t('heading')}</h1>
      <p className="lead">{staff.role === 'teacher' ? t('leadTeacher', { organisation: staff.organisationName ?? '' }) : t('leadOfficer')}</p>
      <div className="actions actions--inline">
        <Link href="/teach/sessions/new" className="button">
          {t('newSession')}
        </Link>
      </div>
      <SessionList sessions={sessions} locale={locale} showJoined={staff.role === 'teacher'} />
    </>
  );
}
