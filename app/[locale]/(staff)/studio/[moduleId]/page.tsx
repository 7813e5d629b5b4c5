import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { StudioEditor } from '@/components/studio/StudioEditor';
import { Link } from '@/i18n/navigation';
import { pageLocale } from '@/i18n/page-locale';
import { isModuleId } from '@/lib/domain/module-draft';
import { AUTHOR_ROLES } from '@/lib/domain/staff-access';
import { requireStaff } from '@/lib/server/auth/current-staff';
import { getDatabase } from '@/lib/server/database';
import { findDraft } from '@/lib/server/studio/drafts';
import { checkDraftAction, importDraftAction, previewDraftAction, publishDraftAction, saveDraftAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Studio');
  return { title: t('editorPageTitle') };
}

/** The editor of one module's draft: officers and administrators only. */
export default async function StudioModulePage({ params }: PageProps<'/[locale]/studio/[moduleId]'>) {
  const locale = await pageLocale(params);
  const { moduleId } = await params;
  await requireStaff(locale, AUTHOR_ROLES, `/studio/${moduleId}`);
  if (!isModuleId(moduleId)) notFound();
  const draft = await findDraft(await getDatabase(), moduleId);
  if (draft === null) notFound();
  const t = await getTranslations('Studio');
  return (
    <>
      <p>
        <Link href="/studio">{t('backToStudio')}</Link>
      </p>
      <StudioEditor
        moduleId={moduleId}
        files={draft.files}
        revision={draft.revision}
        translatedFrom={draft.translatedFrom}
        actions={{
          check: checkDraftAction.bind(null, locale),
          save: saveDraftAction.bind(null, locale),
          publish: publishDraftAction.bind(null, locale),
          importFiles: importDraftAction.bind(null, locale),
          preview: previewDraftAction.bind(null, locale),
        }}
      />
    </>
  );
}
