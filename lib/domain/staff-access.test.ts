import { describe, expect, it } from 'vitest';
import { canAccessClassSession, canInvite, canManageOrganisations, canRunSessionsFor, invitableRoles, type StaffIdentity } from './staff-access';

const teacherA: StaffIdentity = { id: 't', role: 'teacher', organisationId: 'org-a' };
const officer: StaffIdentity = { id: 'o', role: 'officer', organisationId: null };
const admin: StaffIdentity = { id: 'a', role: 'administrator', organisationId: null };

describe('staff access', () => {
  it('lets a teacher reach only their own organisation’s sessions', () => {
    expect(canAccessClassSession(teacherA, { organisationId: 'org-a' })).toBe(true);
    expect(canAccessClassSession(teacherA, { organisationId: 'org-b' })).toBe(false);
    expect(canRunSessionsFor(teacherA, 'org-b')).toBe(false);
  });

  it('lets officers and administrators run sessions anywhere', () => {
    expect(canAccessClassSession(officer, { organisationId: 'org-b' })).toBe(true);
    expect(canAccessClassSession(admin, { organisationId: 'org-b' })).toBe(true);
  });

  it('keeps organisations and officer invites to administrators', () => {
    expect(canManageOrganisations(admin)).toBe(true);
    expect(canManageOrganisations(officer)).toBe(false);
    expect(canInvite(officer, 'teacher')).toBe(true);
    expect(canInvite(officer, 'officer')).toBe(false);
    expect(canInvite(teacherA, 'teacher')).toBe(false);
    expect(canInvite(admin, 'officer')).toBe(true);
  });

  it('offers each role only the invites it may make, teachers first', () => {
    expect(invitableRoles(admin)).toEqual(['teacher', 'officer', 'administrator']);
    expect(invitableRoles(officer)).toEqual(['teacher']);
    expect(invitableRoles(teacherA)).toEqual([]);
  });
});
