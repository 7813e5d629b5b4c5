import { count, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getModule } from '@/lib/content/load';
import { answers, classSessions, organisations, sessionSummaries } from '@/lib/db/schema';
import { loadDemoData } from '@/lib/server/demo-data';
import { countAnswers, countParticipants, setUpTestDatabase, testEngines } from './db-engines';

const NOW = new Date('2026-11-27T10:00:00Z');

describe.each(testEngines)('demo data on $name', (engine) => {
  const db = setUpTestDatabase(engine);

  it('loads the demo data set once, with a summary for every session, however often it is asked to', async () => {
    const log = vi.spyOn(console, 'info').mockImplementation(() => {});
    const started = performance.now();
    const first = await loadDemoData(db(), { now: NOW });
    const seconds = (performance.now() - started) / 1000;
    // The figure the README quotes: how long `--demo` adds to the first start.
    process.stdout.write(`[demo] loading took ${seconds.toFixed(1)} s on ${engine.name}\n`);
    if (!first.loaded) throw new Error('the demo data was not loaded');

    const [organisationCount] = await db().select({ n: count() }).from(organisations).where(eq(organisations.demo, true));
    const [sessionCount] = await db().select({ n: count() }).from(classSessions);
    const [summaryCount] = await db().select({ n: count() }).from(sessionSummaries);
    expect(organisationCount?.n).toBe(7);
    expect(sessionCount?.n).toBe(first.sessions);
    expect(summaryCount?.n).toBe(first.sessions);
    expect(await countAnswers(db())).toBe(first.answers);
    const participantCount = await countParticipants(db());
    const [closed] = await db().select({ n: count() }).from(classSessions).where(eq(classSessions.status, 'closed'));
    expect(closed?.n).toBe(first.sessions);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^\[demo\] loaded synthetic demo data: 7 organisations, \d+ sessions, \d+ students/));

    // The answers carry the app's own content version, so reports count them.
    const [version] = await db().selectDistinct({ v: answers.contentVersion }).from(answers);
    expect(version?.v).toBe((await getModule()).version);

    expect(await loadDemoData(db(), { now: new Date(NOW.getTime() + 86_400_000) })).toEqual({ loaded: false });
    expect(await countAnswers(db())).toBe(first.answers);
    expect(await countParticipants(db())).toBe(participantCount);
    const [sessionsAfter] = await db().select({ n: count() }).from(classSessions);
    expect(sessionsAfter?.n).toBe(first.sessions);
    expect(log).toHaveBeenCalledWith('[demo] demo data already loaded; left as it is');
    log.mockRestore();
  });
});
