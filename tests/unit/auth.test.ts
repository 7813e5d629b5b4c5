import { createHash } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { organisations, staffSessions, staffTokens, staffUsers, type StaffRole } from '@/lib/db/schema';
import { acceptInvite, createInvite, findInvite, INVITE_TTL_MS, listPendingInvites } from '@/lib/server/auth/invites';
import { hashPassword, verifyPassword } from '@/lib/server/auth/password';
import { completeSetup, ensureSetupLink, isSetupLinkUsable, SETUP_LINK_TTL_MS } from '@/lib/server/auth/setup';
import { signIn } from '@/lib/server/auth/sign-in';
import { createStaffSession, deleteStaffSession, findStaffBySessionToken } from '@/lib/server/auth/staff-sessions';
import { hashToken, newToken } from '@/lib/server/auth/tokens';
import { createOrganisation, listOrganisations, listPeople } from '@/lib/server/organisations';
import { createMemoryRateLimitStore, createRateLimits } from '@/lib/server/rate-limit';
import { setUpTestDatabase, testEngines } from './db-engines';

const ORIGIN = 'https://roads.example';
const PASSWORD = 'a long enough passphrase';
const T0 = new Date('2026-03-02T09:00:00.000Z');
const MINUTE = 60_000;
const later = (ms: number) => new Date(T0.getTime() + ms);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const tokenOf = (link: string) => link.split('/').at(-1) ?? '';

