'use client';

import { useTranslations } from 'next-intl';

const LEVELS = [1, 2, 3] as const;

/** "How sure are you?" — confident errors are the misconceptions worth a class discussion. */
export function ConfidenceField({ name, value, onChange, error }: { name: string; value: number | null; onChange: (value: number) => void; error?: string }) {
  const t = useTranslations('Player.confidence');
  return (
    <fieldset className={error ? 'confidence has-error' : 'confidence'} aria-describedby={error ? `${name}-error` : undefined}>
      <legend>
        <h2>{t('question')}</h2>
      </legend>
      {error && (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      )}
      <div className="choices">
        {LEVELS.map((level) => (
          <label key={level} className="choice">
            <input type="radio" name={name} id={`${name}-${level}`} value={level} checked={value === level} onChange={() => onChange(level)} />
            <span>{t(`level.${level}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
