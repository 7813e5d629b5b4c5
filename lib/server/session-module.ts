import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getTeacherNotes, moduleForTests, type LoadedModule } from '@/lib/content/load';
import {
  currentModuleVersion,
  DEFAULT_MODULE_ID,
  ensureContentRegistered,
  listModules,
  loadCurrentModule,
  loadModuleVersion,
  loadSessionModule,
  moduleOfVersion,
  UnknownModuleError,
  type ModuleVersion,
} from '@/lib/content/modules';
import type { Locale } from '@/i18n/routing';
import type { TeacherNotes } from '@/lib/content/teacher-notes';
import type { Database } from '@/lib/db/client';
import { classSessions, moduleVersions, participants } from '@/lib/db/schema';

/**
 * The module a request is served from (decision note 017): a class session's own module at its
 * own content version, so a running session keeps its version after a new one is published;
 * a student on their own gets roads-kill's current version. Tests that set a module of their
 * own (useModuleForTests) get that module everywhere.
 */
export type ServedModule = LoadedModule & Partial<Pick<ModuleVersion, 'moduleId' | 'teacherNotes'>>;

export async function moduleOfSession(db: Database, session: { moduleId: string; contentVersion: string }): Promise<ServedModule> {
  return moduleForTests() ?? loadSessionModule(db, session);
}

export async function currentModule(db: Database, moduleId: string = DEFAULT_MODULE_ID): Promise<ServedModule> {
  return moduleForTests() ?? loadCurrentModule(db, moduleId);
}

/** A module's current version for a student on their own, or undefined if it was never published. */
export async function publishedModule(db: Database, moduleId: string): Promise<ServedModule | undefined> {
  const forTests = moduleForTests();
  if (forTests) return forTests;
  try {
    return await loadCurrentModule(db, moduleId);
  } catch (error) {
    if (error instanceof UnknownModuleError) return undefined;
    throw error;
  }
}

/** The published module with this content version, whichever module it is; else roads-kill's current version. */
export async function moduleOfVersionOrCurrent(db: Database, version: string): Promise<ServedModule> {
  return moduleForTests() ?? (await moduleOfVersion(db, version)) ?? loadCurrentModule(db);
}

/**
 * A participant's class session, or the module they took on their own, never changes (no code
 * moves a participant), so which module and version they answer is remembered: the answers route
 * asks once per batch, and group commit (decision note 019) would otherwise gain a query per
 * request back. Bounded; oldest out first.
 */
const PARTICIPANT_MODULES_KEPT = 20_000;
type ParticipantModule = { moduleId: string; contentVersion: string | null; solo: boolean };
const participantModules = new Map<string, ParticipantModule>();

/**
 * The module a participant answers: their class session's at its version; on their own, the
 * module and version they registered with (a version not stored, or none: that module's current
 * one). Rows made before modules were chosen, and unknown participants, answer roads-kill's current version.
 *
 * A student on their own has no session to pin a version: a device that carries on after a new
 * version was published is shown the new one. So when a whole batch was answered under another
 * published version of the participant's own module (`answeredUnder`), it is judged against
 * that version, what the student was shown; a version never stored, or another module's, changes
 * nothing. A class session's participant always answers the session's version.
 */
export async function moduleOfParticipant(db: Database, participantId: string, answeredUnder?: string): Promise<ServedModule> {
  const forTests = moduleForTests();
  if (forTests) return forTests;
  let served = participantModules.get(participantId);
  if (served === undefined) {
    const [row] = await db
      .select({
        sessionModuleId: classSessions.moduleId,
        sessionVersion: classSessions.contentVersion,
        moduleId: participants.moduleId,
        contentVersion: participants.contentVersion,
      })
      .from(participants)
      .leftJoin(classSessions, eq(classSessions.id, participants.classSessionId))
      .where(eq(participants.id, participantId))
      .limit(1);
    // Unknown participants are not remembered: the answers route refuses them, and one may yet be made.
    if (row === undefined) return loadCurrentModule(db);
    served = participantModule(row);
    if (participantModules.size >= PARTICIPANT_MODULES_KEPT) {
      const oldest = participantModules.keys().next().value;
      if (oldest !== undefined) participantModules.delete(oldest);
    }
    participantModules.set(participantId, served);
  }
  if (served.solo && answeredUnder !== undefined && answeredUnder !== served.contentVersion) {
    try {
      return await loadModuleVersion(db, served.moduleId, answeredUnder);
    } catch (error) {
      // Not a version of this module: judged as if it named none.
      if (!(error instanceof UnknownModuleError)) throw error;
    }
  }
  return served.contentVersion === null
    ? loadCurrentModule(db, served.moduleId)
    : loadSessionModule(db, { moduleId: served.moduleId, contentVersion: served.contentVersion });
}

function participantModule(row: { sessionModuleId: string | null; sessionVersion: string | null; moduleId: string | null; contentVersion: string | null }): ParticipantModule {
  if (row.sessionModuleId !== null && row.sessionVersion !== null) return { moduleId: row.sessionModuleId, contentVersion: row.sessionVersion, solo: false };
  return { moduleId: row.moduleId ?? DEFAULT_MODULE_ID, contentVersion: row.moduleId === null ? null : row.contentVersion, solo: row.sessionModuleId === null };
}

/**
 * The module and version a student on their own registers for: a published module, at the
 * version the device answers under if it was published, else (none named, or one this database
 * never stored) the module's current version, as a session whose version was never stored runs
 * (loadSessionModule). Undefined when the module was never published: the participant is refused
 * and nothing is stored.
 */
export async function soloModuleVersion(db: Database, moduleId: string, version?: string): Promise<{ moduleId: string; contentVersion: string } | undefined> {
  const forTests = moduleForTests();
  if (forTests) return { moduleId, contentVersion: forTests.version };
  if (version !== undefined) {
    await ensureContentRegistered(db);
    const [row] = await db
      .select({ version: moduleVersions.version })
      .from(moduleVersions)
      .where(and(eq(moduleVersions.moduleId, moduleId), eq(moduleVersions.version, version)))
      .limit(1);
    if (row !== undefined) return { moduleId, contentVersion: version };
  }
  const current = await currentModuleVersion(db, moduleId);
  return current === undefined ? undefined : { moduleId, contentVersion: current };
}

/** A served module's teacher notes in one locale (a test's own module has none: roads-kill's files). */
export async function teacherNotesOf(module: ServedModule, locale: Locale): Promise<TeacherNotes> {
  return module.teacherNotes?.[locale] ?? getTeacherNotes(locale);
}

/** The published modules a teacher or student chooses from (lib/content/modules.ts). */
export { listModules };
