'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { StudioPublishResult } from '@/lib/api/studio-state';

/**
 * Publishing: only a saved draft that passes the whole content check becomes a new version.
 * Sessions already running keep theirs; the result lists what changed against the last version.
 */
export function PublishPanel({
  unsaved,
  checkPassed,
  publish,
}: {
  unsaved: boolean;
  checkPassed: boolean;
  publish: () => Promise<StudioPublishResult>;
}) {
  const t = useTranslations('Studio.publish');
  const [result, setResult] = useState<StudioPublishResult | { kind: 'failed' } | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <>
      <p>{t('intro')}</p>
      {unsaved && <p className="notice notice--warning">{t('saveFirst')}</p>}
      {!checkPassed && <p className="notice notice--warning">{t('fixFirst')}</p>}
      <button
        type="button"
        className="button studio-button"
        disabled={pending || unsaved || !checkPassed || result?.kind === 'published'}
        onClick={async () => {
          setPending(true);
          try {
            setResult(await publish());
          } catch {
            setResult({ kind: 'failed' });
          } finally {
            setPending(false);
          }
        }}
      >
        {t('submit')}
      </button>
      <div aria-live="polite">
        {result?.kind === 'published' && (
          <div className="notice" role="status">
            <p>{t('published', { version: result.version.slice(0, 12) })}</p>
            <h3>{t('changes', { count: result.changes.length + result.more })}</h3>
            <ul className="studio-id-list">
              {result.changes.map((c) => (
                <li key={`${c.file}:${c.path}`}>
                  {c.file}
                  {c.path ? ` · ${c.path}` : ''}: {t(`change.${c.change as 'added' | 'removed' | 'changed' | 'reformatted'}`)}
                </li>
              ))}
            </ul>
          </div>
        )}
        {result?.kind === 'problems' && (
          <div className="error-summary" role="alert">
            <h3>{t('notPublished')}</h3>
            <ul>
              {result.problems.slice(0, 50).map((p, i) => (
                <li key={i}>
                  {p.file} <code>{p.id}</code>: {p.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {(result?.kind === 'stale' || result?.kind === 'failed' || result?.kind === 'refused') && (
          <div className="error-summary" role="alert">
            <h3>{t('notPublished')}</h3>
            <p>{result.kind === 'stale' ? t('stale') : result.kind === 'refused' ? result.errors.join(' ') : t('failed')}</p>
          </div>
        )}
      </div>
    </>
  );
}
