/**
 * Modules and their published versions (lib/content/modules.ts, decision note 017) on both
 * engines: content/ registered at first use, publishing refused on a failing check and
 * recorded with who, when and what changed, export byte for byte, and an older version still
 * loadable for the sessions that run it.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { readModuleFolder } from '@/lib/content/check-files';
import {
  checkModuleFiles,
  currentModuleVersion,
  exportModuleFiles,
  listModules,
  loadModuleVersion,
  loadSessionModule,
  publishModuleVersion,
  UnknownModuleError,
  type ModuleFiles,
} from '@/lib/content/modules';
import { getModule } from '@/lib/content/load';
import type { Database } from '@/lib/db/client';
import { moduleVersions, staffUsers } from '@/lib/db/schema';
import { setUpTestDatabase, testEngines } from './db-engines';

const SHORT_DIR = path.join(process.cwd(), 'tests/fixtures/modules/sample-short');

/** The same JSON written another way: CRLF line ends, tab indents, no final newline. */
function reformatted(files: ModuleFiles): ModuleFiles {
  return Object.fromEntries(Object.entries(files).map(([name, text]) => [name, JSON.stringify(JSON.parse(text), null, '\t').replaceAll('\n', '\r\n')]));
}

function withTitle(files: ModuleFiles, locale: string, title: string): ModuleFiles {
  const text = JSON.parse(files[`${locale}.json`] ?? '{}') as { title: string };
  return { ...files, [`${locale}.json`]: `${JSON.stringify({ ...text, title }, null, 2)}\n` };
}

async function rows(db: Database, moduleId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(moduleVersions).where(eq(moduleVersions.moduleId, moduleId));
  return row?.n ?? -1;
}

async function officer(db: Database): Promise<string> {
  const [user] = await db
    .insert(staffUsers)
    .values({ email: `${randomUUID()}@council.example`, displayName: 'Officer', role: 'officer', passwordHash: 'x' })
    .returning({ id: staffUsers.id });
  if (!user) throw new Error('seed failed');
  return user.id;
}

