'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { StudioImportResult } from '@/lib/api/studio-state';
import type { ModuleFiles } from '@/lib/domain/module-draft';
import { downloadText } from './download';

/** A chosen folder's files by their path inside it (`teacher-notes/pl.json`), as text. */
async function readFolder(list: FileList): Promise<ModuleFiles> {
  const files: ModuleFiles = {};
  for (const file of Array.from(list)) {
    const relative = file.webkitRelativePath || file.name;
    // The folder itself is the first part of the path: content/modules/<id>/… → …
    const inside = relative.split('/').slice(relative.includes('/') ? 1 : 0).join('/');
    if (inside.endsWith('.json')) files[inside] = await file.text();
  }
  return files;
}

/**
 * The draft's files, each downloadable as exactly the text it holds: a file the officer has not
 * changed is byte for byte the file it was opened or imported from. Importing a module folder
 * replaces the draft only if every file passes the whole content check; otherwise the check's
 * messages are shown and nothing changes.
 */
export function FilesPanel({
  moduleId,
  files,
  importFiles,
  onImported,
}: {
  moduleId: string;
  files: ModuleFiles;
  importFiles: (files: ModuleFiles) => Promise<StudioImportResult>;
  onImported: (result: Extract<StudioImportResult, { kind: 'imported' }>) => void;
}) {
  const t = useTranslations('Studio.files');
  const [result, setResult] = useState<StudioImportResult | { kind: 'failed' } | null>(null);
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
      <h3>{t('importHeading')}</h3>
      <p>{t('importIntro')}</p>
      <div className="field">
        <label className="field-label" htmlFor="import-folder">
          {t('importLabel')}
        </label>
        <input
          id="import-folder"
          type="file"
          className="studio-file"
          multiple
          {...{ webkitdirectory: '' }}
          onChange={async (event) => {
            const list = event.target.files;
            if (!list || list.length === 0) return;
            try {
              const outcome = await importFiles(await readFolder(list));
              setResult(outcome);
              if (outcome.kind === 'imported') onImported(outcome);
            } catch {
              setResult({ kind: 'failed' });
            }
          }}
        />
      </div>
      <div aria-live="polite">
        {result?.kind === 'imported' && (
          <p className="notice" role="status">
            {t('imported', { revision: result.revision })}
          </p>
        )}
        {result && result.kind !== 'imported' && (
          <div className="error-summary" role="alert">
            <h4>{t('importRefused')}</h4>
            {result.kind === 'problems' && (
              <ul>
                {result.problems.slice(0, 50).map((p, i) => (
                  <li key={i}>
                    {p.file} <code>{p.id}</code>: {p.message}
                  </li>
                ))}
              </ul>
            )}
            {result.kind === 'refused' && (
              <ul>
                {result.errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            )}
            {result.kind === 'conflict' && <p>{t('importConflict')}</p>}
            {result.kind === 'failed' && <p>{t('importFailed')}</p>}
          </div>
        )}
      </div>
    </>
  );
}
