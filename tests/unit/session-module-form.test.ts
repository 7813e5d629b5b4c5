/**
 * A teacher picks the module when starting a session (lib/server/class-session-forms.ts):
 * roads-kill by default, any published module by its id, a refused id changes nothing, and a
 * follow-up runs the module its first session ran.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readModuleFolder } from '@/lib/content/check-files';
import { currentModuleVersion, publishModuleVersion } from '@/lib/content/modules';
import { useDatabaseForTests } from '@/lib/db/client';
import { classSessions, organisations, staffUsers } from '@/lib/db/schema';
import type { Staff } from '@/lib/server/auth/current-staff';
import { createClassSessionFromForm } from '@/lib/server/class-session-forms';
import { setUpTestDatabase, testEngines } from './db-engines';

const NOW = new Date('2026-12-01T10:00:00Z');

describe.each(testEngines)('choosing the module of a new session on $name', (engine) => {
  const db = setUpTestDatabase(engine);
  let teacher: Staff;
  let shortVersion: string;

  beforeAll(async () => {
    useDatabaseForTests(db());
    const [organisation] = await db().insert(organisations).values({ name: `College ${randomUUID()}`, kind: 'college', area: 'Area' }).returning();
    const [user] = await db()
      .insert(staffUsers)
      .values({ email: `${randomUUID()}@school.example`, displayName: 'T', role: 'teacher', organisationId: organisation?.id, passwordHash: 'x' })
      .returning();
    if (!organisation || !user) throw new Error('seed failed');
    teacher = { id: user.id, email: user.email, displayName: 'T', role: 'teacher', organisationId: organisation.id, organisationName: organisation.name };
    const published = await publishModuleVersion(db(), {
      moduleId: 'sample-short',
      files: await readModuleFolder(path.join(process.cwd(), 'tests/fixtures/modules/sample-short')),
      publishedBy: null,
    });
    if (!published.ok) throw new Error(JSON.stringify(published.problems));
    shortVersion = published.version;
  });
  afterAll(() => useDatabaseForTests(undefined));

  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries({ organisationId: teacher.organisationId ?? '', mode: 'live', path: 'core', ...fields })) data.set(k, v);
    return data;
  };

  it('runs roads-kill at its current version when no module is chosen', async () => {
    const result = await createClassSessionFromForm(teacher, form({}), NOW);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.session).toMatchObject({ moduleId: 'roads-kill', contentVersion: await currentModuleVersion(db(), 'roads-kill') });
  });

  it('runs the chosen published module at its current version, and its follow-up runs it too', async () => {
    const result = await createClassSessionFromForm(teacher, form({ moduleId: 'sample-short' }), NOW);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.session).toMatchObject({ moduleId: 'sample-short', contentVersion: shortVersion });
    const followUp = await createClassSessionFromForm(
      teacher,
      form({ moduleId: 'roads-kill', followUpOf: result.session.id, mode: 'self_paced', closesAt: '2026-12-08T17:00' }),
      NOW,
    );
    if (!followUp.ok) throw new Error(JSON.stringify(followUp.problems));
    expect(followUp.session).toMatchObject({ moduleId: 'sample-short', followUpOf: result.session.id });
  });

  it('refuses a module that is not published, or not an id, and creates nothing', async () => {
    const [before] = await db().select({ n: count() }).from(classSessions);
    expect(await createClassSessionFromForm(teacher, form({ moduleId: 'no-such-module' }), NOW)).toEqual({ ok: false, problems: [{ field: 'moduleId', key: 'module' }] });
    expect(await createClassSessionFromForm(teacher, form({ moduleId: '<b>Bad</b>' }), NOW)).toEqual({ ok: false, problems: [{ field: 'moduleId', key: 'module' }] });
    const [after] = await db().select({ n: count() }).from(classSessions);
    expect(after?.n).toBe(before?.n);
  });
});
