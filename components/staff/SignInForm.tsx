'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { initialFormState, type StaffFormAction } from '@/lib/api/staff-form-state';
import { SubmitButton, TextField } from './fields';
import { errorFor, StaffFormErrors } from './StaffFormErrors';

export function SignInForm({ action, next }: { action: StaffFormAction; next: string | null }) {
  const t = useTranslations('Staff');
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <>
      <StaffFormErrors state={state} />
      <form action={formAction} noValidate>
        {next !== null && <input type="hidden" name="next" value={next} />}
        <TextField
          name="email"
          type="email"
          label={t('fields.email')}
          error={errorFor(state, 'email')}
          autoComplete="email"
          spellCheck={false}
          defaultValue={state.values.email}
        />
        <TextField name="password" type="password" label={t('fields.password')} error={errorFor(state, 'password')} autoComplete="current-password" />
        <SubmitButton pending={pending}>{t('signIn.submit')}</SubmitButton>
      </form>
    </>
  );
}
