/**
 * Officers' results against both engines: stored summaries kept fresh (and frozen ones left
 * alone), the filters choosing sessions, a follow-up paired through the devices' hashes, and
 * every figure that comes out passing the disclosure audit.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getModule } from '@/lib/content/load';
import type { ModuleStructure } from '@/lib/content/schema';
import type { Database } from '@/lib/db/client';
import { answers, classSessions, organisations, participants, sessionSummaries } from '@/lib/db/schema';
import { MAX_NOISE } from '@/lib/domain/cell-key';
import { disclosurePolicies, type DisclosedFigure } from '@/lib/domain/disclosure';
import { selectSessions } from '@/lib/domain/results-selection';
import { listResultsSessions, loadOfficerResults } from '@/lib/server/officer-results';
import { readSessionSummaries, refreshSessionSummaries } from '@/lib/server/session-summaries';
import { checkWidths, type PublishedRange } from '../support/disclosure-attacker';
import { allowedFilters, attackModel, publishedRanges, targets, TIME_ZONE, trueAtoms, type County } from '../support/officer-figures';
import { auditOfficerResults, auditPositionQuality } from '../support/disclosure-audit';
import { seededRandom, syntheticClass, syntheticFollowUp } from '../support/synthetic-class';
import { setUpTestDatabase, testEngines } from './db-engines';

let structure: ModuleStructure;
beforeAll(async () => {
  structure = (await getModule()).structure;
});

const policy = disclosurePolicies().export;

describe.each(testEngines)('officer results on $name', (engine) => {
  const db = setUpTestDatabase(engine);

  async function organisation(area: string, demo = false) {
    const [row] = await db()
      .insert(organisations)
      .values({ name: `School ${randomUUID()}`, kind: 'school', area, demo })
      .returning();
    if (!row) throw new Error('seed failed');
    return row;
  }

  /** A closed session with a synthetic class; a follow-up's students share the first ones' hashes. */
  async function sessionWithClass(
    organisationId: string,
    createdAt: Date,
    size: number,
    seed: number,
    followUpOf?: { id: string; participantIds: string[] },
    moduleId = 'roads-kill',
  ) {
    const [session] = await db()
      .insert(classSessions)
      .values({
        joinCode: randomUUID().slice(0, 6).toUpperCase(),
        moduleId,
        contentVersion: 'abcdefabcdef',
        organisationId,
        mode: 'live',
        beforeAfter: followUpOf === undefined,
        status: 'closed',
        createdAt,
        closedAt: createdAt,
        followUpOf: followUpOf?.id ?? null,
      })
      .returning();
    if (!session) throw new Error('seed failed');
    const random = seededRandom(seed);
    const ids = followUpOf ? followUpOf.participantIds.filter(() => random() < 0.7) : Array.from({ length: size }, () => randomUUID());
    const rows = followUpOf ? [] : syntheticClass(structure, random, ids.length).answers;
    const participantIds = followUpOf ? ids.map(() => randomUUID()) : ids;
    await db()
      .insert(participants)
      .values(participantIds.map((id, i) => ({ id, locale: 'en-GB' as const, classSessionId: session.id, pairingHash: `hash-${ids[i]}` })));
    const synthetic = followUpOf
      ? syntheticFollowUp(structure, random, participantIds)
      : rows.map((row) => ({ ...row, participantId: participantIds[Number(row.participantId.slice(1)) - 1] as string }));
    if (synthetic.length > 0) {
      await insertAnswers(db(), synthetic.map((a) => ({ ...a, answeredAt: createdAt, receivedAt: createdAt })));
    }
    return { session, participantIds };
  }

  it('reads one module at a time, roads-kill unless the filters name another: modules are never mixed', async () => {
    const school = await organisation('Modules');
    const when = new Date('2026-02-02T10:00:00Z');
    await sessionWithClass(school.id, when, 12, 11);
    await sessionWithClass(school.id, when, 14, 12);
    await sessionWithClass(school.id, when, 16, 13, undefined, 'sample-short');
    const options = { policy, structure, timeZone: 'Europe/London' };
    const roadsKill = await loadOfficerResults(db(), { area: 'Modules' }, options);
    expect(roadsKill.moduleId).toBe('roads-kill');
    expect(roadsKill.results.headline.sessions).toBe(2);
    const other = await loadOfficerResults(db(), { area: 'Modules', module: 'sample-short' }, options);
    expect(other.moduleId).toBe('sample-short');
    expect(other.results.headline.sessions).toBe(1);
    expect(roadsKill.options.modules).toEqual(expect.arrayContaining(['roads-kill', 'sample-short']));
  });

  it('keeps each session’s summary fresh, rebuilding only what changed, never a frozen one', async () => {
    const school = await organisation('North');
    const { session, participantIds } = await sessionWithClass(school.id, new Date('2026-02-02T10:00:00Z'), 12, 1);
    const ids = [session.id];
    expect(await refreshSessionSummaries(db(), { sessionIds: ids, structure })).toEqual({ refreshed: 1 });
    expect(await refreshSessionSummaries(db(), { sessionIds: ids, structure })).toEqual({ refreshed: 0 });

    // A late answer makes it stale.
    const late = participantIds[0] as string;
    await insertAnswers(db(), [
      { participantId: late, itemId: 'int-own-seat', phase: 'followup', response: { kind: 'scale', value: 4 }, correct: null, confidence: null, answeredAt: new Date(), receivedAt: new Date() },
    ]);
    expect(await refreshSessionSummaries(db(), { sessionIds: ids, structure })).toEqual({ refreshed: 1 });

    // Frozen by the retention job: a new participant does not rebuild it.
    await db().update(sessionSummaries).set({ frozenAt: new Date() }).where(eq(sessionSummaries.classSessionId, session.id));
    await db().insert(participants).values({ id: randomUUID(), locale: 'en-GB', classSessionId: session.id });
    expect(await refreshSessionSummaries(db(), { sessionIds: ids, structure })).toEqual({ refreshed: 0 });
  });

  it('gives a summary from before position counts (format 2) its counts by rebuilding it; a frozen one is still read, without them', async () => {
    const school = await organisation('North');
    const stale = await sessionWithClass(school.id, new Date('2026-02-02T10:00:00Z'), 20, 5);
    const frozen = await sessionWithClass(school.id, new Date('2026-02-03T10:00:00Z'), 20, 6);
    const ids = [stale.session.id, frozen.session.id];
    expect(await refreshSessionSummaries(db(), { sessionIds: ids, structure })).toEqual({ refreshed: 2 });
    // Both as a format-2 summary was stored: the same summary without `positions`.
    const current = await readSessionSummaries(db(), ids);
    for (const id of ids) {
      const { positions, ...old } = current.get(id) ?? (() => { throw new Error('no summary'); })();
      expect(Object.keys(positions).length).toBeGreaterThan(0);
      await db().update(sessionSummaries).set({ format: 2, summary: { ...old, format: 2 } }).where(eq(sessionSummaries.classSessionId, id));
    }
    await db().update(sessionSummaries).set({ frozenAt: new Date() }).where(eq(sessionSummaries.classSessionId, frozen.session.id));

    // Officers' pages refresh before they read: the unfrozen one is rebuilt with its position counts.
    expect(await refreshSessionSummaries(db(), { sessionIds: ids, structure })).toEqual({ refreshed: 1 });
    const [row] = await db().select().from(sessionSummaries).where(eq(sessionSummaries.classSessionId, stale.session.id));
    expect(row?.format).toBe(3);
    const read = await readSessionSummaries(db(), ids);
    expect(read.get(stale.session.id)?.positions).toEqual(current.get(stale.session.id)?.positions);
    // The frozen one is never rebuilt, but still counts in every other figure.
    expect(read.get(frozen.session.id)?.positions).toEqual({});
    expect(read.get(frozen.session.id)?.headline).toEqual(current.get(frozen.session.id)?.headline);
  });

  it('chooses sessions by the filters, brings follow-ups with their first sessions, and shows only disclosed figures', async () => {
    const area = `Area ${randomUUID()}`;
    const north = await organisation(area);
    const south = await organisation(area, true);
    const autumn = new Date('2025-10-06T09:00:00Z');
    const spring = new Date('2026-02-02T09:00:00Z');
    const first = await sessionWithClass(north.id, autumn, 28, 11);
    await sessionWithClass(north.id, spring, 25, 12);
    await sessionWithClass(south.id, spring, 6, 13);
    const followUp = await sessionWithClass(north.id, new Date('2025-11-17T09:00:00Z'), 0, 14, {
      id: first.session.id,
      participantIds: first.participantIds,
    });

    const all = await loadOfficerResults(db(), { area }, { policy, structure, timeZone: 'Europe/London' });
    expect(all.results.headline).toMatchObject({ sessions: 3, organisations: 2, followUpSessions: 1 });
    // 59 students: each session's three head-count atoms carry noise of at most 2, then rounding to 5.
    expectNear(all.results.headline.students, 59, 3 * 3 * MAX_NOISE);
    expect(all.results.demo).toBe(true);
    expect(all.results.trends.map((t) => t.termId)).toEqual(['2025-autumn', '2025-spring']);
    expect(auditOfficerResults(all.results, policy)).toEqual([]);
    // The follow-up's devices paired with their first visit, through the hash alone.
    expectNear(all.results.followUp?.students, followUp.participantIds.length, 2 * MAX_NOISE);

    // Every device paired: the unpaired group is 0, hidden with the small ones, so "paired"
    // (students less that hidden 0) is withheld rather than shown beside it.
    expect(all.results.followUp?.paired).toEqual({ kind: 'withheld' });

    const autumnOnly = await loadOfficerResults(db(), { area, term: '2025-autumn' }, { policy, structure, timeZone: 'Europe/London' });
    expect(autumnOnly.results.headline).toMatchObject({ sessions: 1, organisations: 1, followUpSessions: 1 });
    expect(autumnOnly.results.demo).toBe(false);

    // One school with one class of 6: every count about them is "fewer than 10".
    const small = await loadOfficerResults(db(), { organisation: south.id }, { policy, structure, timeZone: 'Europe/London' });
    expect(small.results.headline.students).toEqual({ kind: 'fewer-than', k: 10 });
    expect(small.results.followUp).toBeNull();
    expect(auditOfficerResults(small.results, policy)).toEqual([]);

    // No class sessions: no exact zero either.
    const nothing = await loadOfficerResults(db(), { area, year: '2030' }, { policy, structure, timeZone: 'Europe/London' });
    expect(nothing.results.headline).toMatchObject({ sessions: 0, students: { kind: 'fewer-than', k: 10 } });

    // Question quality per content version, from the same summaries.
    expect(all.quality.length).toBeGreaterThan(0);
    expect(new Set(all.quality.map((q) => q.contentVersion))).toEqual(new Set(['abcdefabcdef']));
    // And the position check, from the orders the answers recorded, disclosed like the rest.
    expect(all.positions.map((q) => q.itemId)).toContain('m-world-killer');
    expect(all.positions.find((q) => q.itemId === 'm-world-killer')?.positions).toBe(4);
    expect(auditPositionQuality(all.positions, policy)).toEqual([]);
    expect(auditPositionQuality(small.positions, policy)).toEqual([]);
    expect(small.positions.every((q) => q.verdict.kind === 'not-enough')).toBe(true);

    const stored = await db()
      .select({ id: sessionSummaries.classSessionId })
      .from(sessionSummaries)
      .where(inArray(sessionSummaries.classSessionId, [first.session.id, followUp.session.id]));
    expect(stored).toHaveLength(2);
  });

  it('holds against the attacker on what this store serves: every allowed selection, solved for small groups', async () => {
    const area = `Area ${randomUUID()}`;
    const north = await organisation(area);
    const south = await organisation(`${area} South`);
    await sessionWithClass(north.id, new Date('2025-10-06T09:00:00Z'), 7, 21);
    await sessionWithClass(north.id, new Date('2025-10-07T09:00:00Z'), 9, 22);
    await sessionWithClass(north.id, new Date('2026-02-02T09:00:00Z'), 6, 23);
    await sessionWithClass(south.id, new Date('2026-02-03T09:00:00Z'), 8, 24);
    const sessions = await listResultsSessions(db());
    await refreshSessionSummaries(db(), { structure });
    const county: County = { structure, sessions, summaries: await readSessionSummaries(db(), sessions.map((s) => s.id)), stories: 1 };

    const ranges: PublishedRange[] = [];
    for (const filters of allowedFilters(county)) {
      const { results } = await loadOfficerResults(db(), filters, { policy, structure, timeZone: TIME_ZONE });
      expect(auditOfficerResults(results, policy)).toEqual([]);
      ranges.push(...publishedRanges(county, results, selectSessions(sessions, filters, TIME_ZONE).sessions, policy.k, false));
    }
    const counts = trueAtoms(county);
    const published = trueAtoms(county, true);
    const noise = new Map([...counts].map(([a, n]) => [a, (published.get(a) ?? 0) - n]));
    const small = targets(county, counts, policy.k);
    expect(small.length).toBeGreaterThan(20);
    const checks = await checkWidths(ranges, small, attackModel(county, MAX_NOISE), { counts, noise });
    expect(checks.filter((c) => !c.atLeastThree)).toEqual([]);
  }, 180_000);
});

/** A disclosed count within `noise` (plus rounding to 5) of the exact one; "fewer than 10" only if it could be. */
function expectNear(figure: DisclosedFigure | undefined, exact: number, noise: number): void {
  if (figure?.kind === 'count') {
    expect(figure.value % 5).toBe(0);
    expect(Math.abs(figure.value - exact)).toBeLessThanOrEqual(noise + 2);
  } else {
    expect(figure).toEqual({ kind: 'fewer-than', k: 10 });
    expect(exact - noise).toBeLessThan(10);
  }
}

type AnswerInsert = Omit<typeof answers.$inferInsert, 'id' | 'contentVersion'>;

async function insertAnswers(db: Database, rows: readonly AnswerInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(answers).values(rows.slice(i, i + 500).map((row) => ({ ...row, id: randomUUID(), contentVersion: 'abcdefabcdef' })));
  }
}
