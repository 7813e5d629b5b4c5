import { describe, expect, it } from 'vitest';
import { newClassSessionFormSchema } from './class-session-schemas';

const FIRST = '6f1c1a56-3d38-4c1e-9a43-4c1c1f1f1f1f';
const form = (fields: Record<string, string>) => ({ organisationId: 'b6e2e1d4-2d0c-4a44-8f0e-3f5d8c1a2b3c', mode: 'live', ...fields });

describe('newClassSessionFormSchema: follow-ups', () => {
  it('reads an ordinary session as following nothing', () => {
    const parsed = newClassSessionFormSchema.parse(form({ beforeAfter: 'on', followUpOf: '' }));
    expect(parsed).toMatchObject({ followUpOf: null, beforeAfter: true, closesAt: null });
  });

  it('turns before/after off for a follow-up, whatever the form says', () => {
    const parsed = newClassSessionFormSchema.parse(form({ beforeAfter: 'on', followUpOf: FIRST }));
    expect(parsed).toMatchObject({ followUpOf: FIRST, beforeAfter: false });
  });

  it('takes a self-paced follow-up with its closing time', () => {
    const parsed = newClassSessionFormSchema.parse(form({ mode: 'self_paced', closesAt: '2026-12-04T17:00', timezoneOffset: '0', followUpOf: FIRST }));
    expect(parsed).toMatchObject({ mode: 'self_paced', followUpOf: FIRST, closesAt: new Date('2026-12-04T17:00:00Z') });
  });

  it('refuses an earlier session that is not an id, under the key the form translates', () => {
    const result = newClassSessionFormSchema.safeParse(form({ followUpOf: 'KTM4RX' }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual([{ path: ['followUpOf'], message: 'followUpOf' }]);
  });
});

describe('newClassSessionFormSchema: a planned follow-up', () => {
  it('reads the opening day as the start of that day in the teacher’s time zone', () => {
    const parsed = newClassSessionFormSchema.parse(form({ mode: 'live', opensOn: '2026-12-15', timezoneOffset: '-60', followUpOf: FIRST }));
    expect(parsed.opensAt).toEqual(new Date('2026-12-14T23:00:00Z'));
  });

  it('opens at once when the day is left empty, and ignores a day on a session that follows nothing', () => {
    expect(newClassSessionFormSchema.parse(form({ opensOn: '', followUpOf: FIRST })).opensAt).toBeNull();
    expect(newClassSessionFormSchema.parse(form({ opensOn: '2026-12-15' })).opensAt).toBeNull();
  });

  it('refuses a day that is not a date, under the key the form translates', () => {
    const result = newClassSessionFormSchema.safeParse(form({ opensOn: '15/12/2026', followUpOf: FIRST }));
    expect(result.error?.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual([{ path: ['opensOn'], message: 'opensOnFormat' }]);
    const impossible = newClassSessionFormSchema.safeParse(form({ opensOn: '2026-13-45', followUpOf: FIRST }));
    expect(impossible.error?.issues.map((i) => i.message)).toEqual(['opensOnFormat']);
  });
});