describe.each(testEngines)('staff accounts on $name', (engine) => {
  const db = setUpTestDatabase(engine);

  beforeEach(async () => {
    await db().delete(staffSessions);
    await db().delete(staffTokens);
    await db().delete(staffUsers);
    await db().delete(organisations);
  });

  async function countUsers(): Promise<number> {
    const [row] = await db().select({ n: count() }).from(staffUsers);
    return row?.n ?? -1;
  }

  async function addUser(role: StaffRole, email: string, organisationId: string | null = null) {
    const [user] = await db()
      .insert(staffUsers)
      .values({ email, displayName: `${role} ${email}`, role, organisationId, passwordHash: await hashPassword(PASSWORD) })
      .returning({ id: staffUsers.id, role: staffUsers.role, organisationId: staffUsers.organisationId });
    if (user === undefined) throw new Error('no user inserted');
    return user;
  }

  async function addOrganisation(name = 'Riverside College'): Promise<string> {
    const created = await createOrganisation(db(), { name, kind: 'college', area: 'North Somerset' });
    if (!created.ok) throw new Error(created.error);
    return created.organisation.id;
  }

  /** Every value in every staff table, as one string, to search for secrets. */
  async function everythingStored(): Promise<string> {
    const tables = await Promise.all([
      db().select().from(staffUsers),
      db().select().from(staffSessions),
      db().select().from(staffTokens),
    ]);
    return JSON.stringify(tables);
  }

  const admin = { displayName: 'Ada Admin', email: 'ada@council.example', password: PASSWORD };

  describe('setup link', () => {
    it('makes a link with a 32-byte token and stores only its SHA-256', async () => {
      const link = await ensureSetupLink(db(), ORIGIN, T0);
      expect(link).toMatch(/^https:\/\/roads\.example\/en-GB\/staff\/setup\/[A-Za-z0-9_-]{43}$/);
      const token = tokenOf(link ?? '');
      const rows = await db().select().from(staffTokens);
      expect(rows).toEqual([
        {
          tokenHash: sha256(token),
          purpose: 'setup',
          role: null,
          organisationId: null,
          createdBy: null,
          createdAt: T0,
          expiresAt: later(SETUP_LINK_TTL_MS),
          usedAt: null,
        },
      ]);
      expect(await everythingStored()).not.toContain(token);
    });

    it('keeps only the newest link live', async () => {
      const first = tokenOf((await ensureSetupLink(db(), ORIGIN, T0)) ?? '');
      const second = tokenOf((await ensureSetupLink(db(), ORIGIN, T0)) ?? '');
      expect(first).not.toBe(second);
      expect(await isSetupLinkUsable(db(), first, T0)).toBe(false);
      expect(await isSetupLinkUsable(db(), second, T0)).toBe(true);
      expect(await completeSetup(db(), first, admin, T0)).toEqual({ ok: false, error: 'link_invalid' });
      expect(await countUsers()).toBe(0);
    });

    it('creates the first administrator once; the link then stops working', async () => {
      const token = tokenOf((await ensureSetupLink(db(), ORIGIN, T0)) ?? '');
      const done = await completeSetup(db(), token, admin, later(MINUTE));
      expect(done.ok).toBe(true);
      const users = await db().select().from(staffUsers);
      expect(users).toHaveLength(1);
      expect(users[0]).toMatchObject({ email: 'ada@council.example', displayName: 'Ada Admin', role: 'administrator', organisationId: null });
      expect(await verifyPassword(PASSWORD, users[0]?.passwordHash ?? '')).toBe(true);
      const [used] = await db().select({ usedAt: staffTokens.usedAt }).from(staffTokens);
      expect(used?.usedAt).toEqual(later(MINUTE));

      expect(await completeSetup(db(), token, { ...admin, email: 'eve@example.com' }, later(2 * MINUTE))).toEqual({ ok: false, error: 'link_invalid' });
      expect(await isSetupLinkUsable(db(), token, later(2 * MINUTE))).toBe(false);
      expect(await countUsers()).toBe(1);
    });

    it('expires after 24 hours, creating nothing', async () => {
      const token = tokenOf((await ensureSetupLink(db(), ORIGIN, T0)) ?? '');
      expect(await isSetupLinkUsable(db(), token, later(SETUP_LINK_TTL_MS - 1))).toBe(true);
      expect(await isSetupLinkUsable(db(), token, later(SETUP_LINK_TTL_MS))).toBe(false);
      expect(await completeSetup(db(), token, admin, later(SETUP_LINK_TTL_MS))).toEqual({ ok: false, error: 'link_invalid' });
      expect(await countUsers()).toBe(0);
    });

    it('is not made, and an old one refused, once any staff account exists', async () => {
      const token = tokenOf((await ensureSetupLink(db(), ORIGIN, T0)) ?? '');
      await addUser('officer', 'olu@council.example');
      expect(await ensureSetupLink(db(), ORIGIN, T0)).toBeNull();
      expect(await isSetupLinkUsable(db(), token, T0)).toBe(false);
      expect(await completeSetup(db(), token, admin, T0)).toEqual({ ok: false, error: 'link_invalid' });
      expect(await countUsers()).toBe(1);
      const [row] = await db().select({ usedAt: staffTokens.usedAt }).from(staffTokens);
      expect(row?.usedAt).toBeNull();
    });

    it('lets only one of two live links create an administrator, even at the same moment', async () => {
      const tokens = [newToken(), newToken()];
      await db()
        .insert(staffTokens)
        .values(tokens.map((token) => ({ tokenHash: hashToken(token), purpose: 'setup' as const, expiresAt: later(SETUP_LINK_TTL_MS) })));
      const results = await Promise.all(
        tokens.map((token, i) => completeSetup(db(), token, { ...admin, email: `admin${i}@council.example` }, T0)),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'link_invalid' }]);
      expect(await countUsers()).toBe(1);
    });

    it('refuses something that is not a token without touching the database', async () => {
      expect(await isSetupLinkUsable(db(), '../../etc/passwd', T0)).toBe(false);
      expect(await completeSetup(db(), 'short', admin, T0)).toEqual({ ok: false, error: 'link_invalid' });
    });
  });

  describe('sessions', () => {
    it('stores only the SHA-256 of the cookie token and finds the member of staff by it', async () => {
      const organisationId = await addOrganisation();
      const teacher = await addUser('teacher', 'tia@riverside.example', organisationId);
      const session = await createStaffSession(db(), teacher.id, T0);
      expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(session.expiresAt).toEqual(later(12 * 60 * MINUTE));
      const rows = await db().select().from(staffSessions);
      expect(rows).toEqual([{ tokenHash: sha256(session.token), userId: teacher.id, createdAt: T0, expiresAt: session.expiresAt }]);
      expect(await everythingStored()).not.toContain(session.token);

      expect(await findStaffBySessionToken(db(), session.token, later(MINUTE))).toEqual({
        id: teacher.id,
        email: 'tia@riverside.example',
        displayName: 'teacher tia@riverside.example',
        role: 'teacher',
        organisationId,
        organisationName: 'Riverside College',
      });
      // The hash itself is not a key to the session.
      expect(await findStaffBySessionToken(db(), sha256(session.token), later(MINUTE))).toBeNull();
    });

    it('rejects an expired session and one signed out', async () => {
      const officer = await addUser('officer', 'olu@council.example');
      const session = await createStaffSession(db(), officer.id, T0);
      expect(await findStaffBySessionToken(db(), session.token, later(12 * 60 * MINUTE - 1))).not.toBeNull();
      expect(await findStaffBySessionToken(db(), session.token, later(12 * 60 * MINUTE))).toBeNull();

      const other = await createStaffSession(db(), officer.id, T0);
      await deleteStaffSession(db(), other.token);
      expect(await findStaffBySessionToken(db(), other.token, T0)).toBeNull();
      expect(await findStaffBySessionToken(db(), newToken(), T0)).toBeNull();
    });

    it('clears expired sessions when a new one starts', async () => {
      const officer = await addUser('officer', 'olu@council.example');
      await createStaffSession(db(), officer.id, T0);
      await createStaffSession(db(), officer.id, later(13 * 60 * MINUTE));
      const [row] = await db().select({ n: count() }).from(staffSessions);
      expect(row?.n).toBe(1);
    });
  });

  describe('sign-in', () => {
    const address = '203.0.113.9';

    function limitsAt(start = T0.getTime()) {
      let time = start;
      return { limits: createRateLimits(createMemoryRateLimitStore(), () => time), advance: (ms: number) => (time += ms) };
    }

    it('opens a session for the right e-mail address and password', async () => {
      const officer = await addUser('officer', 'olu@council.example');
      const { limits } = limitsAt();
      const result = await signIn(db(), { email: 'olu@council.example', password: PASSWORD, address }, { limits, now: T0 });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.userId).toBe(officer.id);
      expect((await findStaffBySessionToken(db(), result.session.token, T0))?.id).toBe(officer.id);
    });

    it('answers a wrong password and an unknown address in exactly the same way', async () => {
      await addUser('officer', 'olu@council.example');
      const { limits } = limitsAt();
      const wrongPassword = await signIn(db(), { email: 'olu@council.example', password: `${PASSWORD}!`, address }, { limits });
      const unknownEmail = await signIn(db(), { email: 'nobody@council.example', password: PASSWORD, address }, { limits });
      expect(wrongPassword).toEqual({ ok: false, error: 'wrong_credentials' });
      expect(unknownEmail).toEqual(wrongPassword);
      const [row] = await db().select({ n: count() }).from(staffSessions);
      expect(row?.n).toBe(0);
    });

    it('slows down one e-mail address from one client after 5 failures: one more try every 3 minutes, the right password too', async () => {
      await addUser('officer', 'olu@council.example');
      const { limits, advance } = limitsAt();
      const attempt = (password: string) => signIn(db(), { email: 'olu@council.example', password, address }, { limits, now: T0 });
      for (let i = 0; i < 5; i += 1) {
        expect(await attempt(`guess ${i} guess ${i}`)).toEqual({ ok: false, error: 'wrong_credentials' });
        advance(10_000);
      }
      // Five failures 10 seconds apart, the first 50 seconds ago: one attempt comes back 3 minutes
      // after the first, so in 130 seconds; then one every 3 minutes.
      expect(await attempt(PASSWORD)).toEqual({ ok: false, error: 'too_many_attempts', retryAfterMs: 3 * MINUTE - 50_000 });
      advance(3 * MINUTE - 50_000);
      expect(await attempt('one more guess, one more')).toEqual({ ok: false, error: 'wrong_credentials' });
      expect((await attempt(PASSWORD)).ok).toBe(false);
      advance(3 * MINUTE);
      expect((await attempt(PASSWORD)).ok).toBe(true);
    });

    it('never locks the staff member out: a guesser hammering the account leaves another client’s right password working', async () => {
      await addUser('officer', 'olu@council.example');
      const { limits } = limitsAt();
      const attacker = '203.0.113.66';
      const fromAttacker = await Promise.all(
        Array.from({ length: 30 }, (_, i) => signIn(db(), { email: 'olu@council.example', password: `guess ${i} guess ${i}`, address: attacker }, { limits, now: T0 })),
      );
      // Sent at once, the guesses are still counted one by one: 5 checked, the rest refused unchecked.
      expect(fromAttacker.filter((result) => !result.ok && result.error === 'wrong_credentials')).toHaveLength(5);
      expect(fromAttacker.filter((result) => !result.ok && result.error === 'too_many_attempts')).toHaveLength(25);
      expect((await signIn(db(), { email: 'olu@council.example', password: PASSWORD, address: attacker }, { limits, now: T0 })).ok).toBe(false);

      const teacher = await signIn(db(), { email: 'olu@council.example', password: PASSWORD, address }, { limits, now: T0 });
      expect(teacher.ok).toBe(true);
      const [row] = await db().select({ n: count() }).from(staffSessions);
      expect(row?.n).toBe(1);
    });

    it('slows down a client address after 20 failures, whatever the e-mail address, and no other client', async () => {
      await addUser('officer', 'olu@council.example');
      const { limits } = limitsAt();
      for (let i = 0; i < 20; i += 1) {
        const result = await signIn(db(), { email: `guess${i}@council.example`, password: PASSWORD, address }, { limits });
        expect(result).toEqual({ ok: false, error: 'wrong_credentials' });
      }
      const blocked = await signIn(db(), { email: 'olu@council.example', password: PASSWORD, address }, { limits });
      expect(blocked).toEqual({ ok: false, error: 'too_many_attempts', retryAfterMs: 45_000 });
      const elsewhere = await signIn(db(), { email: 'olu@council.example', password: PASSWORD, address: '192.0.2.1' }, { limits });
      expect(elsewhere.ok).toBe(true);
      // 22 password checks one after another: on a busy 2-core machine they took over the default 20 s.
    }, 60_000);

    it('counts only failures: someone signing in again and again is never slowed down', async () => {
      await addUser('officer', 'tia@riverside.example');
      const { limits } = limitsAt();
      // More than the 20 a client address may fail.
      for (let i = 0; i < 21; i += 1) {
        expect((await signIn(db(), { email: 'tia@riverside.example', password: PASSWORD, address }, { limits, now: T0 })).ok).toBe(true);
      }
      // A success clears its own e-mail address's count from that client.
      for (let i = 0; i < 4; i += 1) await signIn(db(), { email: 'tia@riverside.example', password: 'a typo in the passphrase', address }, { limits });
      expect((await signIn(db(), { email: 'tia@riverside.example', password: PASSWORD, address }, { limits })).ok).toBe(true);
      for (let i = 0; i < 4; i += 1) await signIn(db(), { email: 'tia@riverside.example', password: 'a typo in the passphrase', address }, { limits });
      expect((await signIn(db(), { email: 'tia@riverside.example', password: PASSWORD, address }, { limits })).ok).toBe(true);
      // 31 password checks one after another: on a busy 2-core machine they took over the default 20 s.
    }, 60_000);
  });

  describe('invites', () => {
    it('lets officers invite teachers only, and needs an organisation for a teacher', async () => {
      const officer = await addUser('officer', 'olu@council.example');
      const organisationId = await addOrganisation();
      const options = { origin: ORIGIN, locale: 'pl' as const, now: T0 };
      expect(await createInvite(db(), officer, { role: 'officer' }, options)).toEqual({ ok: false, error: 'forbidden' });
      expect(await createInvite(db(), officer, { role: 'administrator' }, options)).toEqual({ ok: false, error: 'forbidden' });
      expect(await createInvite(db(), officer, { role: 'teacher' }, options)).toEqual({ ok: false, error: 'unknown_organisation' });
      expect(
        await createInvite(db(), officer, { role: 'teacher', organisationId: '00000000-0000-4000-8000-000000000000' }, options),
      ).toEqual({ ok: false, error: 'unknown_organisation' });
      const [row] = await db().select({ n: count() }).from(staffTokens);
      expect(row?.n).toBe(0);

      const invite = await createInvite(db(), officer, { role: 'teacher', organisationId }, options);
      expect(invite).toEqual({ ok: true, link: expect.stringMatching(/^https:\/\/roads\.example\/pl\/staff\/invite\/[A-Za-z0-9_-]{43}$/), expiresAt: later(INVITE_TTL_MS) });
    });

    it('lets administrators invite officers, without an organisation even if one is sent', async () => {
      const administrator = await addUser('administrator', 'ada@council.example');
      const organisationId = await addOrganisation();
      const invite = await createInvite(db(), administrator, { role: 'officer', organisationId }, { origin: ORIGIN, locale: 'en-GB', now: T0 });
      if (!invite.ok) throw new Error(invite.error);
      expect(await findInvite(db(), tokenOf(invite.link), T0)).toEqual({ role: 'officer', organisationName: null, expiresAt: later(INVITE_TTL_MS) });
      const accepted = await acceptInvite(db(), tokenOf(invite.link), { displayName: 'Olu', email: 'olu@council.example', password: PASSWORD }, T0);
      expect(accepted).toMatchObject({ ok: true, role: 'officer' });
      const [user] = await db().select().from(staffUsers).where(eq(staffUsers.email, 'olu@council.example'));
      expect(user?.organisationId).toBeNull();
    });

    it('creates the teacher once; the link then stops working', async () => {
      const officer = await addUser('officer', 'olu@council.example');
      const organisationId = await addOrganisation();
      const invite = await createInvite(db(), officer, { role: 'teacher', organisationId }, { origin: ORIGIN, locale: 'en-GB', now: T0 });
      if (!invite.ok) throw new Error(invite.error);
      const token = tokenOf(invite.link);
      expect(await everythingStored()).not.toContain(token);
      expect(await findInvite(db(), token, T0)).toEqual({ role: 'teacher', organisationName: 'Riverside College', expiresAt: later(INVITE_TTL_MS) });

      const accepted = await acceptInvite(db(), token, { displayName: 'Tia', email: 'tia@riverside.example', password: PASSWORD }, later(MINUTE));
      expect(accepted).toMatchObject({ ok: true, role: 'teacher' });
      const [teacher] = await db().select().from(staffUsers).where(eq(staffUsers.email, 'tia@riverside.example'));
      expect(teacher).toMatchObject({ displayName: 'Tia', role: 'teacher', organisationId });

      expect(await acceptInvite(db(), token, { displayName: 'Eve', email: 'eve@example.com', password: PASSWORD }, later(2 * MINUTE))).toEqual({
        ok: false,
        error: 'link_invalid',
      });
      expect(await findInvite(db(), token, later(2 * MINUTE))).toBeNull();
      expect(await countUsers()).toBe(2);
    });

    it('expires after 7 days, creating nothing', async () => {
      const officer = await addUser('officer', 'olu@council.example');
      const organisationId = await addOrganisation();
      const invite = await createInvite(db(), officer, { role: 'teacher', organisationId }, { origin: ORIGIN, locale: 'en-GB', now: T0 });
      if (!invite.ok) throw new Error(invite.error);
      const token = tokenOf(invite.link);
      expect(await findInvite(db(), token, later(INVITE_TTL_MS - 1))).not.toBeNull();
      expect(await findInvite(db(), token, later(INVITE_TTL_MS))).toBeNull();
      expect(await acceptInvite(db(), token, { displayName: 'Tia', email: 'tia@riverside.example', password: PASSWORD }, later(INVITE_TTL_MS))).toEqual({
        ok: false,
        error: 'link_invalid',
      });
      expect(await countUsers()).toBe(1);
    });

    it('stores one account when the same link is accepted twice at once', async () => {
      const officer = await addUser('officer', 'olu@council.example');
      const organisationId = await addOrganisation();
      const invite = await createInvite(db(), officer, { role: 'teacher', organisationId }, { origin: ORIGIN, locale: 'en-GB', now: T0 });
      if (!invite.ok) throw new Error(invite.error);
      const token = tokenOf(invite.link);
      const results = await Promise.all(
        ['one', 'two', 'three'].map((who) => acceptInvite(db(), token, { displayName: who, email: `${who}@riverside.example`, password: PASSWORD }, T0)),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([
        { ok: false, error: 'link_invalid' },
        { ok: false, error: 'link_invalid' },
      ]);
      const teachers = await db().select({ n: count() }).from(staffUsers).where(eq(staffUsers.role, 'teacher'));
      expect(teachers[0]?.n).toBe(1);
    });

    it('refuses an e-mail address that has an account and leaves the link usable', async () => {
      const officer = await addUser('officer', 'olu@council.example');
      const organisationId = await addOrganisation();
      const invite = await createInvite(db(), officer, { role: 'teacher', organisationId }, { origin: ORIGIN, locale: 'en-GB', now: T0 });
      if (!invite.ok) throw new Error(invite.error);
      const token = tokenOf(invite.link);
      expect(await acceptInvite(db(), token, { displayName: 'Olu again', email: 'olu@council.example', password: PASSWORD }, T0)).toEqual({
        ok: false,
        error: 'email_taken',
      });
      expect(await countUsers()).toBe(1);
      expect(await findInvite(db(), token, T0)).not.toBeNull();
      expect((await acceptInvite(db(), token, { displayName: 'Tia', email: 'tia@riverside.example', password: PASSWORD }, T0)).ok).toBe(true);
    });

    it('lists pending invites: all for administrators, teacher invites only for officers', async () => {
      const administrator = await addUser('administrator', 'ada@council.example');
      const officer = await addUser('officer', 'olu@council.example');
      const organisationId = await addOrganisation();
      const options = (minutes: number) => ({ origin: ORIGIN, locale: 'en-GB' as const, now: later(minutes * MINUTE) });
      await createInvite(db(), administrator, { role: 'officer' }, options(0));
      const teacherInvite = await createInvite(db(), officer, { role: 'teacher', organisationId }, options(1));
      await createInvite(db(), administrator, { role: 'teacher', organisationId }, options(2));
      if (!teacherInvite.ok) throw new Error(teacherInvite.error);
      await acceptInvite(db(), tokenOf(teacherInvite.link), { displayName: 'Tia', email: 'tia@riverside.example', password: PASSWORD }, later(3 * MINUTE));

      const forAdministrator = await listPendingInvites(db(), administrator, later(4 * MINUTE));
      expect(forAdministrator.map((i) => [i.role, i.organisationName, i.invitedBy])).toEqual([
        ['officer', null, 'administrator ada@council.example'],
        ['teacher', 'Riverside College', 'administrator ada@council.example'],
      ]);
      const forOfficer = await listPendingInvites(db(), officer, later(4 * MINUTE));
      expect(forOfficer.map((i) => [i.role, i.expiresAt])).toEqual([['teacher', later(2 * MINUTE + INVITE_TTL_MS)]]);
      expect(await listPendingInvites(db(), { id: 'x', role: 'teacher', organisationId }, later(4 * MINUTE))).toEqual([]);
    });
  });

  describe('passwords', () => {
    it('are never stored in clear, whichever way an account is made', async () => {
      const setupToken = tokenOf((await ensureSetupLink(db(), ORIGIN, T0)) ?? '');
      await completeSetup(db(), setupToken, admin, T0);
      const [administrator] = await db().select().from(staffUsers);
      if (administrator === undefined) throw new Error('no administrator');
      const organisationId = await addOrganisation();
      const invite = await createInvite(db(), administrator, { role: 'teacher', organisationId }, { origin: ORIGIN, locale: 'en-GB', now: T0 });
      if (!invite.ok) throw new Error(invite.error);
      const teacherPassword = 'zażółć gęślą jaźń 2026';
      await acceptInvite(db(), tokenOf(invite.link), { displayName: 'Tia', email: 'tia@riverside.example', password: teacherPassword }, T0);

      const stored = await everythingStored();
      expect(stored).not.toContain(PASSWORD);
      expect(stored).not.toContain(teacherPassword);
      const hashes = await db().select({ hash: staffUsers.passwordHash }).from(staffUsers);
      expect(hashes.map((h) => h.hash.split('$').slice(0, 2).join('$'))).toEqual(['scrypt$N=32768,r=8,p=1', 'scrypt$N=32768,r=8,p=1']);
    });
  });

  describe('organisations and people', () => {
    it('adds organisations with unique names, whatever the case, and lists them by name', async () => {
      await addOrganisation('Riverside College');
      expect(await createOrganisation(db(), { name: 'riverside college', kind: 'school', area: 'Bath' })).toEqual({ ok: false, error: 'name_taken' });
      await addOrganisation('Avon Academy');
      expect((await listOrganisations(db())).map((o) => [o.name, o.kind, o.area])).toEqual([
        ['Avon Academy', 'college', 'North Somerset'],
        ['Riverside College', 'college', 'North Somerset'],
      ]);
    });

    it('lists people with their role and organisation, never a password hash', async () => {
      const organisationId = await addOrganisation();
      await addUser('teacher', 'tia@riverside.example', organisationId);
      await addUser('administrator', 'ada@council.example');
      const people = await listPeople(db());
      expect(people.map(({ id: _id, ...person }) => person)).toEqual([
        { displayName: 'administrator ada@council.example', email: 'ada@council.example', role: 'administrator', organisationName: null },
        { displayName: 'teacher tia@riverside.example', email: 'tia@riverside.example', role: 'teacher', organisationName: 'Riverside College' },
      ]);
      expect(JSON.stringify(people)).not.toContain('scrypt');
    });
  });
});
