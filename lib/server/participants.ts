import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { CreateParticipantBody } from '@/lib/api/schemas';
import type { Database } from '@/lib/db/client';
import { classSessions, participants, type ClassSessionRow } from '@/lib/db/schema';
import { pairingHashOrNull } from './pairing';

/**
 * Registers a device's random participant id, with the hash of its pairing code. Idempotent: a
 * device that retries after a dropped response gets `created: false` and nothing changes, not
 * even a stored pairing hash, so a second request can't re-pair someone else's participant.
 */
export async function createParticipant(
  db: Database,
  { id, locale, pairingCode }: CreateParticipantBody,
): Promise<{ created: boolean }> {
  const inserted = await db
    .insert(participants)
    .values({ id, locale, pairingHash: pairingHashOrNull(pairingCode) })
    .onConflictDoNothing()
    .returning({ id: participants.id });
  return { created: inserted.length === 1 };
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
