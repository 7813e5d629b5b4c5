import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { CreateParticipantBody } from '@/lib/api/schemas';
import { DEFAULT_MODULE_ID } from '@/lib/content/modules';
import type { Database } from '@/lib/db/client';
import { classSessions, participants, type ClassSessionRow } from '@/lib/db/schema';
import { pairingHashOrNull } from './pairing';
import { soloModuleVersion } from './session-module';

/**
 * Registers a device's random participant id, with the hash of its pairing code, for a student
 * on their own: with the published module and version they take (roads-kill's current version
 * when the device names none, as older clients do). Idempotent: a device that retries after a
 * dropped response gets `created: false` and nothing changes, not even a stored pairing hash or
 * module, so a second request can't re-pair someone else's participant. A module that was never
 * published is refused and nothing is stored.
 */
export async function createParticipant(
  db: Database,
  { id, locale, pairingCode, moduleId = DEFAULT_MODULE_ID, contentVersion }: CreateParticipantBody,
): Promise<{ ok: true; created: boolean } | { ok: false; error: 'unknown_module' }> {
  const module = await soloModuleVersion(db, moduleId, contentVersion);
  if (module === undefined) return { ok: false, error: 'unknown_module' };
  const inserted = await db
    .insert(participants)
    .values({ id, locale, pairingHash: pairingHashOrNull(pairingCode), moduleId: module.moduleId, contentVersion: module.contentVersion })
    .onConflictDoNothing()
    .returning({ id: participants.id });
  return { ok: true, created: inserted.length === 1 };
}

export async function participantExists(db: Database, id: string): Promise<boolean> {
  const found = await db.select({ id: participants.id }).from(participants).where(eq(participants.id, id)).limit(1);
  return found.length === 1;
}

/**
 * Participants and their class sessions (null when in none) in one query, keyed by id in lower
 * case (as the database writes a uuid); an unknown participant is missing from the map. The
 * sessions are as stored: settleClosing writes down a closing that fell due.
 */
export async function participantsWithSessions(db: Database, ids: readonly string[]): Promise<Map<string, ClassSessionRow | null>> {
  const unique = [...new Set(ids)];
  const found = await db
    .select({ id: participants.id, session: classSessions })
    .from(participants)
    .leftJoin(classSessions, eq(classSessions.id, participants.classSessionId))
    .where(unique.length === 1 ? eq(participants.id, unique[0] as string) : inArray(participants.id, unique));
  return new Map(found.map((row) => [row.id.toLowerCase(), row.session]));
}
