/**
 * Module drafts against both engines: opening, saving over the revision it started from, and
 * the conflict a stale save gets instead of overwriting (docs/decisions/018-authoring-studio.md).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { staffUsers } from '@/lib/db/schema';
import { discardDraft, findDraft, listDrafts, openDraft, saveDraft } from '@/lib/server/studio/drafts';
import { setUpTestDatabase, testEngines } from './db-engines';

const files = { 'structure.json': '{ "id": "parking" }\n', 'en-GB.json': '{"title":"Parking"}', 'pl.json': '{}' };

describe.each(testEngines)('module drafts on $name', (engine) => {
  const db = setUpTestDatabase(engine);

  async function officer(name: string): Promise<string> {
    const [user] = await db()
      .insert(staffUsers)
      .values({ email: `${randomUUID()}@council.example`, displayName: name, role: 'officer', organisationId: null, passwordHash: 'x' })
      .returning();
    if (!user) throw new Error('seed failed');
    return user.id;
  }

  it('opens a draft once and keeps the files as exact text', async () => {
    const id = `parking-${randomUUID().slice(0, 8)}`;
    const ada = await officer('Ada');
    const opened = await openDraft(db(), { moduleId: id, files, translatedFrom: {}, baseVersion: null, openedBy: ada });
    expect(opened).toMatchObject({ moduleId: id, revision: 1, files, updatedBy: 'Ada' });
    // Opening again gives the draft already there, not a fresh copy.
    const again = await openDraft(db(), { moduleId: id, files: { ...files, 'pl.json': '{"x":1}' }, translatedFrom: {}, baseVersion: null, openedBy: ada });
    expect(again.files).toEqual(files);
    expect((await listDrafts(db())).map((d) => d.moduleId)).toContain(id);
  });

  it('refuses a save from a stale revision with the other editor’s work, and overwrites nothing', async () => {
    const id = `parking-${randomUUID().slice(0, 8)}`;
    const ada = await officer('Ada');
    const ben = await officer('Ben');
    await openDraft(db(), { moduleId: id, files, translatedFrom: {}, baseVersion: null, openedBy: ada });
    const adas = { ...files, 'pl.json': '{"title":"Parkowanie"}' };
    const bens = { ...files, 'en-GB.json': '{"title":"Parking outside schools"}' };
    expect(await saveDraft(db(), { moduleId: id, baseRevision: 1, files: adas, translatedFrom: {}, updatedBy: ada })).toEqual({ kind: 'saved', revision: 2 });
    const conflict = await saveDraft(db(), { moduleId: id, baseRevision: 1, files: bens, translatedFrom: {}, updatedBy: ben });
    expect(conflict).toMatchObject({ kind: 'conflict', revision: 2, files: adas, updatedBy: 'Ada' });
    expect((await findDraft(db(), id))?.files).toEqual(adas);
    // Ben keeps his version knowingly: saved over the revision the conflict showed him.
    expect(await saveDraft(db(), { moduleId: id, baseRevision: 2, files: bens, translatedFrom: { pl: { title: '0badf00d' } }, updatedBy: ben })).toEqual({ kind: 'saved', revision: 3 });
    expect(await findDraft(db(), id)).toMatchObject({ files: bens, translatedFrom: { pl: { title: '0badf00d' } }, updatedBy: 'Ben', revision: 3 });
  });

  it('lets only one of two simultaneous saves from one revision through', async () => {
    const id = `parking-${randomUUID().slice(0, 8)}`;
    const ada = await officer('Ada');
    await openDraft(db(), { moduleId: id, files, translatedFrom: {}, baseVersion: null, openedBy: ada });
    const results = await Promise.all(
      ['a', 'b', 'c'].map((x) => saveDraft(db(), { moduleId: id, baseRevision: 1, files: { ...files, 'pl.json': `{"t":"${x}"}` }, translatedFrom: {}, updatedBy: ada })),
    );
    expect(results.filter((r) => r.kind === 'saved')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'conflict')).toHaveLength(2);
  });

  it('says a discarded draft is gone', async () => {
    const id = `parking-${randomUUID().slice(0, 8)}`;
    const ada = await officer('Ada');
    await openDraft(db(), { moduleId: id, files, translatedFrom: {}, baseVersion: null, openedBy: ada });
    await discardDraft(db(), id);
    expect(await saveDraft(db(), { moduleId: id, baseRevision: 1, files, translatedFrom: {}, updatedBy: ada })).toEqual({ kind: 'gone' });
  });
});
