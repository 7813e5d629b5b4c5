import 'server-only';
import { and, eq, gt, lte } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { organisations, staffSessions, staffUsers, type StaffRole } from '@/lib/db/schema';
import { STAFF_SESSION_TTL_MS } from './cookies';
import { hashToken, looksLikeToken, newToken } from './tokens';

/** A signed-in member of staff, as every staff page sees them. */
export interface Staff {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  /** Teachers only. */
  organisationId: string | null;
  organisationName: string | null;
}

export interface NewStaffSession {
  /** Goes into the cookie and nowhere else; the database keeps its SHA-256. */
  token: string;
  expiresAt: Date;
}

/** Signs a user in: a new random token, stored hashed, valid for a fixed 12 hours. */
export async function createStaffSession(db: Database, userId: string, now = new Date()): Promise<NewStaffSession> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + STAFF_SESSION_TTL_MS);
  // Housekeeping on the way: sessions that have expired are of no use to anyone.
  await db.delete(staffSessions).where(lte(staffSessions.expiresAt, now));
  await db.insert(staffSessions).values({ tokenHash: hashToken(token), userId, createdAt: now, expiresAt });
  return { token, expiresAt };
}

/** The member of staff a cookie's token belongs to, or null if it is unknown or has expired. */
export async function findStaffBySessionToken(db: Database, token: string, now = new Date()): Promise<Staff | null> {
  if (!looksLikeToken(token)) return null;
  const [row] = await db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      displayName: staffUsers.displayName,
      role: staffUsers.role,
      organisationId: staffUsers.organisationId,
      organisationName: organisations.name,
    })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .leftJoin(organisations, eq(organisations.id, staffUsers.organisationId))
    .where(and(eq(staffSessions.tokenHash, hashToken(token)), gt(staffSessions.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

/** Signs one browser out. Unknown tokens are ignored: signing out twice is not an error. */
export async function deleteStaffSession(db: Database, token: string): Promise<void> {
  if (!looksLikeToken(token)) return;
  await db.delete(staffSessions).where(eq(staffSessions.tokenHash, hashToken(token)));
}
