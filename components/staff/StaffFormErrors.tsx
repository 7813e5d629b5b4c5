'use client';

import { useTranslations } from 'next-intl';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import type { StaffFormState } from '@/lib/api/staff-schemas';

/** The error summary of a staff form, and a lookup for each field's own message. */
export function StaffFormErrors({ state }: { state: StaffFormState }) {
  const t = useTranslations('Staff');
  return <ErrorSummary title={t('errorSummaryTitle')} errors={state.errors} />;
}

export function errorFor(state: StaffFormState, field: string): string | undefined {
  return state.errors.find((error) => error.field === field)?.message;
}
