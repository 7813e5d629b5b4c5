'use client';

import { useTranslations } from 'next-intl';
import { memo, type ReactNode } from 'react';
import { LOCALES, type StudioLocale } from './draft-state';

/** The id of the input of one string in one locale, which the check's problems link to. */
export const stringFieldId = (locale: string, id: string) => `s-${locale}-${id}`;
/** The id of the part of the editor that holds one content id (an item, a fact, a story node). */
export const entityAnchor = (contentId: string) => `e-${contentId}`;

export type OnText = (locale: StudioLocale, id: string, value: string) => void;

/**
 * One string in en-GB and pl side by side. Typed text is text: it is stored as it is and shown
 * by React as text, never as markup, so pasted HTML stays visible as characters.
 */
export const TextPair = memo(function TextPair({
  id,
  label,
  values,
  onText,
  multiline = false,
  stale = false,
}: {
  id: string;
  label: string;
  /** The string in each locale, joined by NUL-free separators: memo compares strings only. */
  values: readonly [string, string];
  onText: OnText;
  multiline?: boolean;
  stale?: boolean;
}) {
  const t = useTranslations('Studio');
  return (
    <fieldset className="studio-pair">
      <legend className="studio-pair__legend">{label}</legend>
      {LOCALES.map((locale, i) => {
        const value = values[i] ?? '';
        const inputId = stringFieldId(locale, id);
        const missing = value.trim() === '';
        const hintId = `${inputId}-hint`;
        const props = {
          id: inputId,
          className: 'text-input studio-pair__input',
          value,
          'aria-describedby': missing || (stale && i > 0) ? hintId : undefined,
          onChange: (event: { target: { value: string } }) => onText(locale, id, event.target.value),
        };
        return (
          <div key={locale} className="studio-pair__locale">
            <label htmlFor={inputId} className="studio-pair__label">
              {t(`locales.${locale}`)}
            </label>
            {missing && (
              <p className="studio-flag" id={hintId}>
                {t('missingHere')}
              </p>
            )}
            {!missing && stale && i > 0 && (
              <p className="studio-flag" id={hintId}>
                {t('sourceChanged')}
              </p>
            )}
            {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
          </div>
        );
      })}
    </fieldset>
  );
});

export function Problems({ messages }: { messages: readonly string[] | undefined }) {
  const t = useTranslations('Studio');
  if (!messages || messages.length === 0) return null;
  return (
    <div className="studio-problems-here">
      <p className="studio-problems-here__title">{t('problemsHere', { count: messages.length })}</p>
      <ul>
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}

export function Entity({ id, title, children, problems }: { id: string; title: string; children: ReactNode; problems?: readonly string[] }) {
  return (
    <section className={problems && problems.length > 0 ? 'studio-entity studio-entity--problem' : 'studio-entity'} id={entityAnchor(id)} tabIndex={-1} aria-label={title}>
      <h3 className="studio-entity__title">{title}</h3>
      <Problems messages={problems} />
      {children}
    </section>
  );
}

export function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="studio-check">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

export function Select({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <div className="field studio-inline-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="text-input" value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function NumberField({ id, label, value, onChange }: { id: string; label: string; value: number | undefined; onChange: (value: number | undefined) => void }) {
  return (
    <div className="field studio-inline-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="text-input"
        type="number"
        inputMode="decimal"
        step="any"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))}
      />
    </div>
  );
}

export function PlainField({ id, label, value, onChange, type = 'text' }: { id: string; label: string; value: string; onChange: (value: string) => void; type?: string }) {
  return (
    <div className="field studio-inline-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input id={id} className="text-input" type={type} value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

/** Removes one part of the module; its name says which, so every remove button is told apart. */
export function RemoveButton({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <button type="button" className="button button--quiet studio-button studio-remove" onClick={onRemove}>
      {label}
    </button>
  );
}
