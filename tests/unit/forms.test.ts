import { describe, expect, it } from 'vitest';
import { createOrganisationBodySchema, signInBodySchema } from '@/lib/api/staff-schemas';
import { parseForm } from '@/lib/server/forms';

/**
 * Staff forms refuse control characters before their schema, so a NUL (which PostgreSQL can't
 * store in text) gets the form's own error rather than a 500, and nothing reaches the database.
 */
describe('parseForm', () => {
  it('refuses a NUL in an organisation name with a field error', () => {
    expect(parseForm(createOrganisationBodySchema, { name: 'Riverside\u0000College', kind: 'college', area: 'North Somerset' })).toEqual({
      ok: false,
      problems: [{ field: 'name', key: 'controlCharacters' }],
    });
  });

  it('names every field holding a control character, in the order of the form', () => {
    const result = parseForm(createOrganisationBodySchema, { name: 'A\u0007', kind: 'college', area: 'B\u001b[2J' });
    expect(result).toEqual({ ok: false, problems: [{ field: 'name', key: 'controlCharacters' }, { field: 'area', key: 'controlCharacters' }] });
  });

  it('takes tabs, line breaks and any printable text, Polish included', () => {
    expect(parseForm(createOrganisationBodySchema, { name: 'Zespół Szkół nr 1\tŁódź', kind: 'school', area: 'Łódź\nPolska' })).toMatchObject({ ok: true });
  });

  it('refuses a control character in a password too, without echoing it', () => {
    const result = parseForm(signInBodySchema, { email: 'a@school.example', password: 'correct horse\u0000battery' });
    expect(result).toEqual({ ok: false, problems: [{ field: 'password', key: 'controlCharacters' }] });
  });
});
