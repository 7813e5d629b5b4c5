import { describe, expect, it } from 'vitest';
import { createInviteBodySchema, createOrganisationBodySchema, safeNextPath, setupBodySchema, signInBodySchema } from './staff-schemas';

/** Each field's messages (message keys of Staff.formErrors), in order. */
function problems(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]);
}

describe('safeNextPath', () => {
  it('keeps a path within the app, without its locale', () => {
    expect(safeNextPath('/teach/sessions/abc?tab=report')).toBe('/teach/sessions/abc?tab=report');
    expect(safeNextPath('/pl/teach')).toBe('/teach');
    expect(safeNextPath('/en-GB')).toBe('/');
    expect(safeNextPath('/plan')).toBe('/plan');
  });

  it('refuses anything that could lead to another site', () => {
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'evil.example', '/ evil', '', null, undefined, 42, `/${'a'.repeat(600)}`]) {
      expect(safeNextPath(bad)).toBeNull();
    }
  });
});

describe('signInBodySchema', () => {
  it('trims and lower-cases the e-mail address, and leaves the password as typed', () => {
    expect(signInBodySchema.parse({ email: '  Ada@Council.Example ', password: ' pass ' })).toEqual({ email: 'ada@council.example', password: ' pass ' });
  });

  it('says which field is missing or wrong', () => {
    expect(problems(signInBodySchema.safeParse({ email: '', password: '' }))).toEqual([
      ['email', 'emailMissing'],
      ['password', 'passwordMissing'],
    ]);
    expect(problems(signInBodySchema.safeParse({ email: 'ada at council', password: 'x' }))).toEqual([['email', 'emailInvalid']]);
  });
});

describe('setupBodySchema', () => {
  const valid = { displayName: ' Ada ', email: 'ada@council.example', password: 'twelve chars', confirmPassword: 'twelve chars' };

  it('takes a name, an e-mail address and a password of 12 to 200 characters typed twice', () => {
    expect(setupBodySchema.parse(valid)).toEqual({ ...valid, displayName: 'Ada' });
    expect(problems(setupBodySchema.safeParse({ ...valid, password: 'x'.repeat(201), confirmPassword: 'x'.repeat(201) }))).toEqual([
      ['password', 'passwordTooLong'],
    ]);
  });

  it('reports a short password, and a mismatch only once the password is acceptable', () => {
    expect(problems(setupBodySchema.safeParse({ ...valid, password: 'eleven char', confirmPassword: '' }))).toEqual([
      ['password', 'passwordTooShort'],
    ]);
    expect(problems(setupBodySchema.safeParse({ ...valid, confirmPassword: 'twelve charz' }))).toEqual([
      ['confirmPassword', 'confirmPasswordMismatch'],
    ]);
  });

  it('asks for each missing field', () => {
    expect(problems(setupBodySchema.safeParse({ displayName: ' ', email: '', password: '', confirmPassword: '' }))).toEqual([
      ['displayName', 'displayNameMissing'],
      ['email', 'emailMissing'],
      ['password', 'newPasswordMissing'],
      ['password', 'passwordTooShort'],
    ]);
  });
});

describe('createOrganisationBodySchema', () => {
  it('needs a name, a kind and an area', () => {
    expect(createOrganisationBodySchema.parse({ name: ' Riverside ', kind: 'college', area: 'Bath ' })).toEqual({ name: 'Riverside', kind: 'college', area: 'Bath' });
    expect(problems(createOrganisationBodySchema.safeParse({ name: '', kind: '', area: '' }))).toEqual([
      ['name', 'organisationNameMissing'],
      ['kind', 'kindMissing'],
      ['area', 'areaMissing'],
    ]);
  });
});

describe('createInviteBodySchema', () => {
  const organisationId = '3f1b2c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d';

  it('needs an organisation for a teacher only', () => {
    expect(createInviteBodySchema.parse({ role: 'teacher', organisationId })).toEqual({ role: 'teacher', organisationId });
    expect(createInviteBodySchema.parse({ role: 'officer', organisationId: '' })).toEqual({ role: 'officer' });
    expect(problems(createInviteBodySchema.safeParse({ role: 'teacher', organisationId: '' }))).toEqual([['organisationId', 'organisationMissing']]);
    expect(problems(createInviteBodySchema.safeParse({ role: 'pupil', organisationId: '' }))).toEqual([['role', 'roleMissing']]);
  });
});
