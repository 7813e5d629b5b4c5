/**
 * One schema per staff form, parsed by its Server Action. Every check carries a key of
 * `Staff.formErrors` as its message, so the action can show each error in the page's language
 * in GOV.UK's words ("Enter your e-mail address") rather than zod's.
 */
import { z } from 'zod';
import { routing } from '@/i18n/routing';
import { ORGANISATION_KINDS, STAFF_ROLES } from '@/lib/domain/enums';
import type { Messages } from '@/messages';

// Re-exported for pages and forms.
export { ORGANISATION_KINDS, STAFF_ROLES };

export type FormErrorKey = keyof Messages['Staff']['formErrors'];

/** A check's message: a key to translate, typed so a missing message is a type error. */
const problem = (key: FormErrorKey) => ({ error: key });

export { initialFormState, type StaffFormAction, type StaffFormState } from './staff-form-state';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export const emailSchema = z
  .string()
  .trim()
  .min(1, problem('emailMissing'))
  .max(254, problem('emailTooLong'))
  .toLowerCase()
  .pipe(z.email(problem('emailInvalid')))
  .describe('The e-mail address the member of staff signs in with; stored lower-cased.');

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, problem('displayNameMissing'))
  .max(100, problem('displayNameTooLong'))
  .describe('The name other staff see, e.g. on the list of people.');

/** A password being chosen: long rather than complicated (NCSC and NIST advice). */
export const newPasswordSchema = z
  .string()
  .min(1, problem('newPasswordMissing'))
  .min(PASSWORD_MIN_LENGTH, problem('passwordTooShort'))
  .max(PASSWORD_MAX_LENGTH, problem('passwordTooLong'))
  .describe(`A new password, ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.`);

/**
 * Where to go after signing in: a path inside the app, never another site. `//evil.example`
 * and `/\evil.example` are read by browsers as other hosts, so both are refused.
 */
export const nextPathSchema = z
  .string()
  .max(512)
  .regex(/^\/(?![/\\])[^\s\\]*$/)
  .describe('A path within the app to return to after signing in, e.g. /teach.');

const localePrefix = new RegExp(`^/(${routing.locales.join('|')})(?=/|$)`);

/**
 * The `next` parameter if it is a safe path within the app, else null; without a locale
 * prefix (`/pl/teach` → `/teach`), since the redirect adds the page's own.
 */
export function safeNextPath(value: unknown): string | null {
  const parsed = nextPathSchema.safeParse(value);
  if (!parsed.success) return null;
  return parsed.data.replace(localePrefix, '') || '/';
}

export const signInBodySchema = z.object({
  email: emailSchema,
  password: z
    .string()
    .min(1, problem('passwordMissing'))
    .max(PASSWORD_MAX_LENGTH, problem('wrongCredentials'))
    .describe('The password; never stored, never logged.'),
});
export type SignInBody = z.infer<typeof signInBodySchema>;

const newAccountFields = {
  displayName: displayNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  confirmPassword: z.string().describe('The new password typed again.'),
};

/**
 * "The passwords don't match" only once the password itself is acceptable: before that it is
 * noise next to the password's own error.
 */
const passwordsMatch = (body: { password: string; confirmPassword: string }) => body.password === body.confirmPassword;
const mismatch = {
  path: ['confirmPassword'],
  ...problem('confirmPasswordMismatch'),
  when: (payload: z.core.ParsePayload) => !payload.issues.some((issue) => issue.path?.[0] === 'password'),
};

/** The first administrator, from the one-time setup link. */
export const setupBodySchema = z
  .object(newAccountFields)
  .refine(passwordsMatch, mismatch);
export type SetupBody = z.infer<typeof setupBodySchema>;

/** A new member of staff, from an invite link; the role and organisation come from the invite. */
export const acceptInviteBodySchema = z
  .object(newAccountFields)
  .refine(passwordsMatch, mismatch);
export type AcceptInviteBody = z.infer<typeof acceptInviteBodySchema>;

export const createOrganisationBodySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, problem('organisationNameMissing'))
    .max(120, problem('organisationNameTooLong'))
    .describe('The school, college or other body, e.g. "Riverside Sixth Form College".'),
  kind: z.enum(ORGANISATION_KINDS, problem('kindMissing')).describe('school, college or other.'),
  area: z
    .string()
    .trim()
    .min(1, problem('areaMissing'))
    .max(120, problem('areaTooLong'))
    .describe('The council area or district officers filter by, e.g. "North Somerset".'),
});
export type CreateOrganisationBody = z.infer<typeof createOrganisationBodySchema>;

const blankAsUndefined = (value: unknown) => (value === '' ? undefined : value);

export const createInviteBodySchema = z
  .object({
    role: z.enum(STAFF_ROLES, problem('roleMissing')).describe('The role the new account gets.'),
    organisationId: z
      .preprocess(blankAsUndefined, z.uuid(problem('organisationMissing')).optional())
      .describe('For a teacher: the organisation they run sessions for. Ignored for other roles.'),
  })
  .refine((body) => body.role !== 'teacher' || body.organisationId !== undefined, {
    path: ['organisationId'],
    ...problem('organisationMissing'),
  });
export type CreateInviteBody = z.infer<typeof createInviteBodySchema>;
