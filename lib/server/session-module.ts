import 'server-only';
import { eq } from 'drizzle-orm';
import { getTeacherNotes, moduleForTests, type LoadedModule } from '@/lib/content/load';
import { DEFAULT_MODULE_ID, listModules, loadCurrentModule, loadSessionModule, moduleOfVersion, type ModuleVersion } from '@/lib/content/modules';
import type { Locale } from '@/i18n/routing';
import type { TeacherNotes } from '@/lib/content/teacher-notes';
import type { Database } from '@/lib/db/client';
import { classSessions, participants } from '@/lib/db/schema';

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

/** The published module with this content version, whichever module it is; else roads-kill's current version. */
export async function moduleOfVersionOrCurrent(db: Database, version: string): Promise<ServedModule> {
  return moduleForTests() ?? (await moduleOfVersion(db, version)) ?? loadCurrentModule(db);
}

/**
 * A participant's class session never changes (no code moves a participant), so which module and
 * version they answer is remembered: the answers route asks once per batch, and group commit
 * (decision note 019) would otherwise gain a query per request back. Bounded; oldest out first.
 */
const PARTICIPANT_SESSIONS_KEPT = 20_000;
const participantSessions = new Map<string, { moduleId: string; contentVersion: string } | null>();

/** The module a participant answers: their class session's, or roads-kill's current version on their own. */
export async function moduleOfParticipant(db: Database, participantId: string): Promise<ServedModule> {
  const forTests = moduleForTests();
  if (forTests) return forTests;
  let session = participantSessions.get(participantId);
  if (session === undefined) {
    const [row] = await db
      .select({ moduleId: classSessions.moduleId, contentVersion: classSessions.contentVersion, classSessionId: participants.classSessionId })
      .from(participants)
      .leftJoin(classSessions, eq(classSessions.id, participants.classSessionId))
      .where(eq(participants.id, participantId))
      .limit(1);
    // Unknown participants are not remembered: the answers route refuses them, and one may yet be made.
    if (row === undefined) return loadCurrentModule(db);
    session = row.moduleId !== null && row.contentVersion !== null ? { moduleId: row.moduleId, contentVersion: row.contentVersion } : null;
    if (participantSessions.size >= PARTICIPANT_SESSIONS_KEPT) {
      const oldest = participantSessions.keys().next().value;
      if (oldest !== undefined) participantSessions.delete(oldest);
    }
    participantSessions.set(participantId, session);
  }
  return session ? loadSessionModule(db, session) : loadCurrentModule(db);
}

/** A served module's teacher notes in one locale (a test's own module has none: roads-kill's files). */
export async function teacherNotesOf(module: ServedModule, locale: Locale): Promise<TeacherNotes> {
  return module.teacherNotes?.[locale] ?? getTeacherNotes(locale);
}


/** The published modules a teacher or student chooses from (lib/content/modules.ts). */
export { listModules };
