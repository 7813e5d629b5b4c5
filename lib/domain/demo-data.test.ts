import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerSchema } from '@/lib/api/schemas';
import { loadModuleFrom, type LoadedModule } from '@/lib/content/load';
import { DEMO_NAME_PREFIX, generateDemoData, recentTeachingWindows, type DemoDataSet } from './demo-data';
import { countPositions, testPositionEffect } from './position-effect';
import { checkResponse, checkShownOrder, resolveAnswerTarget, scoreResponse } from './scoring';

// The real module: the demo data must fit the content officers edit, not a test module.
let module: LoadedModule;
let set: DemoDataSet;
const NOW = new Date('2026-11-27T10:00:00Z');
const DAY_MS = 86_400_000;

beforeAll(async () => {
  module = await loadModuleFrom(path.join(process.cwd(), 'content', 'modules', 'roads-kill'));
  set = generateDemoData({ structure: module.structure, contentVersion: module.version, now: NOW });
});

const share = (part: number, whole: number) => part / whole;

function correctShare(phase: string, itemId: string): number {
  const given = set.answers.filter((a) => a.phase === phase && a.itemId === itemId);
  return share(given.filter((a) => a.correct === true).length, given.length);
}

describe('generateDemoData', () => {
  it('gives the same rows for the same seed and now, and other rows for another seed', () => {
    const again = generateDemoData({ structure: module.structure, contentVersion: module.version, now: NOW });
    expect(JSON.stringify(again)).toBe(JSON.stringify(set));
    const other = generateDemoData({ structure: module.structure, contentVersion: module.version, now: NOW, seed: 7 });
    expect(other.participants[0]?.id).not.toBe(set.participants[0]?.id);
  });

  it('stores only answers the API would take, scored as the server scores them', () => {
    const sessionOf = new Map(set.participants.map((p) => [p.id, set.classSessions.find((s) => s.id === p.classSessionId)]));
    const keys = new Set<string>();
    // Problems collected, not asserted one by one: forty thousand answers.
    const problems: string[] = [];
    for (const answer of set.answers) {
      const parsed = answerSchema.safeParse({
        id: answer.id,
        itemId: answer.itemId,
        phase: answer.phase,
        response: answer.response,
        confidence: answer.confidence ?? undefined,
        contentVersion: answer.contentVersion,
        answeredAt: answer.answeredAt.toISOString(),
      });
      if (!parsed.success) problems.push(`${answer.itemId}: ${parsed.error.message}`);
      const target = resolveAnswerTarget(module.structure, answer.itemId);
      const check = checkResponse(target, answer.response, answer.phase);
      if (!check.ok) problems.push(`${answer.itemId}: ${check.problem}`);
      const order = target === null ? check : checkShownOrder(target, answer.shownOrder ?? undefined);
      if (!order.ok) problems.push(`${answer.itemId}: ${order.problem}`);
      if (target === null || answer.correct !== scoreResponse(target, answer.response)) problems.push(`${answer.itemId}: scored wrongly`);
      // One answer per question and phase per participant, as the database's unique key demands.
      const key = `${answer.participantId}:${answer.phase}:${answer.itemId}`;
      if (keys.has(key)) problems.push(`${key}: twice`);
      keys.add(key);
      // In time for its session, and received after it was given, before now.
      const session = sessionOf.get(answer.participantId);
      const closing = session?.closesAt ?? session?.closedAt ?? NOW;
      if (answer.answeredAt > closing) problems.push(`${answer.itemId}: after the session closed`);
      if (answer.receivedAt < answer.answeredAt || answer.receivedAt >= NOW) problems.push(`${answer.itemId}: received at a wrong time`);
    }
    expect(problems).toEqual([]);
    expect(new Set(set.answers.map((a) => a.id)).size).toBe(set.answers.length);
  });

  it('makes seven clearly labelled demo schools and colleges in three areas, with 600 to 900 students', () => {
    expect(set.organisations).toHaveLength(7);
    expect(set.organisations.every((o) => o.name.startsWith(DEMO_NAME_PREFIX))).toBe(true);
    expect(new Set(set.organisations.map((o) => o.area)).size).toBe(3);
    expect(new Set(set.organisations.map((o) => o.kind))).toEqual(new Set(['school', 'college']));
    expect(set.students).toBeGreaterThanOrEqual(600);
    expect(set.students).toBeLessThanOrEqual(900);
  });

  it('spreads live and self-paced sessions of 8 to 32 over the last four terms, some under 10', () => {
    const sizes = set.classSessions.map((s) => set.participants.filter((p) => p.classSessionId === s.id).length);
    const firstVisitSizes = sizes.filter((_, i) => set.classSessions[i]?.followUpOf === null);
    expect(Math.min(...firstVisitSizes)).toBeGreaterThanOrEqual(8);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(32);
    expect(sizes.filter((n) => n < 10).length).toBeGreaterThanOrEqual(3);
    expect(new Set(set.classSessions.map((s) => s.mode))).toEqual(new Set(['live', 'self_paced']));
    const windows = recentTeachingWindows(NOW, 4);
    const oldest = windows.at(-1)?.start ?? NOW;
    for (const session of set.classSessions) {
      expect(session.createdAt.getTime()).toBeGreaterThanOrEqual(oldest.getTime());
      expect(session.closedAt.getTime()).toBeLessThan(NOW.getTime());
      expect([1, 2, 3, 4, 5]).toContain(session.createdAt.getUTCDay());
    }
    // Every term has sessions in it.
    for (const window of windows) {
      expect(set.classSessions.some((s) => s.createdAt >= window.start && s.createdAt <= new Date(window.end.getTime() + DAY_MS))).toBe(true);
    }
  });

  it('follows up a third of the sessions 4 to 8 weeks later, with about 60% of the devices paired', () => {
    const firstVisits = set.classSessions.filter((s) => s.followUpOf === null);
    const followUps = set.classSessions.filter((s) => s.followUpOf !== null);
    expect(followUps.length).toBe(Math.round(firstVisits.length / 3));
    for (const followUp of followUps) {
      const first = firstVisits.find((s) => s.id === followUp.followUpOf);
      const weeks = (followUp.createdAt.getTime() - (first?.createdAt.getTime() ?? 0)) / (7 * DAY_MS);
      expect(weeks).toBeGreaterThanOrEqual(4);
      expect(weeks).toBeLessThan(8.5);
      expect(first?.organisationId).toBe(followUp.organisationId);
    }
    const followUpIds = new Set(followUps.map((s) => s.id));
    const firstHashes = new Set(set.participants.filter((p) => !followUpIds.has(p.classSessionId)).map((p) => p.pairingHash));
    const returning = set.participants.filter((p) => followUpIds.has(p.classSessionId));
    const paired = share(returning.filter((p) => firstHashes.has(p.pairingHash)).length, returning.length);
    expect(paired).toBeGreaterThan(0.5);
    expect(paired).toBeLessThan(0.7);
    expect(set.answers.some((a) => a.phase === 'followup')).toBe(true);
  });

  it('shows learning, less agreement with the unsafe belief, persistent misconceptions and confident errors', () => {
    // Knowledge: the same question before and after.
    expect(correctShare('after', 'a-lift-offer') - correctShare('before', 'b-lift-offer')).toBeGreaterThan(0.15);
    // A misconception that teaching barely shifts.
    expect(correctShare('after', 'a-first-year')).toBeLessThan(0.55);
    expect(correctShare('main', 'm-hands-free-distracts')).toBeLessThan(0.55);
    const wrongAndSure = set.answers.filter((a) => a.itemId === 'm-hands-free-distracts' && a.correct === false && a.confidence === 3);
    expect(wrongAndSure.length).toBeGreaterThan(50);

    const scale = (phase: string, itemId: string) =>
      set.answers.flatMap((a) => (a.phase === phase && a.itemId === itemId && a.response.kind === 'scale' ? [a.response.value] : []));
    const mean = (values: (number | null)[]) => {
      const given = values.filter((v): v is number => v !== null);
      return given.reduce((sum, v) => sum + v, 0) / given.length;
    };
    // Intentions rise; agreement with the reverse-keyed belief falls.
    expect(mean(scale('after', 'int-phone-away')) - mean(scale('before', 'int-phone-away'))).toBeGreaterThan(0.4);
    expect(mean(scale('before', 'att-feel-fine')) - mean(scale('after', 'att-feel-fine'))).toBeGreaterThan(0.3);
    // The demo follows the content: an item retired from the waves (decision note 014) is not answered.
    expect(scale('before', 'norm-phone-down')).toEqual([]);
    // Some prefer not to say.
    const attitudes = set.answers.filter((a) => a.response.kind === 'scale');
    const declined = share(attitudes.filter((a) => a.response.kind === 'scale' && a.response.value === null).length, attitudes.length);
    expect(declined).toBeGreaterThan(0.01);
    expect(declined).toBeLessThan(0.1);
  });

  it('loses about a quarter of the students between the before and after questions', () => {
    const before = new Set(set.answers.filter((a) => a.phase === 'before').map((a) => a.participantId));
    const after = new Set(set.answers.filter((a) => a.phase === 'after').map((a) => a.participantId));
    const lost = share([...before].filter((p) => !after.has(p)).length, before.size);
    expect(lost).toBeGreaterThan(0.12);
    expect(lost).toBeLessThan(0.35);
  });

  it('has riskier story choices in some schools than in others', () => {
    const risky = new Set(
      module.structure.scenarios.flatMap((s) =>
        s.nodes.flatMap((n) => (n.kind === 'decision' ? n.choices.filter((c) => c.risky).map((c) => `${s.id}/${n.id}:${c.id}`) : [])),
      ),
    );
    const organisationOf = new Map(set.participants.map((p) => [p.id, set.classSessions.find((s) => s.id === p.classSessionId)?.organisationId]));
    const riskyShare = set.organisations.map((o) => {
      const choices = set.answers.filter((a) => a.itemId.includes('/') && organisationOf.get(a.participantId) === o.id);
      const chosen = choices.filter((a) => a.response.kind === 'choice' && risky.has(`${a.itemId}:${a.response.optionIds[0]}`));
      return share(chosen.length, choices.length);
    });
    expect(Math.max(...riskyShare) - Math.min(...riskyShare)).toBeGreaterThan(0.1);
  });

  it('records the order each device showed, with a primacy effect among guessers for the position check to find', () => {
    const shuffled = set.answers.filter((a) => a.shownOrder !== null);
    // Every single and multiple choice question, story decision and choice guess; never true/false or ordering.
    const expected = [
      ...set.answers.filter((a) => a.response.kind === 'choice' && resolveAnswerTarget(module.structure, a.itemId)?.kind !== 'item').map((a) => a.itemId),
      ...module.structure.items.filter((i) => i.kind === 'single' || i.kind === 'multiple').map((i) => i.id),
    ];
    expect(new Set(shuffled.map((a) => a.itemId))).toEqual(new Set(expected));
    const verdicts = Object.entries(countPositions(module.structure, set.answers)).map(([key, counts]) => {
      const test = testPositionEffect(counts);
      return { key, matters: test.kind === 'tested' && test.p < 0.05, first: test.kind === 'tested' && test.favoured === 0 };
    });
    // Some single-choice questions lean to the first option shown; the stories' decisions don't.
    expect(verdicts.filter((v) => v.matters && v.first && !v.key.includes('/')).length).toBeGreaterThan(0);
    expect(verdicts.filter((v) => !v.matters).length).toBeGreaterThan(verdicts.length / 2);
  });
});
