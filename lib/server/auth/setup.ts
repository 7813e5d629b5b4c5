import 'server-only';
import { chmod, rm, writeFile } from 'node:fs/promises';
import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { SetupBody } from '@/lib/api/staff-schemas';
import type { Database } from '@/lib/db/client';
import { staffTokens, staffUsers } from '@/lib/db/schema';
import { hashPassword } from './password';
import { hashToken, looksLikeToken, newToken } from './tokens';

/**
 * The first administrator. There is no default account or password: while no staff account
 * exists, each server start prints a one-time link (and, with SETUP_LINK_FILE, writes it to
 * that file) that creates the first administrator and then stops working.
 */

export const SETUP_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * An arbitrary constant naming "staff setup" among PostgreSQL advisory locks: two setups, or a
 * setup and a new link, happen one after the other, so two first administrators can't race in.
 */
const SETUP_LOCK_KEY = 7_311_200_417;

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

async function lockSetup(tx: Transaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
}

async function staffExists(db: Database | Transaction): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(staffUsers);
  return (row?.n ?? 0) > 0;
}

export function setupLink(origin: string, token: string): string {
  return `${origin}/en-GB/staff/setup/${token}`;
}

/**
 * With no staff account yet: a new setup link (earlier unused ones stop working, so only the
 * latest printed link is live). Null once any staff account exists.
 */
export async function ensureSetupLink(db: Database, origin: string, now = new Date()): Promise<string | null> {
  return db.transaction(async (tx) => {
    await lockSetup(tx);
    if (await staffExists(tx)) return null;
    await tx.delete(staffTokens).where(and(eq(staffTokens.purpose, 'setup'), isNull(staffTokens.usedAt)));
    const token = newToken();
    await tx.insert(staffTokens).values({
      tokenHash: hashToken(token),
      purpose: 'setup',
      createdAt: now,
      expiresAt: new Date(now.getTime() + SETUP_LINK_TTL_MS),
    });
    return setupLink(origin, token);
  });
}

function liveSetupToken(token: string, now: Date) {
  return and(
    eq(staffTokens.tokenHash, hashToken(token)),
    eq(staffTokens.purpose, 'setup'),
    isNull(staffTokens.usedAt),
    gt(staffTokens.expiresAt, now),
  );
}

/** Whether the setup page should show its form: the token is live and nobody has set up yet. */
export async function isSetupLinkUsable(db: Database, token: string, now = new Date()): Promise<boolean> {
  if (!looksLikeToken(token) || (await staffExists(db))) return false;
  const [row] = await db.select({ tokenHash: staffTokens.tokenHash }).from(staffTokens).where(liveSetupToken(token, now)).limit(1);
  return row !== undefined;
}

export type CompleteSetupResult =
  | { ok: true; userId: string }
  /** Unknown, used or expired link, or an administrator already exists. Nothing was changed. */
  | { ok: false; error: 'link_invalid' };

/** Uses the setup link: creates the first administrator and spends the link, in one transaction. */
export async function completeSetup(
  db: Database,
  token: string,
  { displayName, email, password }: Pick<SetupBody, 'displayName' | 'email' | 'password'>,
  now = new Date(),
): Promise<CompleteSetupResult> {
  if (!looksLikeToken(token)) return { ok: false, error: 'link_invalid' };
  // Hashing takes a while; do it before the transaction so the lock is held briefly.
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx): Promise<CompleteSetupResult> => {
    await lockSetup(tx);
    if (await staffExists(tx)) return { ok: false, error: 'link_invalid' };
    const spent = await tx
      .update(staffTokens)
      .set({ usedAt: now })
      .where(liveSetupToken(token, now))
      .returning({ tokenHash: staffTokens.tokenHash });
    if (spent.length !== 1) return { ok: false, error: 'link_invalid' };
    const [user] = await tx
      .insert(staffUsers)
      .values({ email, displayName, role: 'administrator', organisationId: null, passwordHash, createdAt: now })
      .returning({ id: staffUsers.id });
    if (user === undefined) throw new Error('inserting the first administrator returned no row');
    return { ok: true, userId: user.id };
  });
}

/**
 * At start-up: prints the setup link in a block that stands out in the server log and, if
 * `file` is set, writes it there (mode 0600, readable by the app's user only) for scripts and
 * tests. Once an account exists, an old link file is removed, since its link no longer works.
 */
export async function announceSetupLink(db: Database, { origin, file }: { origin: string; file?: string }): Promise<string | null> {
  const link = await ensureSetupLink(db, origin);
  if (link === null) {
    if (file !== undefined) await rm(file, { force: true });
    return null;
  }
  const rule = '─'.repeat(72);
  console.info(
    [
      '',
      rule,
      '  No staff account exists yet. Open this link to create the first administrator.',
      `  It works once and expires in ${SETUP_LINK_TTL_MS / 3_600_000} hours; restarting the server prints a new one.`,
      '',
      `  ${link}`,
      rule,
      '',
    ].join('\n'),
  );
  if (file !== undefined) {
    await writeFile(file, `${link}\n`, { mode: 0o600 });
    await chmod(file, 0o600); // `mode` applies only when the file is created
  }
  return link;
}
