import 'server-only';
import { aliasedTable, and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Locale } from '@/i18n/routing';
import type { AcceptInviteBody, CreateInviteBody } from '@/lib/api/staff-schemas';
import type { Database } from '@/lib/db/client';
import { organisations, staffTokens, staffUsers, type StaffRole } from '@/lib/db/schema';
import { canInvite, type StaffIdentity } from '@/lib/domain/staff-access';
import { env, publicOrigin } from '@/lib/env';
import { hashPassword } from './password';
import { hashToken, looksLikeToken, newToken } from './tokens';

/**
 * Invites: a single-use link that expires, made by an administrator (any role) or an officer
 * (teachers only), and shown once for copying; no e-mail is sent. Only the link's hash is kept.
 */

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The origin invite links start with: PUBLIC_ORIGIN when set; otherwise the origin the inviter's
 * browser is using (the `Origin` of their form post, which Next has already checked against the
 * host), so a laptop serving a school's network hands out links that work on that network.
 */
export function inviteOrigin(requestOrigin: string | null, config = env): string {
  if (config.PUBLIC_ORIGIN !== undefined || requestOrigin === null) return publicOrigin(config);
  try {
    const url = new URL(requestOrigin);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : publicOrigin(config);
  } catch {
    return publicOrigin(config); // not a URL: "null" from a sandboxed page, say
  }
}

export type CreateInviteResult =
  | { ok: true; link: string; expiresAt: Date }
  | { ok: false; error: 'forbidden' | 'unknown_organisation' };

export async function createInvite(
  db: Database,
  inviter: StaffIdentity,
  { role, organisationId }: CreateInviteBody,
  { origin, locale, now = new Date() }: { origin: string; locale: Locale; now?: Date },
): Promise<CreateInviteResult> {
  if (!canInvite(inviter, role)) return { ok: false, error: 'forbidden' };
  // Only teachers belong to an organisation (the staff_users check constraint says the same).
  const organisation = role === 'teacher' ? (organisationId ?? null) : null;
  if (role === 'teacher') {
    if (organisation === null) return { ok: false, error: 'unknown_organisation' };
    const [found] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisation)).limit(1);
    if (found === undefined) return { ok: false, error: 'unknown_organisation' };
  }
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  await db.insert(staffTokens).values({
    tokenHash: hashToken(token),
    purpose: 'invite',
    role,
    organisationId: organisation,
    createdBy: inviter.id,
    createdAt: now,
    expiresAt,
  });
  return { ok: true, link: `${origin}/${locale}/staff/invite/${token}`, expiresAt };
}

function liveInvite(token: string, now: Date) {
  return and(
    eq(staffTokens.tokenHash, hashToken(token)),
    eq(staffTokens.purpose, 'invite'),
    isNull(staffTokens.usedAt),
    gt(staffTokens.expiresAt, now),
  );
}

export interface InviteDetails {
  role: StaffRole;
  organisationName: string | null;
  expiresAt: Date;
}

/** What the invite page tells the invitee; null for an unknown, used or expired link. */
export async function findInvite(db: Database, token: string, now = new Date()): Promise<InviteDetails | null> {
  if (!looksLikeToken(token)) return null;
  const [row] = await db
    .select({ role: staffTokens.role, organisationName: organisations.name, expiresAt: staffTokens.expiresAt })
    .from(staffTokens)
    .leftJoin(organisations, eq(organisations.id, staffTokens.organisationId))
    .where(liveInvite(token, now))
    .limit(1);
  if (row === undefined || row.role === null) return null;
  return { role: row.role, organisationName: row.organisationName, expiresAt: row.expiresAt };
}

export type AcceptInviteResult =
  | { ok: true; userId: string; role: StaffRole }
  /** Unknown, used or expired. Nothing was changed. */
  | { ok: false; error: 'link_invalid' }
  /** The address has an account already. The link stays usable (with another address). */
  | { ok: false; error: 'email_taken' };

class EmailTaken extends Error {}

/**
 * Creates the invitee's account and spends the link, in one transaction. The link is spent
 * with `UPDATE … WHERE used_at IS NULL AND expires_at > now RETURNING`, so of two accepts at
 * the same moment exactly one gets the row: PostgreSQL makes the second wait for the first
 * and then finds `used_at` set.
 */
export async function acceptInvite(
  db: Database,
  token: string,
  { displayName, email, password }: Pick<AcceptInviteBody, 'displayName' | 'email' | 'password'>,
  now = new Date(),
): Promise<AcceptInviteResult> {
  if (!looksLikeToken(token)) return { ok: false, error: 'link_invalid' };
  const passwordHash = await hashPassword(password);
  try {
    return await db.transaction(async (tx): Promise<AcceptInviteResult> => {
      const [invite] = await tx
        .update(staffTokens)
        .set({ usedAt: now })
        .where(liveInvite(token, now))
        .returning({ role: staffTokens.role, organisationId: staffTokens.organisationId });
      if (invite === undefined || invite.role === null) return { ok: false, error: 'link_invalid' };
      const [user] = await tx
        .insert(staffUsers)
        .values({ email, displayName, role: invite.role, organisationId: invite.organisationId, passwordHash, createdAt: now })
        .onConflictDoNothing({ target: staffUsers.email })
        .returning({ id: staffUsers.id });
      // Throwing rolls the transaction back, so the link is not spent.
      if (user === undefined) throw new EmailTaken();
      return { ok: true, userId: user.id, role: invite.role };
    });
  } catch (error) {
    if (error instanceof EmailTaken) return { ok: false, error: 'email_taken' };
    throw error;
  }
}

export interface PendingInvite {
  role: StaffRole;
  organisationName: string | null;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** Invites not yet accepted and not expired, soonest to expire first. Officers see teacher invites only. */
export async function listPendingInvites(db: Database, viewer: StaffIdentity, now = new Date()): Promise<PendingInvite[]> {
  if (viewer.role === 'teacher') return [];
  const inviter = aliasedTable(staffUsers, 'inviter');
  const rows = await db
    .select({
      role: staffTokens.role,
      organisationName: organisations.name,
      invitedBy: inviter.displayName,
      createdAt: staffTokens.createdAt,
      expiresAt: staffTokens.expiresAt,
    })
    .from(staffTokens)
    .leftJoin(organisations, eq(organisations.id, staffTokens.organisationId))
    .leftJoin(inviter, eq(inviter.id, staffTokens.createdBy))
    .where(
      and(
        eq(staffTokens.purpose, 'invite'),
        isNull(staffTokens.usedAt),
        gt(staffTokens.expiresAt, now),
        viewer.role === 'administrator' ? undefined : eq(staffTokens.role, 'teacher'),
      ),
    )
    .orderBy(asc(staffTokens.expiresAt));
  return rows.flatMap((row) => (row.role === null ? [] : [{ ...row, role: row.role }]));
}
