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
