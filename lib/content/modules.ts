/**
 * Several modules, each with its published versions in the database (decision note 017).
 *
 * A module is its files (lib/content/check-files.ts): `structure.json`, one text file per
 * locale and the teacher notes, held as their exact text. Publishing checks them with every
 * check of `npm run content:check` and stores them as a new row of `module_versions`; a
 * module's current version is its latest row. At start (and on first use of a database) each
 * folder in `content/modules/` is registered as a version unless those very files are already
 * stored, so a team that keeps its modules in git loses nothing. A session keeps the version it
 * started with: it is loaded by (module id, content version), once per process.
 *
 * The authoring studio calls checkModuleFiles, publishModuleVersion, exportModuleFiles and
 * listModules; everything that serves a session calls loadSessionModule.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { and, desc, eq, sql } from 'drizzle-orm';
import { routing, type Locale } from '@/i18n/routing';
import type { Database } from '@/lib/db/client';
import { moduleVersions, type ModuleVersionOrigin } from '@/lib/db/schema';
import { buildJourney } from '@/lib/domain/journey';
import { INTRO_PATH } from './check';
import { checkFiles, readModuleFolder, screenTexts, type ModuleFiles } from './check-files';
import { CONTENT_ROOT, parseWith, type LoadedModule, type RawModuleFiles } from './load';
import { diffModuleFiles, type ModuleChange } from './module-diff';
import type { Problem } from './problems';
import { estimateJourney } from './reading-time';
import { DEFAULT_MODULE_ID, contentIdSchema, moduleStructureSchema, moduleTextSchema, type ModuleText } from './schema';
import { teacherNotesSchema, type TeacherNotes } from './teacher-notes';
import { canonicalJson, contentVersion } from './version';

export type { ModuleFiles } from './check-files';
export { MODULE_FILE_PATHS, MAX_MODULE_CHARACTERS } from './check-files';
export type { ModuleChange } from './module-diff';
export { DEFAULT_MODULE_ID } from './schema';
export type { Problem } from './problems';

/** A published module version as the app serves it: the parsed content and what is derived from it. */
export interface ModuleVersion extends LoadedModule {
  moduleId: string;
  teacherNotes: Record<Locale, TeacherNotes>;
  /** The reading-time model's minutes for a student on their own, the figure the intro states. */
  minutes: Record<Locale, number>;
}

/** One module as a teacher or student picks it: its current version's title, summary and minutes. */
export interface ModuleListing {
  id: string;
  version: string;
  title: string;
  /** The module's tagline: one sentence on what it covers. */
  summary: string;
  minutes: number;
  publishedAt: Date;
}

export class UnknownModuleError extends Error {
  constructor(
    readonly moduleId: string,
    readonly version?: string,
  ) {
    super(version === undefined ? `no published module "${moduleId}"` : `module "${moduleId}" has no version "${version}"`);
    this.name = 'UnknownModuleError';
  }
}

/** Untrusted input (a request body) as module files, or undefined if it is not a set of texts. */
function asModuleFiles(value: unknown): ModuleFiles | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.some(([, text]) => typeof text !== 'string')) return undefined;
  return Object.fromEntries(entries) as ModuleFiles;
}

/**
 * Every check `npm run content:check` runs on a folder, on a module's files. File names in the
 * problems are paths in the module folder (`pl.json`). `moduleId`: the id the module must have
 * (when publishing over an existing module); otherwise the files' own.
 */
export async function checkModuleFiles(files: ModuleFiles, opts: { moduleId?: string } = {}): Promise<Problem[]> {
  return (await checkModule(files, opts.moduleId)).problems;
}

async function checkModule(value: unknown, moduleId: string | undefined): Promise<{ problems: Problem[]; raw?: RawModuleFiles; files?: ModuleFiles }> {
  const files = asModuleFiles(value);
  if (!files) return { problems: [{ file: '.', id: '(module)', message: 'The module must be a set of files: each path in the module folder with its text.' }] };
  const checked = await checkFiles(files, { dir: '', moduleId: moduleId ?? '' });
  return { problems: checked.problems, raw: checked.raw, files };
}

/** SHA-256 over the files' paths and exact text, in path order. */
export function filesHash(files: ModuleFiles): string {
  return createHash('sha256').update(canonicalJson(files)).digest('hex');
}

