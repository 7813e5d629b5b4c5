/**
 * Who may see and run what (DESIGN.md, "Privacy by design"): a teacher their own
 * organisation's class sessions; an officer or administrator any session. Pure, so every
 * route asks the same question the same way and the rule is unit-tested once.
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

/** Seeing a session's live view, report and CSV, and controlling it, follow the same rule. */
export function canAccessClassSession(staff: StaffIdentity, session: { organisationId: string }): boolean {
  return canRunSessionsFor(staff, session.organisationId);
}

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
