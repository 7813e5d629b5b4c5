import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db/client';
import { participants, type ClassSessionRow } from '@/lib/db/schema';
import { pairFollowUp, type PairingEntry } from '@/lib/domain/pairing';
import { canAccessClassSession, type StaffIdentity } from '@/lib/domain/staff-access';
import { findClassSession } from './class-sessions';

/**
 * Follow-up sessions (DESIGN.md, "The learning journey", step 8): which session a new one may
 * follow, and how many of a follow-up's devices paired with the session it follows.
 */

/**
 * The session a staff member may plan a follow-up of, or null: a malformed id, no such session,
 * one they may not see, or one that is itself a follow-up (a follow-up of a follow-up would
 * pair with nothing the first visit asked).
 */
export async function findFollowableSession(db: Database, staff: StaffIdentity, id: string): Promise<ClassSessionRow | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const session = await findClassSession(db, id);
  return session !== null && session.followUpOf === null && canAccessClassSession(staff, session) ? session : null;
}

/** A session's participants with their devices' pairing hashes, earliest first (as pairFollowUp wants). */
export async function pairingEntries(db: Database, classSessionId: string): Promise<PairingEntry[]> {
  return db
    .select({ participantId: participants.id, pairingHash: participants.pairingHash })
    .from(participants)
    .where(eq(participants.classSessionId, classSessionId))
    .orderBy(asc(participants.createdAt), asc(participants.id));
}

export interface FollowUpOfSession {
  /** The session followed; null when it has since been deleted. */
  follows: Pick<ClassSessionRow, 'id' | 'joinCode' | 'createdAt'> | null;
  /** Devices of the follow-up that paired with the session followed: a head count, never who. */
  pairedDevices: number;
}

/** What a follow-up session's pages say about the session it follows; null for any other session. */
export async function followUpOfSession(db: Database, session: Pick<ClassSessionRow, 'id' | 'followUpOf'>): Promise<FollowUpOfSession | null> {
  if (session.followUpOf === null) return null;
  const [follows, first, followUp] = await Promise.all([
    findClassSession(db, session.followUpOf),
    pairingEntries(db, session.followUpOf),
    pairingEntries(db, session.id),
  ]);
  return {
    follows: follows && { id: follows.id, joinCode: follows.joinCode, createdAt: follows.createdAt },
    pairedDevices: pairFollowUp(first, followUp).pairs.length,
  };
}
