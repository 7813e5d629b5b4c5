import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { NewSessionForm } from '@/components/session/teach/NewSessionForm';
import { pageLocale } from '@/i18n/page-locale';
import { formatJoinCode } from '@/lib/domain/join-code';
import { requireStaff } from '@/lib/server/auth/current-staff';
import { getDatabase } from '@/lib/server/database';
import { findFollowableSession } from '@/lib/server/follow-ups';
import { listOrganisations } from '@/lib/server/organisations';
import { listModules } from '@/lib/server/session-module';
import { sessionPathMinutes } from '@/lib/server/class-session-forms';
import { createSessionAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Teach');
  return { title: t('new.pageTitle') };
}

/** A new session; `?followUpOf=<id>` plans a follow-up of an earlier one (checked again when the form is sent). */
export default async function NewSessionPage({ params, searchParams }: PageProps<'/[locale]/teach/sessions/new'>) {
  const locale = await pageLocale(params);
  const staff = await requireStaff(locale, undefined, '/teach/sessions/new');
  const db = await getDatabase();
  const { followUpOf } = await searchParams;
  // A session that can't be followed up gets the same 404 as one that doesn't exist: no one learns which do.
  const follows = typeof followUpOf === 'string' ? await findFollowableSession(db, staff, followUpOf) : null;
  if (followUpOf !== undefined && follows === null) notFound();
  const [organisations, published, format] = await Promise.all([listOrganisations(db), listModules(db, locale), getFormatter()]);
  // Roads-kill first and preselected; a follow-up runs the module its first session ran.
  const modules = follows ? published.filter((m) => m.id === follows.moduleId) : published;
  const minutesByModule = Object.fromEntries(await Promise.all(modules.map(async (m) => [m.id, await sessionPathMinutes(locale, m.id)] as const)));
  // A teacher runs sessions for their own organisation only; officers choose. A follow-up is for the first session's.
  const choices = organisations.filter((o) =>
    follows ? o.id === follows.organisationId : staff.role === 'teacher' ? o.id === staff.organisationId : true,
  );
  return (
    <NewSessionForm
      action={createSessionAction}
      locale={locale}
      modules={modules.map(({ id, title, summary, minutes }) => ({ id, title, summary, minutes }))}
      minutesByModule={minutesByModule}
      organisations={choices.map((o) => ({ id: o.id, name: o.name }))}
      followUp={
        follows && {
          id: follows.id,
          date: format.dateTime(follows.createdAt, { dateStyle: 'long' }),
          code: formatJoinCode(follows.joinCode),
        }
      }
    />
  );
}
