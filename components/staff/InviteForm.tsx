'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { initialFormState, type StaffFormAction } from '@/lib/api/staff-form-state';
import type { StaffIdentity } from '@/lib/domain/staff-access';
import { CopyLink } from './CopyLink';
import { RadioGroup, SelectField, SubmitButton, type Option } from './fields';
import { errorFor, StaffFormErrors } from './StaffFormErrors';

type Role = StaffIdentity['role'];

/**
 * Creates an invite link. The organisation list is always there (so the form works without
 * JavaScript); it matters only for teachers and is ignored for other roles.
 */
export function InviteForm({
  action,
  roles,
  organisations,
}: {
  action: StaffFormAction;
  /** The roles this member of staff may invite; with only one, no choice is shown. */
  roles: readonly Role[];
  organisations: readonly Option[];
}) {
  const t = useTranslations('Admin.invites');
  const tRoles = useTranslations('Staff.roles');
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const created = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state.invite) created.current?.focus();
  }, [state.invite]);

  return (
    <>
      <StaffFormErrors state={state} />
      {state.invite && (
        <section className="card card--done" aria-labelledby="invite-created">
          <h3 id="invite-created" ref={created} tabIndex={-1}>
            {t('linkHeading')}
          </h3>
          <CopyLink link={state.invite.link} label={t('linkLabel')} hint={t('linkHint', { date: state.invite.expires })} />
        </section>
      )}
      <form action={formAction} noValidate>
        {roles.length > 1 ? (
          <RadioGroup
            name="role"
            label={t('role')}
            error={errorFor(state, 'role')}
            options={roles.map((role) => ({ value: role, label: tRoles(role) }))}
            defaultValue={state.values.role}
          />
        ) : (
          <>
            <input type="hidden" name="role" value={roles[0] ?? 'teacher'} />
            <p className="hint">{t('teacherOnly')}</p>
          </>
        )}
        <SelectField
          name="organisationId"
          label={t('organisation')}
          hint={t('organisationHint')}
          error={errorFor(state, 'organisationId')}
          placeholder={t('chooseOrganisation')}
          options={organisations}
          defaultValue={state.values.organisationId}
        />
        <SubmitButton pending={pending}>{t('submit')}</SubmitButton>
      </form>
    </>
  );
}
