/**
 * Follow-up sessions against both engines: which sessions a teacher may follow up, the pairing
 * hash a join stores, and the paired-device count a follow-up's pages show.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { organisations, participants, staffUsers } from '@/lib/db/schema';
import type { StaffIdentity } from '@/lib/domain/staff-access';
import { createClassSession, joinClassSession, type NewClassSession } from '@/lib/server/class-sessions';
import { findFollowableSession, followUpOfSession } from '@/lib/server/follow-ups';
import { setUpTestDatabase, testEngines } from './db-engines';
import { TEST_CONTENT_VERSION } from './test-module';

const NOW = new Date('2026-11-27T10:00:00Z');
const code = (n: number) => n.toString(16).padStart(32, '0');

describe.each(testEngines)('follow-up sessions on $name', (engine) => {
  const db = setUpTestDatabase(engine);

  async function teacher(): Promise<StaffIdentity & { id: string; organisationId: string }> {
    const [organisation] = await db()
      .insert(organisations)
      .values({ name: `School ${randomUUID()}`, kind: 'school', area: 'North Somerset' })
      .returning();
    if (!organisation) throw new Error('seed failed');
    const [user] = await db()
      .insert(staffUsers)
      .values({ email: `${randomUUID()}@school.example`, displayName: 'T', role: 'teacher', organisationId: organisation.id, passwordHash: 'x' })
      .returning();
    if (!user) throw new Error('seed failed');
    return { id: user.id, role: 'teacher', organisationId: organisation.id };
  }

  const session = (host: { id: string; organisationId: string }, overrides: Partial<NewClassSession> = {}) =>
    createClassSession(db(), {
      moduleId: 'test-module',
      contentVersion: TEST_CONTENT_VERSION,
      organisationId: host.organisationId,
      hostId: host.id,
      mode: 'self_paced',
      beforeAfter: false,
      closesAt: new Date(NOW.getTime() + 86_400_000),
      ...overrides,
    });

  const join = (joinCode: string, pairingCode?: string) =>
    joinClassSession(db(), { joinCode, participantId: randomUUID(), locale: 'en-GB', ...(pairingCode && { pairingCode }) }, NOW);

  it('lets a teacher follow up their own session, not a follow-up, nor another school’s', async () => {
    const mine = await teacher();
    const other = await teacher();
    const first = await session(mine);
    const followUp = await session(mine, { followUpOf: first.id });
    expect((await findFollowableSession(db(), mine, first.id))?.id).toBe(first.id);
    expect(await findFollowableSession(db(), mine, followUp.id)).toBeNull();
    expect(await findFollowableSession(db(), other, first.id)).toBeNull();
    expect(await findFollowableSession(db(), mine, 'not-a-uuid')).toBeNull();
  });

  it('stores the hash of the pairing code a join sends, and keeps the first one on a repeat', async () => {
    const host = await teacher();
    const first = await session(host);
    const participantId = randomUUID();
    await joinClassSession(db(), { joinCode: first.joinCode, participantId, locale: 'en-GB', pairingCode: code(1) }, NOW);
    await joinClassSession(db(), { joinCode: first.joinCode, participantId, locale: 'en-GB', pairingCode: code(2) }, NOW);
    const [row] = await db().select().from(participants).where(eq(participants.id, participantId));
    expect(row?.pairingHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.pairingHash).not.toBe(code(1));
    const again = randomUUID();
    await joinClassSession(db(), { joinCode: first.joinCode, participantId: again, locale: 'en-GB', pairingCode: code(1) }, NOW);
    const [same] = await db().select().from(participants).where(eq(participants.id, again));
    expect(same?.pairingHash).toBe(row?.pairingHash);
  });

  it('counts the follow-up’s devices that paired with the session it follows', async () => {
    const host = await teacher();
    const first = await session(host);
    const followUp = await session(host, { followUpOf: first.id });
    await join(first.joinCode, code(1));
    await join(first.joinCode, code(2));
    await join(first.joinCode); // an older client: no code
    await join(followUp.joinCode, code(1));
    await join(followUp.joinCode, code(3));
    await join(followUp.joinCode);
    expect(await followUpOfSession(db(), first)).toBeNull();
    expect(await followUpOfSession(db(), followUp)).toEqual({
      follows: { id: first.id, joinCode: first.joinCode, createdAt: first.createdAt },
      pairedDevices: 1,
    });
  });
});
