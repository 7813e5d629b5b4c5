'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { ErrorSummary, type FieldError } from '@/components/ui/ErrorSummary';
import { Reveal } from '@/components/ui/Reveal';
import { ScreenHeading } from '@/components/ui/ScreenHeading';
import type { Phase } from '@/lib/content/schema';
import { answerKey } from '@/lib/domain/journey';
import type { StepProps } from '../StepScreen';
import { PrimaryAction } from '@/components/ui/PrimaryAction';

const SCALE = ['1', '2', '3', '4', '5', 'skip'] as const;
type ScaleValue = (typeof SCALE)[number];

/** An agree scale with "prefer not to say"; no right answer, so no feedback. */
export function AttitudeScreen({ itemId, phase, index, api }: StepProps & { itemId: string; phase: Phase }) {
  const t = useTranslations('Player');
  const item = api.module.attitudeItems.find((a) => a.id === itemId);
  const stored = api.state.answers[answerKey(phase, itemId)];
  const storedValue: ScaleValue | null =
    stored?.response.kind === 'scale' ? (stored.response.value === null ? 'skip' : (String(stored.response.value) as ScaleValue)) : null;
  const [value, setValue] = useState<ScaleValue | null>(storedValue);
  const [errors, setErrors] = useState<FieldError[]>([]);
  if (!item) return null;
  const fieldId = `scale-${itemId}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value) {
      setErrors([{ field: `${fieldId}-1`, message: t('errors.chooseScale') }]);
      return;
    }
    if (!stored) api.record(itemId, phase, { kind: 'scale', value: value === 'skip' ? null : Number(value) });
    api.next(index);
  };

  return (
    <Reveal>
      <ErrorSummary title={t('errors.title')} errors={errors} />
      <form onSubmit={submit} noValidate>
        <fieldset className={errors.length ? 'has-error' : undefined} aria-describedby={`${fieldId}-hint${errors.length ? ` ${fieldId}-error` : ''}`}>
          <legend>
            <span className="eyebrow">{t(`attitude.eyebrow.${phase === 'before' || phase === 'followup' ? phase : 'after'}`)}</span>
            <ScreenHeading>{item.statement}</ScreenHeading>
          </legend>
          <p className="hint" id={`${fieldId}-hint`}>
            {t('attitude.hint')}
          </p>
          {errors.length > 0 && (
            <p className="field-error" id={`${fieldId}-error`}>
              {errors[0]?.message}
            </p>
          )}
          <div className="choices">
            {SCALE.map((option) => (
              <label key={option} className="choice">
                <input
                  type="radio"
                  name={fieldId}
                  id={`${fieldId}-${option}`}
                  value={option}
                  checked={value === option}
                  disabled={stored !== undefined}
                  onChange={() => setValue(option)}
                />
                <span>{t(`attitude.scale.${option}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <PrimaryAction type="submit">{t('next')}</PrimaryAction>
      </form>
    </Reveal>
  );
}
