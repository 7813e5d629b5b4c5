'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { initialFormState, type StaffFormAction } from '@/lib/api/staff-form-state';
import { SubmitButton, TextField } from '@/components/staff/fields';
import { errorFor, StaffFormErrors } from '@/components/staff/StaffFormErrors';

/** A new module's id and its title in each language; the editor opens on it. */
export function NewModuleForm({ action, locales }: { action: StaffFormAction; locales: readonly string[] }) {
  const t = useTranslations('Studio.newModule');
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <>
      <StaffFormErrors state={state} />
      <form action={formAction} noValidate>
        <TextField name="moduleId" label={t('id')} hint={t('idHint')} error={errorFor(state, 'moduleId')} autoComplete="off" defaultValue={state.values.moduleId} />
        {locales.map((locale) => (
          <TextField
            key={locale}
            name={`title-${locale}`}
            label={t('title', { language: t(`language.${locale as 'en-GB' | 'pl'}`) })}
            error={errorFor(state, `title-${locale}`)}
            autoComplete="off"
            defaultValue={state.values[`title-${locale}`]}
          />
        ))}
        <SubmitButton pending={pending}>{t('submit')}</SubmitButton>
      </form>
    </>
  );
}
