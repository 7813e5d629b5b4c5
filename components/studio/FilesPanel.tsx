'use client';

import { useTranslations } from 'next-intl';
import type { ModuleFiles } from '@/lib/domain/module-draft';
import { downloadText } from './download';

/**
 * The draft's files, each downloadable as exactly the text it holds: a file the officer has not
 * changed is byte for byte the file it was opened or imported from. Importing a folder is a
 * form of the page (app/[locale]/(staff)/studio), since it replaces the draft on the server.
 */
export function FilesPanel({ moduleId, files }: { moduleId: string; files: ModuleFiles }) {
  const t = useTranslations('Studio.files');
  return (
    <>
      <p>{t('intro', { folder: `content/modules/${moduleId}/` })}</p>
      <ul className="studio-id-list">
        {Object.keys(files)
          .sort()
          .map((name) => (
            <li key={name}>
              <button type="button" className="button button--quiet studio-button" onClick={() => downloadText(name.replaceAll('/', '--'), files[name] ?? '')}>
                {t('download', { name })}
              </button>
            </li>
          ))}
      </ul>
    </>
  );
}