/** A transaction-scoped lock per module, so two publications of one module are recorded one after the other. */
async function lockModule(tx: Pick<Database, 'execute'>, moduleId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`module:${moduleId}`}))`);
}

export type PublishResult =
  | { ok: true; version: string; changes: ModuleChange[]; publishedAt: Date; /** false: these very files were already the current version. */ published: boolean }
  | { ok: false; problems: Problem[] };

/**
 * Publishes files that pass the whole content check as the module's new current version,
 * recording who published it, when, and what changed against the previous one. Files that
 * fail the check change nothing. Files identical to the current version publish nothing.
 * `publishedBy`: the staff user's id (null for files read from `content/`).
 */
export async function publishModuleVersion(
  db: Database,
  input: { moduleId: string; files: ModuleFiles; publishedBy: string | null },
): Promise<PublishResult> {
  // A folder in content/ not yet registered would otherwise land on top of this publication.
  await ensureContentRegistered(db);
  return publish(db, { ...input, origin: 'studio' });
}

async function publish(
  db: Database,
  input: { moduleId: string; files: ModuleFiles; publishedBy: string | null; origin: ModuleVersionOrigin },
): Promise<PublishResult> {
  if (!contentIdSchema.safeParse(input.moduleId).success) {
    return { ok: false, problems: [{ file: 'structure.json', id: 'id', message: 'A module id is lower-case letters, digits and hyphens, at most 48.' }] };
  }
  const checked = await checkModule(input.files, input.moduleId);
  if (checked.problems.length > 0 || !checked.raw || !checked.files) return { ok: false, problems: checked.problems };
  const files = checked.files;
  const version = contentVersion(checked.raw);
  const hash = filesHash(files);
  return db.transaction(async (tx) => {
    await lockModule(tx, input.moduleId);
    const [previous] = await tx
      .select({ files: moduleVersions.files, filesHash: moduleVersions.filesHash, publishedAt: moduleVersions.publishedAt, version: moduleVersions.version })
      .from(moduleVersions)
      .where(eq(moduleVersions.moduleId, input.moduleId))
      .orderBy(desc(moduleVersions.seq))
      .limit(1);
    if (previous?.filesHash === hash) return { ok: true, version, changes: [], publishedAt: previous.publishedAt, published: false };
    const changes = diffModuleFiles(previous?.files, files);
    const [row] = await tx
      .insert(moduleVersions)
      .values({ moduleId: input.moduleId, version, files, filesHash: hash, origin: input.origin, publishedBy: input.publishedBy, changes })
      .returning({ publishedAt: moduleVersions.publishedAt });
    forget(input.moduleId, version);
    return { ok: true, version, changes, publishedAt: row?.publishedAt ?? new Date(), published: true };
  });
}

/** The files of a module's version (default: its current one), exactly as they were published. */
export async function exportModuleFiles(db: Database, moduleId: string, version?: string): Promise<ModuleFiles> {
  await ensureContentRegistered(db);
  const [row] = await db
    .select({ files: moduleVersions.files })
    .from(moduleVersions)
    .where(version === undefined ? eq(moduleVersions.moduleId, moduleId) : and(eq(moduleVersions.moduleId, moduleId), eq(moduleVersions.version, version)))
    .orderBy(desc(moduleVersions.seq))
    .limit(1);
  if (!row) throw new UnknownModuleError(moduleId, version);
  return row.files;
}

/** The current version of a module, or undefined if it was never published. */
export async function currentModuleVersion(db: Database, moduleId: string): Promise<string | undefined> {
  await ensureContentRegistered(db);
  const [row] = await db
    .select({ version: moduleVersions.version })
    .from(moduleVersions)
    .where(eq(moduleVersions.moduleId, moduleId))
    .orderBy(desc(moduleVersions.seq))
    .limit(1);
  return row?.version;
}

/** Every published module, its current version: roads-kill first, then by title in `locale`. */
export async function listModules(db: Database, locale: Locale): Promise<ModuleListing[]> {
  await ensureContentRegistered(db);
  const rows = await db
    .selectDistinctOn([moduleVersions.moduleId], { moduleId: moduleVersions.moduleId, version: moduleVersions.version, publishedAt: moduleVersions.publishedAt })
    .from(moduleVersions)
    .orderBy(moduleVersions.moduleId, desc(moduleVersions.seq));
  const listed = await Promise.all(
    rows.map(async (row) => {
      const loaded = await loadModuleVersion(db, row.moduleId, row.version);
      const text: ModuleText = loaded.text[locale];
      return { id: row.moduleId, version: row.version, title: text.title, summary: text.tagline, minutes: loaded.minutes[locale], publishedAt: row.publishedAt };
    }),
  );
  return listed.sort((a, b) => Number(b.id === DEFAULT_MODULE_ID) - Number(a.id === DEFAULT_MODULE_ID) || a.title.localeCompare(b.title, locale));
}

const loaded = new Map<string, Promise<ModuleVersion>>();
const cacheKey = (moduleId: string, version: string) => `${moduleId}@${version}`;

/** A republication of the same content version (new teacher notes) is read afresh in this process. */
function forget(moduleId: string, version: string): void {
  loaded.delete(cacheKey(moduleId, version));
}

/** A module version, parsed, read once per process. Throws UnknownModuleError if it was never published. */
export function loadModuleVersion(db: Database, moduleId: string, version: string): Promise<ModuleVersion> {
  const key = cacheKey(moduleId, version);
  let promise = loaded.get(key);
  if (!promise) {
    promise = exportModuleFiles(db, moduleId, version).then((files) => parseModuleVersion(moduleId, files));
    // A failure (the database away, an unknown version) is not remembered.
    promise.catch(() => loaded.delete(key));
    loaded.set(key, promise);
  }
  return promise;
}

/**
 * The module a class session runs: its own module at its own content version. A session whose
 * version was never stored (it began before versions were kept, on content since edited) runs
 * its module's current version, as every session did before.
 */
export async function loadSessionModule(db: Database, session: { moduleId: string; contentVersion: string }): Promise<ModuleVersion> {
  try {
    return await loadModuleVersion(db, session.moduleId, session.contentVersion);
  } catch (error) {
    if (!(error instanceof UnknownModuleError)) throw error;
    return loadCurrentModule(db, session.moduleId);
  }
}

/** A module's current version. Throws UnknownModuleError if it was never published. */
export async function loadCurrentModule(db: Database, moduleId: string = DEFAULT_MODULE_ID): Promise<ModuleVersion> {
  const version = await currentModuleVersion(db, moduleId);
  if (version === undefined) throw new UnknownModuleError(moduleId);
  return loadModuleVersion(db, moduleId, version);
}

/** Stored files passed the check when published, so the strict schemas parse them. */
async function parseModuleVersion(moduleId: string, files: ModuleFiles): Promise<ModuleVersion> {
  const json = (name: string): unknown => JSON.parse(files[name] ?? 'null') as unknown;
  const raw: RawModuleFiles = { structure: json('structure.json'), text: Object.fromEntries(routing.locales.map((l) => [l, json(`${l}.json`)])) };
  const structure = parseWith(moduleStructureSchema, `${moduleId}/structure.json`, raw.structure);
  const text = {} as Record<Locale, ModuleText>;
  const teacherNotes = {} as Record<Locale, TeacherNotes>;
  const minutes = {} as Record<Locale, number>;
  const screens = await screenTexts();
  for (const locale of routing.locales) {
    text[locale] = parseWith(moduleTextSchema, `${moduleId}/${locale}.json`, raw.text[locale]);
    teacherNotes[locale] = parseWith(teacherNotesSchema, `${moduleId}/teacher-notes/${locale}.json`, json(`teacher-notes/${locale}.json`));
    const estimate = estimateJourney(buildJourney(structure, INTRO_PATH.options), { structure, text: text[locale], locale, screens: screens[locale] });
    minutes[locale] = Math.round(estimate.seconds / 60);
  }
  return { moduleId, structure, text, version: contentVersion(raw), teacherNotes, minutes };
}

/**
 * Registers each module folder under `root/modules` as a version of its module, unless those
 * very files are stored already (a version an officer published since stays current). A folder
 * that fails the content check is left out and its problems returned, to be logged.
 */
export async function registerContentModules(db: Database, root: string = CONTENT_ROOT): Promise<{ registered: string[]; problems: Problem[] }> {
  const modulesDir = path.join(root, 'modules');
  const folders = (await readdir(modulesDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const registered: string[] = [];
  const problems: Problem[] = [];
  for (const moduleId of folders) {
    const files = await readModuleFolder(path.join(modulesDir, moduleId));
    const hash = filesHash(files);
    const [known] = await db
      .select({ seq: moduleVersions.seq })
      .from(moduleVersions)
      .where(and(eq(moduleVersions.moduleId, moduleId), eq(moduleVersions.filesHash, hash)))
      .limit(1);
    if (known) continue;
    const result = await publish(db, { moduleId, files, publishedBy: null, origin: 'files' });
    if (result.ok) registered.push(`${moduleId}@${result.version}`);
    else problems.push(...result.problems.map((p) => ({ ...p, file: path.join(modulesDir, moduleId, p.file) })));
  }
  return { registered, problems };
}

const registrations = new WeakMap<Database, Promise<unknown>>();

/**
 * Registers `content/` once per database and process before modules are first read from it;
 * the app's start does it first (lib/db/client.ts), tests' databases on first use.
 */
export function ensureContentRegistered(db: Database): Promise<unknown> {
  let done = registrations.get(db);
  if (!done) {
    done = registerContentModules(db).then((result) => {
      for (const p of result.problems) console.error(`[content] ${p.file}: ${p.id}: ${p.message}`);
      return result;
    });
    done.catch(() => registrations.delete(db));
    registrations.set(db, done);
  }
  return done;
}
