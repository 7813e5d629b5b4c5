import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { moduleDrafts, staffUsers } from '@/lib/db/schema';
import type { ModuleFiles, SaveOutcome } from '@/lib/domain/module-draft';

/**
 * Module drafts in the database (docs/decisions/018-authoring-studio.md). One draft per module;
 * every save is compare-and-set on the revision the editor started from, so two editors never
 * silently overwrite each other. Callers check the files (`draftProblems`) and the permission
 * (`canAuthorModules`) first.
 */

export interface ModuleDraft {
  moduleId: string;
  files: ModuleFiles;
  translatedFrom: Record<string, Record<string, string>>;
  baseVersion: string | null;
  revision: number;
  updatedBy: string;
  updatedAt: Date;
}

const draftColumns = {
  moduleId: moduleDrafts.moduleId,
  files: moduleDrafts.files,
  translatedFrom: moduleDrafts.translatedFrom,
  baseVersion: moduleDrafts.baseVersion,
  revision: moduleDrafts.revision,
  updatedBy: sql<string>`coalesce(${staffUsers.displayName}, '')`,
  updatedAt: moduleDrafts.updatedAt,
};

export async function findDraft(db: Database, moduleId: string): Promise<ModuleDraft | null> {
  const [row] = await db
    .select(draftColumns)
    .from(moduleDrafts)
    .leftJoin(staffUsers, eq(staffUsers.id, moduleDrafts.updatedBy))
    .where(eq(moduleDrafts.moduleId, moduleId));
  return row ?? null;
}

export async function listDrafts(db: Database): Promise<Omit<ModuleDraft, 'files' | 'translatedFrom'>[]> {
  return db
    .select({
      moduleId: draftColumns.moduleId,
      baseVersion: draftColumns.baseVersion,
      revision: draftColumns.revision,
      updatedBy: draftColumns.updatedBy,
      updatedAt: draftColumns.updatedAt,
    })
    .from(moduleDrafts)
    .leftJoin(staffUsers, eq(staffUsers.id, moduleDrafts.updatedBy))
    .orderBy(asc(moduleDrafts.moduleId));
}

/**
 * Opens a module as a draft: the existing draft if there is one (someone is already editing it),
 * otherwise a new one at revision 1 from `files`.
 */
export async function openDraft(
  db: Database,
  draft: { moduleId: string; files: ModuleFiles; translatedFrom: Record<string, Record<string, string>>; baseVersion: string | null; openedBy: string },
): Promise<ModuleDraft> {
  await db
    .insert(moduleDrafts)
    .values({
      moduleId: draft.moduleId,
      files: draft.files,
      translatedFrom: draft.translatedFrom,
      baseVersion: draft.baseVersion,
      revision: 1,
      updatedBy: draft.openedBy,
    })
    .onConflictDoNothing();
  const opened = await findDraft(db, draft.moduleId);
  if (opened === null) throw new Error(`draft ${draft.moduleId} vanished as it was opened`);
  return opened;
}

/**
 * Saves over `baseRevision` only if that is still the stored revision; otherwise returns the
 * stored draft as a conflict for the editor to resolve. A missing draft (discarded or published
 * meanwhile) is a conflict with no files.
 */
export async function saveDraft(
  db: Database,
  save: { moduleId: string; baseRevision: number; files: ModuleFiles; translatedFrom: Record<string, Record<string, string>>; updatedBy: string },
): Promise<SaveOutcome | { kind: 'gone' }> {
  const [saved] = await db
    .update(moduleDrafts)
    .set({
      files: save.files,
      translatedFrom: save.translatedFrom,
      revision: sql`${moduleDrafts.revision} + 1`,
      updatedBy: save.updatedBy,
      updatedAt: sql`now()`,
    })
    .where(and(eq(moduleDrafts.moduleId, save.moduleId), eq(moduleDrafts.revision, save.baseRevision)))
    .returning({ revision: moduleDrafts.revision });
  if (saved) return { kind: 'saved', revision: saved.revision };
  const current = await findDraft(db, save.moduleId);
  if (current === null) return { kind: 'gone' };
  return {
    kind: 'conflict',
    revision: current.revision,
    files: current.files,
    updatedBy: current.updatedBy,
    updatedAt: current.updatedAt.toISOString(),
  };
}

/** Deletes the draft (after publishing it), only at `revision` if given: a newer save is kept. */
export async function discardDraft(db: Database, moduleId: string, revision?: number): Promise<boolean> {
  const deleted = await db
    .delete(moduleDrafts)
    .where(revision === undefined ? eq(moduleDrafts.moduleId, moduleId) : and(eq(moduleDrafts.moduleId, moduleId), eq(moduleDrafts.revision, revision)))
    .returning({ moduleId: moduleDrafts.moduleId });
  return deleted.length > 0;
}
