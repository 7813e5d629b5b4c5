import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NewSessionForm } from '@/components/session/teach/NewSessionForm';
import { pageLocale } from '@/i18n/page-locale';
import { requireStaff } from '@/lib/server/auth/current-staff';
import { getDatabase } from '@/lib/server/database';
import { listOrganisations } from '@/lib/server/organisations';
import { getPlayerModule } from '@/lib/content/player';
import { createSessionAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Teach');
  return { title: t('new.pageTitle') };
}

export default async function NewSessionPage({ params }: PageProps<'/[locale]/teach/sessions/new'>) {
  const locale = await pageLocale(params);
  const staff = await requireStaff(locale, undefined, '/teach/sessions/new');
  const [organisations, module] = await Promise.all([listOrganisations(await getDatabase()), getPlayerModule(locale)]);
  // A teacher runs sessions for their own organisation only; officers choose.
  const choices = staff.role === 'teacher' ? organisations.filter((o) => o.id === staff.organisationId) : organisations;
  return (
    <NewSessionForm
      action={createSessionAction}
      locale={locale}
      moduleTitle={module.title}
      organisations={choices.map((o) => ({ id: o.id, name: o.name }))}
    />
  );
}
