import { describe, expect, it } from 'vitest';
import {
  AUTHOR_ROLES,
  canAccessClassSession,
  canAuthorModules,
  canInvite,
  canManageOrganisations,
  canReadClassReport,
  canRunSessionsFor,
  invitableRoles,
  type StaffIdentity,
} from './staff-access';

const teacherA: StaffIdentity = { id: 't', role: 'teacher', organisationId: 'org-a' };
const officer: StaffIdentity = { id: 'o', role: 'officer', organisationId: null };
const admin: StaffIdentity = { id: 'a', role: 'administrator', organisationId: null };

describe('staff access', () => {
  it('lets a teacher reach only their own organisation’s sessions, whoever started them', () => {
    expect(canAccessClassSession(teacherA, { organisationId: 'org-a', hostId: null })).toBe(true);
    expect(canAccessClassSession(teacherA, { organisationId: 'org-a', hostId: 'o' })).toBe(true);
    expect(canAccessClassSession(teacherA, { organisationId: 'org-b', hostId: 't' })).toBe(false);
    expect(canRunSessionsFor(teacherA, 'org-b')).toBe(false);
    expect(canReadClassReport(teacherA, { organisationId: 'org-a' })).toBe(true);
    expect(canReadClassReport(teacherA, { organisationId: 'org-b' })).toBe(false);
  });

  it('lets officers and administrators start sessions anywhere, and run only their own', () => {
    expect(canRunSessionsFor(officer, 'org-b')).toBe(true);
    expect(canRunSessionsFor(admin, 'org-b')).toBe(true);
    expect(canAccessClassSession(officer, { organisationId: 'org-b', hostId: 'o' })).toBe(true);
    expect(canAccessClassSession(officer, { organisationId: 'org-b', hostId: 't' })).toBe(false);
    expect(canAccessClassSession(officer, { organisationId: 'org-b', hostId: null })).toBe(false);
    expect(canAccessClassSession(admin, { organisationId: 'org-b', hostId: 'o' })).toBe(false);
  });

  it('shows a class report to no officer or administrator, even of a session they ran', () => {
    expect(canReadClassReport(officer, { organisationId: 'org-b' })).toBe(false);
    expect(canReadClassReport(admin, { organisationId: 'org-b' })).toBe(false);
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

  it('lets officers and administrators author modules, never teachers', () => {
    expect(canAuthorModules(officer)).toBe(true);
    expect(canAuthorModules(admin)).toBe(true);
    expect(canAuthorModules(teacherA)).toBe(false);
    expect([...AUTHOR_ROLES].sort()).toEqual(['administrator', 'officer']);
  });
});
