import 'server-only';
import { eq } from 'drizzle-orm';
import type { CreateParticipantBody } from '@/lib/api/schemas';
import type { Database } from '@/lib/db/client';
import { participants } from '@/lib/db/schema';

/**
 * Registers a device's random participant id. Idempotent: a device that retries after a
 * dropped response gets `created: false` and nothing changes.
 */
export async function createParticipant(
  db: Database,
  { id, locale }: CreateParticipantBody,
): Promise<{ created: boolean }> {
  const inserted = await db
    .insert(participants)
    .values({ id, locale })
    .onConflictDoNothing()
    .returning({ id: participants.id });
  return { created: inserted.length === 1 };
}

export async function participantExists(db: Database, id: string): Promise<boolean> {
  const found = await db.select({ id: participants.id }).from(participants).where(eq(participants.id, id)).limit(1);
  return found.length === 1;
}
