/**
 * What every staff form's action returns to the form: translated errors (the id of the field
 * each is about), what was typed (never a password) to show again, and any result to show.
 * Apart from the schemas (lib/api/staff-schemas.ts), so the forms, which run in the browser,
 * import this and not zod.
 */
export interface StaffFormState {
  errors: { field: string; message: string }[];
  values: Record<string, string>;
  /** A confirmation, e.g. "Riverside College has been added." */
  notice?: string;
  /** A new invite link, shown once. */
  invite?: { link: string; expires: string };
}

export const initialFormState: StaffFormState = { errors: [], values: {} };

/** A staff form's Server Action, as `useActionState` calls it. */
export type StaffFormAction = (state: StaffFormState, formData: FormData) => Promise<StaffFormState>;