describe('checkModuleFiles', () => {
  it('passes the fixture module and names each problem by file and id', async () => {
    const files = await readModuleFolder(SHORT_DIR);
    expect(await checkModuleFiles(files)).toEqual([]);
    const broken = { ...files, 'pl.json': files['pl.json']?.replace('"title"', '"titel"') ?? '' };
    expect(await checkModuleFiles(broken)).toContainEqual({ file: 'pl.json', id: 'title', message: '"title" is missing (it must be text in quotes).' });
  });

  it('reports a missing file, a file that is not JSON, a file a module does not have and input that is not files', async () => {
    const files = await readModuleFolder(SHORT_DIR);
    const { 'teacher-notes/pl.json': _notes, ...withoutNotes } = files;
    expect(await checkModuleFiles(withoutNotes)).toEqual([{ file: 'teacher-notes/pl.json', id: '(file)', message: 'The file is missing.' }]);
    const problems = await checkModuleFiles({ ...files, 'en-GB.json': '{\n  "title": \n}', 'notes.txt': 'hello' });
    expect(problems.map((p) => [p.file, p.id])).toEqual([
      ['notes.txt', '(file)'],
      ['en-GB.json', '(file)'],
    ]);
    expect(problems[1]?.message).toMatch(/^The file is not valid JSON \(/);
    expect(await checkModuleFiles({ 'structure.json': 42 } as unknown as ModuleFiles)).toEqual([
      expect.objectContaining({ id: '(module)', message: expect.stringContaining('set of files') }),
    ]);
  });
});

describe.each(testEngines)('module versions on $name', (engine) => {
  const db = setUpTestDatabase(engine);

  it('registers content/ on first use: roads-kill is current at the version answers already store', async () => {
    const version = await currentModuleVersion(db(), 'roads-kill');
    expect(version).toBe((await getModule()).version);
    expect(await exportModuleFiles(db(), 'roads-kill')).toEqual(await readModuleFolder(path.join(process.cwd(), 'content/modules/roads-kill')));
    const [row] = await db().select().from(moduleVersions).where(eq(moduleVersions.moduleId, 'roads-kill'));
    expect(row).toMatchObject({ origin: 'files', publishedBy: null });
  });

  it('publishes a new module, exports it byte for byte, and lists it after roads-kill', async () => {
    const files = reformatted(await readModuleFolder(SHORT_DIR));
    const by = await officer(db());
    const result = await publishModuleVersion(db(), { moduleId: 'sample-short', files, publishedBy: by });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.published).toBe(true);
    expect(result.changes.map((c) => [c.file, c.change])).toEqual(Object.keys(files).sort().map((f) => [f, 'added']));
    const exported = await exportModuleFiles(db(), 'sample-short');
    expect(exported).toStrictEqual(files);
    expect(exported['structure.json']).toContain('\r\n\t"id": "sample-short"');

    const [row] = await db().select().from(moduleVersions).where(eq(moduleVersions.moduleId, 'sample-short'));
    expect(row).toMatchObject({ origin: 'studio', publishedBy: by, version: result.version });

    const en = await listModules(db(), 'en-GB');
    expect(en.map((m) => m.id)).toEqual(['roads-kill', 'sample-short']);
    expect(en[1]).toMatchObject({ title: 'A shorter sample module', version: result.version });
    expect(en[1]?.summary.length).toBeGreaterThan(10);
    expect(en[1]?.minutes).toBeGreaterThan(0);
    expect((await listModules(db(), 'pl'))[1]?.title).toBe('Krótszy moduł przykładowy');
  });

  it('refuses files that fail the check, or whose id is not the module\'s, and stores nothing', async () => {
    const before = await rows(db(), 'sample-short');
    const files = await readModuleFolder(SHORT_DIR);
    const structure = JSON.parse(files['structure.json'] ?? '{}') as { facts: { sources: string[] }[] };
    structure.facts.forEach((f) => (f.sources = []));
    const broken = { ...files, 'structure.json': JSON.stringify(structure) };
    const refused = await publishModuleVersion(db(), { moduleId: 'sample-short', files: broken, publishedBy: null });
    expect(refused).toEqual({ ok: false, problems: expect.arrayContaining([expect.objectContaining({ file: 'structure.json', id: 'F1', message: expect.stringContaining('Fact F1 has no source') })]) });
    const renamed = await publishModuleVersion(db(), { moduleId: 'another-module', files, publishedBy: null });
    expect(renamed).toEqual({ ok: false, problems: [expect.objectContaining({ file: 'structure.json', id: 'id', message: expect.stringContaining('"sample-short"') })] });
    const badId = await publishModuleVersion(db(), { moduleId: 'Not An Id', files, publishedBy: null });
    expect(badId.ok).toBe(false);
    expect(await rows(db(), 'sample-short')).toBe(before);
    expect(await rows(db(), 'another-module')).toBe(0);
  });

  it('records what changed, makes the new version current, and keeps the old one for its sessions', async () => {
    const first = await readModuleFolder(SHORT_DIR);
    const v1 = await publishModuleVersion(db(), { moduleId: 'sample-short', files: first, publishedBy: null });
    if (!v1.ok) throw new Error(JSON.stringify(v1.problems));
    const again = await publishModuleVersion(db(), { moduleId: 'sample-short', files: first, publishedBy: null });
    expect(again).toMatchObject({ ok: true, published: false, version: v1.version, changes: [] });

    const second = withTitle(first, 'en-GB', 'A shorter sample module, revised');
    const v2 = await publishModuleVersion(db(), { moduleId: 'sample-short', files: second, publishedBy: null });
    if (!v2.ok) throw new Error(JSON.stringify(v2.problems));
    expect(v2.version).not.toBe(v1.version);
    expect(v2.changes).toEqual([{ file: 'en-GB.json', path: 'title', change: 'changed' }]);
    expect(await currentModuleVersion(db(), 'sample-short')).toBe(v2.version);

    const running = await loadSessionModule(db(), { moduleId: 'sample-short', contentVersion: v1.version });
    expect(running.text['en-GB'].title).toBe('A shorter sample module');
    expect(running.version).toBe(v1.version);
    expect((await loadModuleVersion(db(), 'sample-short', v2.version)).text['en-GB'].title).toBe('A shorter sample module, revised');
    expect(await exportModuleFiles(db(), 'sample-short', v1.version)).toStrictEqual(first);
  });

  it('runs a session whose version was never stored on its module\'s current version, and knows no unpublished module', async () => {
    const current = await currentModuleVersion(db(), 'roads-kill');
    const old = await loadSessionModule(db(), { moduleId: 'roads-kill', contentVersion: '000000000000' });
    expect(old.version).toBe(current);
    await expect(exportModuleFiles(db(), 'no-such-module')).rejects.toBeInstanceOf(UnknownModuleError);
    await expect(loadSessionModule(db(), { moduleId: 'no-such-module', contentVersion: 'x' })).rejects.toBeInstanceOf(UnknownModuleError);
  });
});
