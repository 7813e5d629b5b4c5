'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { initialFormState, type StaffFormAction } from '@/lib/api/staff-form-state';
import { RadioGroup, SubmitButton, TextField } from './fields';
import { errorFor, StaffFormErrors } from './StaffFormErrors';

type Kind = 'school' | 'college' | 'other';

export function OrganisationForm({ action, kinds }: { action: StaffFormAction; kinds: readonly Kind[] }) {
  const t = useTranslations('Admin.organisations');
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <>
      <StaffFormErrors state={state} />
      {state.notice && (
        <p className="notice" role="status">
          {state.notice}
        </p>
      )}
      <form action={formAction} noValidate>
        <TextField name="name" label={t('name')} hint={t('nameHint')} error={errorFor(state, 'name')} autoComplete="organization" defaultValue={state.values.name} />
        <RadioGroup
          name="kind"
          label={t('kind')}
          error={errorFor(state, 'kind')}
          options={kinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          defaultValue={state.values.kind}
        />
        <TextField name="area" label={t('area')} hint={t('areaHint')} error={errorFor(state, 'area')} autoComplete="off" defaultValue={state.values.area} />
        <SubmitButton pending={pending}>{t('submit')}</SubmitButton>
      </form>
    </>
  );
}
