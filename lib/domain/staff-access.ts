/**
 * Who may see and run what (DESIGN.md, "Privacy by design"): a teacher their own
 * organisation's class sessions; an officer or administrator the sessions they started
 * themselves (at a school event, say), and no class's report. Pure, so every route asks the
 * same question the same way and the rule is unit-tested once.
 */
import type { StaffRole } from '@/lib/db/schema';

export interface StaffIdentity {
  id: string;
  role: StaffRole;
  /** Set for teachers only. */
  organisationId: string | null;
}

export function canRunSessionsFor(staff: StaffIdentity, organisationId: string): boolean {
  return staff.role !== 'teacher' || staff.organisationId === organisationId;
}

/**
 * Running a session: its live screens, their event stream, the teacher's commands, planning a
 * follow-up. A teacher: any session of their organisation. An officer or administrator: only a
 * session they started, which they run as its teacher; other schools' classes they see only
 * through the officers' results, under the export rules.
 */
export function canAccessClassSession(staff: StaffIdentity, session: { organisationId: string; hostId: string | null }): boolean {
  if (staff.role === 'teacher') return staff.organisationId === session.organisationId;
  return session.hostId !== null && session.hostId === staff.id;
}

/**
 * A class's report and its CSV: the organisation's teachers only. An officer gets the same 404
 * as for a session that doesn't exist, even for a session they ran
 * (docs/decisions/013-class-reports.md): a report of one class is a selection of one class,
 * which the officers' results never offer, and beside them even export-rule figures would narrow
 * a small group (a class shown as 10, its school's term as 10 to 12, leaves another class 1 or 2).
 */
export function canReadClassReport(staff: StaffIdentity, session: { organisationId: string }): boolean {
  return staff.role === 'teacher' && staff.organisationId === session.organisationId;
}

/**
 * Authoring modules in the studio (issue 14): officers and administrators open, edit and publish
 * drafts. Teachers cannot, and students never see a draft.
 */
export function canAuthorModules(staff: Pick<StaffIdentity, 'role'>): boolean {
  return staff.role === 'officer' || staff.role === 'administrator';
}

/** The roles `canAuthorModules` admits, for `requireStaff`. */
export const AUTHOR_ROLES = ['officer', 'administrator'] as const satisfies readonly StaffRole[];

export function canManageOrganisations(staff: StaffIdentity): boolean {
  return staff.role === 'administrator';
}

/** Administrators and officers invite teachers (issue 3); only administrators add officers. */
export function canInvite(staff: StaffIdentity, role: StaffRole): boolean {
  if (role === 'teacher') return staff.role === 'administrator' || staff.role === 'officer';
  return staff.role === 'administrator';
}

/** The roles this member of staff may invite, teachers first (the invite most often made). */
export function invitableRoles(staff: StaffIdentity): StaffRole[] {
  return (['teacher', 'officer', 'administrator'] as const).filter((role) => canInvite(staff, role));
}
