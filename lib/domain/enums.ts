/**
 * The fixed lists the database checks and the forms and API schemas offer, in one place with no
 * dependencies: lib/db/schema builds its CHECK constraints from them, and lib/api and the pages
 * read them here, so nothing that reaches a browser imports the database schema (issue 13).
 */
export const ORGANISATION_KINDS = ['school', 'college', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const STAFF_ROLES = ['administrator', 'officer', 'teacher'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const CLASS_SESSION_MODES = ['live', 'self_paced'] as const;
export type ClassSessionMode = (typeof CLASS_SESSION_MODES)[number];
