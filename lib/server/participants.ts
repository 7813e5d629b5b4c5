import 'server-only';
import { eq } from 'drizzle-orm';
import type { CreateParticipantBody } from '@/lib/api/schemas';
import type { Database } from '@/lib/db/client';
import { classSessions, participants, type ClassSessionRow } from '@/lib/db/schema';
import { pairingHashOrNull } from './pairing';
import { settleClosing } from './session-lifecycle';

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
 * A participant and its class session (null when it is in none) in one query; undefined for an
 * unknown participant. With `now`, a session that closed by itself (idle, or its closing time)
 * is written down as closed first, as `sessionOfParticipant` does.
 */
export async function participantWithSession(
  db: Database,
  id: string,
  now?: Date,
): Promise<{ session: ClassSessionRow | null } | undefined> {
  const [row] = await db
    .select({ id: participants.id, session: classSessions })
    .from(participants)
    .leftJoin(classSessions, eq(classSessions.id, participants.classSessionId))
    .where(eq(participants.id, id))
    .limit(1);
  if (!row) return undefined;
  if (row.session === null || now === undefined) return { session: row.session };
  return { session: await settleClosing(db, row.session, now) };
}
