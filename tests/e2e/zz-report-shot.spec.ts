// Temporary: screenshots of a 30-student report for the closing note. Not committed.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createSession, exact, newTeacher, teachMessages } from './support/class-session';
import { structure } from './support/content';
import { expect, expectNoAxeViolations, test } from './support/fixtures';

test('report screenshot', async ({ browser }) => {
  test.setTimeout(300_000);
  const teacher = await newTeacher(browser, 'Report Shot College');
  const { page } = teacher;
  await page.setViewportSize({ width: 1366, height: 768 });
  const session = await createSession(page, { mode: 'live', beforeAfter: false });
  type Choice = Extract<(typeof structure.items)[number], { kind: 'single' | 'truefalse' }>;
  const items = structure.items.filter((i): i is Choice => i.phases.includes('main') && (i.kind === 'single' || i.kind === 'truefalse'));
  const rightRate = [0.3, 0.85, 0.45, 0.7, 0.9, 0.25, 0.6, 0.8, 0.5, 0.75];
  for (let s = 0; s < 30; s += 1) {
    const participantId = randomUUID();
    const joined = await page.request.post(`/api/v1/class-sessions/${session.joinCode}/participants`, { data: { participantId, locale: 'en-GB' } });
    expect(joined.status()).toBe(201);
    const { contentVersion } = (await (await page.request.get(`/api/v1/participants/${participantId}/progress`)).json()) as { contentVersion: string };
    const answers = items.map((item, n) => {
      const right = item.options.find((o) => o.correct);
      const wrongs = item.options.filter((o) => !o.correct);
      const isRight = (s * 7 + n * 3) % 20 < (rightRate[n % rightRate.length] ?? 0.5) * 20;
      const chosen = isRight ? right : wrongs[(s + n) % wrongs.length];
      return {
        id: randomUUID(),
        itemId: item.id,
        phase: 'main',
        response: { kind: 'choice', optionIds: [chosen?.id] },
        ...(item.askConfidence ? { confidence: isRight ? 2 : s % 2 === 0 ? 3 : 1 } : {}),
        contentVersion,
        answeredAt: new Date().toISOString(),
      };
    });
    const stored = await page.request.post('/api/v1/answers', { data: { participantId, answers } });
    expect(stored.status()).toBe(200);
  }
  await page.goto(`/en-GB/teach/sessions/${session.id}`);
  await page.getByRole('button', exact(teachMessages.live.end)).click();
  await page.getByRole('button', exact(teachMessages.live.endConfirm)).click();
  await page.waitForTimeout(62_000);
  await page.goto(`/en-GB/teach/sessions/${session.id}/report`);
  await expect(page.getByRole('heading', { level: 2, name: 'What to revisit next lesson' })).toBeVisible();
  await expectNoAxeViolations(page, 'class report');
  await page.screenshot({ path: '/tmp/shots-lifecycle/report-1366-top.png' });
  await page.screenshot({ path: '/tmp/shots-lifecycle/report-1366-full.png', fullPage: true });
  await page.goto(`/en-GB/teach/sessions/${session.id}`);
  await page.screenshot({ path: '/tmp/shots-lifecycle/session-page-1366.png' });
  await page.goto('/en-GB/teach');
  await page.screenshot({ path: '/tmp/shots-lifecycle/session-list-1366.png' });
  const csv = await (await page.request.get(`/en-GB/teach/sessions/${session.id}/report/csv`)).text();
  writeFileSync('/tmp/shots-lifecycle/report-30.csv', csv);
});
