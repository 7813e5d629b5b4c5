'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { initialFormState, type StaffFormAction } from '@/lib/api/staff-form-state';
import { SubmitButton, TextField } from './fields';
import { errorFor, StaffFormErrors } from './StaffFormErrors';

/** Name, e-mail address and a new password: the first administrator's and every invitee's form. */
export function NewAccountForm({ action, submitLabel }: { action: StaffFormAction; submitLabel: string }) {
  const t = useTranslations('Staff.fields');
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <>
      <StaffFormErrors state={state} />
      <form action={formAction} noValidate>
        <TextField
          name="displayName"
          label={t('displayName')}
          hint={t('displayNameHint')}
          error={errorFor(state, 'displayName')}
          autoComplete="name"
          defaultValue={state.values.displayName}
        />
        <TextField
          name="email"
          type="email"
          label={t('email')}
          hint={t('newEmailHint')}
          error={errorFor(state, 'email')}
          autoComplete="email"
          spellCheck={false}
          defaultValue={state.values.email}
        />
        <TextField
          name="password"
          type="password"
          label={t('password')}
          hint={t('newPasswordHint')}
          error={errorFor(state, 'password')}
          autoComplete="new-password"
        />
        <TextField
          name="confirmPassword"
          type="password"
          label={t('confirmPassword')}
          error={errorFor(state, 'confirmPassword')}
          autoComplete="new-password"
        />
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
      </form>
    </>
  );
}
