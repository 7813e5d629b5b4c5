'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ModuleText } from '@/lib/content/schema';
import { importTranslationCsv, translationCsv, type TranslatedFrom } from '@/lib/domain/module-strings';
import { SOURCE_LOCALE, type DraftState, type StudioLocale } from './draft-state';
import { downloadText } from './download';

export interface LocaleTranslations {
  locale: StudioLocale;
  missing: string[];
  stale: string[];
}

/**
 * For translators: what is missing and what changed in the source since it was translated, each
 * linked to its field; one locale's strings out as CSV (id, source, translation, context,
 * source fingerprint) and back in, with every id, placeholder and fingerprint checked. A file
 * with any problem changes nothing.
 */
export function TranslationsPanel({
  draft,
  translations,
  onImported,
  onGo,
}: {
  draft: DraftState;
  translations: LocaleTranslations[];
  onImported: (locale: StudioLocale, text: ModuleText, from: TranslatedFrom) => void;
  onGo: (locale: StudioLocale, id: string) => void;
}) {
  const t = useTranslations('Studio.translations');
  const [result, setResult] = useState<{ locale: string; errors: string[] } | { locale: string; changed: number } | null>(null);

  const onFile = async (locale: StudioLocale, file: File | undefined) => {
    if (!file) return;
    if (file.size > 2_000_000) return setResult({ locale, errors: [t('errors.tooLarge')] });
    const imported = importTranslationCsv(await file.text(), draft.text[SOURCE_LOCALE], draft.text[locale], draft.translatedFrom[locale] ?? {});
    if (!imported.ok) {
      return setResult({
        locale,
        errors: imported.problems.slice(0, 50).map((p) => t(`errors.${p.key}`, { row: p.line ?? 0, id: p.id ?? '', ...p.values })),
      });
    }
    onImported(locale, imported.target as ModuleText, imported.translatedFrom);
    setResult({ locale, changed: imported.changed });
  };

  return (
    <>
      {translations.map(({ locale, missing, stale }) => (
        <section key={locale} className="studio-entity" aria-labelledby={`translations-${locale}`}>
          <h3 id={`translations-${locale}`}>{t('heading', { language: t(`language.${locale}`) })}</h3>
          <h4>{t('missing', { count: missing.length })}</h4>
          {missing.length > 0 && (
            <ul className="studio-id-list">
              {missing.slice(0, 100).map((id) => (
                <li key={id}>
                  <a href={`#s-${locale}-${id}`} onClick={(e) => (e.preventDefault(), onGo(locale, id))}>
                    {id}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <h4>{t('stale', { count: stale.length })}</h4>
          {stale.length > 0 && (
            <ul className="studio-id-list">
              {stale.map((id) => (
                <li key={id}>
                  <a href={`#s-${locale}-${id}`} onClick={(e) => (e.preventDefault(), onGo(locale, id))}>
                    {id}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <div className="studio-row">
            <button
              type="button"
              className="button button--secondary studio-button"
              onClick={() => downloadText(`${draft.structure.id ?? 'module'}-${locale}.csv`, translationCsv(draft.text[SOURCE_LOCALE], draft.text[locale]), 'text/csv')}
            >
              {t('export')}
            </button>
            <div className="field studio-inline-field">
              <label className="field-label" htmlFor={`import-${locale}`}>
                {t('import')}
              </label>
              <input id={`import-${locale}`} type="file" accept=".csv,text/csv" className="studio-file" onChange={(e) => void onFile(locale, e.target.files?.[0])} />
            </div>
          </div>
          {result?.locale === locale && 'errors' in result && (
            <div className="error-summary" role="alert">
              <h4>{t('importRefused')}</h4>
              <ul>
                {result.errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </div>
          )}
          {result?.locale === locale && 'changed' in result && (
            <p className="notice" role="status">
              {t('imported', { count: result.changed })}
            </p>
          )}
        </section>
      ))}
    </>
  );
}
