'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { PlayerSource } from '@/lib/content/player';

/**
 * Where a figure or a legal fact comes from, one tap away, as a fact's reveal shows it. Source
 * titles and publishers stay in the language they were published in (English), so inside a
 * screen in another language they carry `lang="en"` for screen readers and hyphenation.
 */
export function SourceList({ sources }: { sources: readonly PlayerSource[] }) {
  const t = useTranslations('Player.sourceList');
  const locale = useLocale();
  if (sources.length === 0) return null;
  const lang = locale.startsWith('en') ? undefined : 'en';
  return (
    <details className="source">
      <summary>{t(sources.length > 1 ? 'sources' : 'source')}</summary>
      <div>
        <ul>
        {sources.map((s) => (
          <li key={`${s.publisher}-${s.title}`}>
            {s.url ? (
              <a href={s.url} rel="noopener noreferrer" target="_blank" lang={lang}>
                {s.title}
              </a>
            ) : (
              <span lang={lang}>{s.title}</span>
            )}
            {' — '}
            <span lang={lang}>{s.publisher}</span>, {s.year}
            {s.url && <span className="visually-hidden"> {t('opensNewTab')}</span>}
          </li>
        ))}
        </ul>
      </div>
    </details>
  );
}
