import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import type { Locale } from '@/i18n/routing';
import type { FormErrorKey, StaffFormState } from '@/lib/api/staff-schemas';
import staffMessages from '@/messages/en-GB/Staff.json';

/**
 * The plumbing every staff form's Server Action shares: read the posted fields, validate them
 * with the form's zod schema, and turn problems into translated errors for the error summary
 * and the fields. Each field's input has the field's name as its id, so errors link to it.
 */

/** One problem with one field; `values` fill the message's placeholders. */
export interface FormProblem {
  field: string;
  key: FormErrorKey;
  values?: Record<string, number | string>;
}

/** The named fields as strings; a missing field (an unticked radio group) is ''. */
export function readForm<N extends string>(formData: FormData, names: readonly N[]): Record<N, string> {
  return Object.fromEntries(names.map((name) => {
    const value = formData.get(name);
    return [name, typeof value === 'string' ? value : ''];
  })) as Record<N, string>;
}

function isFormErrorKey(value: string): value is FormErrorKey {
  return Object.hasOwn(staffMessages.formErrors, value);
}

/**
 * Control characters no keyboard types: NUL, which PostgreSQL can't store in text (a 500 there),
 * and the other C0 controls and DEL, which a pasted or forged field may carry. Tab and line
 * breaks are allowed.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Validates; on failure, the first problem of each field, in the order of the form. A field
 * holding a control character is refused before the schema sees it, whatever the form.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  input: Record<string, string>,
): { ok: true; data: z.output<S> } | { ok: false; problems: FormProblem[] } {
  const controls = Object.entries(input).filter(([, value]) => CONTROL_CHARACTERS.test(value));
  if (controls.length > 0) return { ok: false, problems: controls.map(([field]) => ({ field, key: 'controlCharacters' })) };
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const problems = new Map<string, FormProblem>();
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!problems.has(field)) problems.set(field, { field, key: isFormErrorKey(issue.message) ? issue.message : 'invalid' });
  }
  const order = Object.keys(input);
  return { ok: false, problems: [...problems.values()].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field)) };
}

/** The state a form shows after a failed submission: errors in the page's language, values kept. */
export async function failedForm(locale: Locale, problems: readonly FormProblem[], values: Record<string, string>): Promise<StaffFormState> {
  const t = await getTranslations({ locale, namespace: 'Staff.formErrors' });
  return { errors: problems.map(({ field, key, values: params }) => ({ field, message: t(key, params) })), values };
}
