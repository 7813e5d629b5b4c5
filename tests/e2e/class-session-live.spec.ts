import { buildJourney } from '@/lib/domain/journey';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { createSession, exact, joinAsApiPhone, joinAsStudent, liveCount, newTeacher, sessionMessages, teachMessages } from './support/class-session';
import { contentText, structure } from './support/content';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { completeStep, currentStep, messages } from './support/journey';
import { reportMessages, downloadReportCsv } from './support/report';
import { moveSessionClock } from './support/session-clock';
import { REPORT_SETTLE_MS } from '@/lib/domain/class-report-release';

const live = teachMessages.live;
const tally = teachMessages.tally;
const player = messages('en-GB');

/** The projector at a reveal on a 1920×1080 screen and the presenter on a 1366×768 laptop, for people to look at. */
async function screenshots(projector: Page, presenter: Page): Promise<void> {
  mkdirSync('test-results/live-screens', { recursive: true });
  const projectorSize = projector.viewportSize();
  const presenterSize = presenter.viewportSize();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.screenshot({ path: 'test-results/live-screens/projector-reveal-1920x1080.png' });
  await presenter.setViewportSize({ width: 1366, height: 768 });
  await presenter.locator('.live__reveal').scrollIntoViewIfNeeded();
  await presenter.screenshot({ path: 'test-results/live-screens/presenter-reveal-1366x768.png' });
  if (projectorSize) await projector.setViewportSize(projectorSize);
  if (presenterSize) await presenter.setViewportSize(presenterSize);
}

test('a live session: setup link to CSV, with three phones following the teacher', async ({ browser }) => {
  test.setTimeout(300_000);
  // Setup link → administrator → organisation → invite → the teacher signs in with the invite.
  const teacher = await newTeacher(browser, 'Riverside College');
  const session = await createSession(teacher.page, { mode: 'live', beforeAfter: false });
  await expect(teacher.page.getByRole('heading', { level: 1, name: `Session ${session.joinCode.slice(0, 3)} ${session.joinCode.slice(3)}` })).toBeVisible();
  await expectNoAxeViolations(teacher.page, 'teacher dashboard');

  const projector = await teacher.context.newPage();
  await projector.goto(`/en-GB/teach/sessions/${session.id}/projector`);
  await expect(projector.locator('[data-join-code]')).toHaveText(`${session.joinCode.slice(0, 3)} ${session.joinCode.slice(3)}`);
  await expect(projector.getByRole('img', { name: /QR code that opens http:\/\/127\.0\.0\.1:\d+\/session\// })).toBeVisible();
  await expectNoAxeViolations(projector, 'projector, before the start');

  // Three phones: one types the code on the home page, two follow the QR code's link.
  const ann = await joinAsStudent(browser, session.joinCode, 'form');
  const ben = await joinAsStudent(browser, session.joinCode, 'link');
  const cat = await joinAsStudent(browser, session.joinCode, 'link');
  const students = [ann, ben, cat];
  for (const phone of students) {
    await expect(phone.getByRole('heading', { level: 1, ...exact(sessionMessages.waiting.start.title) })).toBeVisible();
  }
  await expectNoAxeViolations(ann, 'student waiting to start');
  await expect(liveCount(projector, 'joined')).toHaveText('3');

  // The teacher starts: every phone shows the first step, then waits once it is done.
  await teacher.page.getByRole('button', exact(live.start)).click();
  for (const phone of students) {
    await expect(phone.getByRole('heading', { level: 1, ...exact(player.sectionIntro.facts.title) })).toBeVisible();
    await completeStep({ page: phone, locale: 'en-GB', mode: 'pointer' });
    await expect(phone.getByRole('heading', { level: 1, ...exact(sessionMessages.waiting.next.title) })).toBeVisible();
  }
  await expectNoAxeViolations(ben, 'student waiting for the next step');

  // Next: the first fact. The three phones guess "road crashes"; twelve more phones take part through
  // the API alone, so that the class is big enough to show anything.
  const fact = structure.facts[0];
  const factText = contentText.facts[fact?.id ?? 'F1'];
  const api = await Promise.all(Array.from({ length: 13 }, () => joinAsApiPhone(teacher.page.request, session.joinCode)));
  await expect(liveCount(teacher.page, 'joined')).toHaveText('16');
  await teacher.page.getByRole('button', exact(live.next)).click();
  await expect(projector.locator('[data-live-step]')).toHaveAttribute('data-live-step', '2');
  for (const phone of students) {
    await expect.poll(async () => (await currentStep(phone)).kind).toBe('fact');
    await phone.getByRole('radio', { name: factText?.options['road-crashes'] ?? '' }).check();
    await phone.getByRole('button', exact(player.fact.reveal)).click();
    await phone.getByRole('button', exact(player.fact.next)).click();
  }
  // How many answered is shown in steps of 5, never exactly.
  await expect(liveCount(teacher.page, 'answered-step')).toHaveText(tally.fewerThan.replace('{k}', '5'));
  // Revealed with 3 of 16 answered: nothing is counted yet, and the projector says how many it waits for.
  await teacher.page.getByRole('button', exact(live.revealAnswers)).click();
  await expect(teacher.page.getByText(tally.hidden.replace('{at}', '8').replace('{k}', '5'))).toBeVisible();
  await teacher.page.getByRole('button', exact(live.hideAnswers)).click();

  // Twelve more answer: 5 road crashes, 5 lung infections, 2 drowning. Road crashes 8, lung infections 5,
  // drowning 2, violence 0: "lung infections 5" beside the 15 counted would give the 2 away.
  const picks = [...Array<string>(5).fill('road-crashes'), ...Array<string>(5).fill('lung-infections'), 'drowning', 'drowning'];
  for (const [i, pick] of picks.entries()) await api[i]?.answer(fact?.id ?? 'F1', [pick]);
  // 15 of the 16 who joined: "15–16", never a number above those who joined.
  await expect(liveCount(teacher.page, 'answered-step')).toHaveText(tally.range.replace('{from}', '15').replace('{to}', '16'));
  await teacher.page.getByRole('button', exact(live.revealAnswers)).click();
  const table = teacher.page.locator('table.tally');
  await expect(table.locator('caption')).toContainText(tally.counted.replace('{count}', tally.range.replace('{from}', '15').replace('{to}', '19')));
  const figures = async () =>
    Object.fromEntries(await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [r.querySelector('th')?.textContent ?? '', r.querySelector('.tally__count')?.textContent ?? ''])));
  const row = (id: string) => table.locator('tbody tr').filter({ hasText: factText?.options[id] ?? id });
  await expect(row('road-crashes').locator('.tally__count')).toHaveText('8');
  await expect(row('lung-infections').locator('.tally__count')).toHaveText(tally.range.replace('{from}', '5').replace('{to}', '7'));
  await expect(row('drowning').locator('.tally__count')).toHaveText(tally.fewerThan.replace('{k}', '5'));
  await expect(row('violence').locator('.tally__count')).toHaveText(tally.fewerThan.replace('{k}', '5'));
  await expect(teacher.page.getByText(tally.why.replaceAll('{k}', '5'))).toBeVisible();
  // The projector shows the same release.
  await expect(projector.locator('tr[data-row="road-crashes"] .pbars__count')).toHaveText('8');
  await expectNoAxeViolations(projector, 'projector with the class answers');
  const shown = await figures();
  // No count from 1 to 4 anywhere on the screen.
  for (const value of Object.values(shown)) expect(/^[1-4]$/.test(value)).toBe(false);
  await screenshots(projector, teacher.page);

  // One more answer arrives: the figures stay as they were, and the laptop says why.
  await api[12]?.answer(fact?.id ?? 'F1', ['violence']);
  await expect(teacher.page.getByText(live.laterAnswers.replace('{k}', '5'))).toBeVisible();
  expect(await figures()).toEqual(shown);
  // Hiding and revealing again shows the same figures: a reveal never shows one more student.
  await teacher.page.getByRole('button', exact(live.hideAnswers)).click();
  await teacher.page.getByRole('button', exact(live.revealAnswers)).click();
  await expect(row('road-crashes').locator('.tally__count')).toHaveText('8');
  expect(await figures()).toEqual(shown);

  // The teacher jumps to the first story from the laptop; the phones follow.
  const steps = buildJourney(structure, { beforeAfter: false });
  const story = steps.findIndex((s) => s.kind === 'scenario');
  await teacher.page.getByRole('navigation', { name: live.stepsHeading }).locator('li').nth(story).getByRole('button').click();
  for (const phone of students) await expect.poll(async () => (await currentStep(phone)).kind).toBe('scenario');

  // After a decision, a phone shows what the class chose only once the teacher has shown it.
  await ann.getByRole('button', exact(player.scenario.begin)).click();
  // Through any scene before the first decision.
  const decision = ann.getByRole('group', { name: player.scenario.whatDoYouDo });
  while (!(await decision.isVisible())) await ann.getByRole('button', exact(player.scenario.continue)).click();
  await ann.getByRole('group', { name: player.scenario.whatDoYouDo }).getByRole('button').first().click();
  await expect(ann.getByRole('heading', { level: 2, ...exact(sessionMessages.classChoice.title) })).toBeVisible();
  await expect(ann.getByText(sessionMessages.classChoice.waitingForTeacher)).toBeVisible();
  for (const phone of students) await completeStep({ page: phone, locale: 'en-GB', mode: 'pointer' });
  // Three finished the story, of 16: nothing is counted yet.
  await teacher.page.getByRole('button', exact(live.revealAnswers)).click();
  await expect(teacher.page.getByText(tally.hidden.replace('{at}', '8').replace('{k}', '5')).first()).toBeVisible();
  const scenario = structure.scenarios.find((s) => s.id === (steps[story] as { scenarioId?: string }).scenarioId);
  const firstDecision = scenario?.nodes.find((n) => n.kind === 'decision');
  const choices = await teacher.page.request.get(`/api/v1/class-sessions/${session.joinCode}/choices?itemId=${scenario?.id ?? ''}/${firstDecision?.id ?? ''}`);
  expect(await choices.json()).toMatchObject({ shown: false, waiting: 'few', options: [] });

  // Hiding the join code takes it off the projector (the lobby's and the corner's).
  await teacher.page.getByRole('button', exact(live.hideCode)).click();
  await expect(projector.locator('[data-join-code], .pj__corner')).toHaveCount(0);

  // The teacher ends the session: every phone says so, and takes no more answers.
  await teacher.page.getByRole('button', exact(live.end)).click();
  await teacher.page.getByRole('button', exact(live.endConfirm)).click();
  for (const phone of students) {
    await expect(phone.getByRole('heading', { level: 1, ...exact(sessionMessages.ended.title) })).toBeVisible();
  }
  await expectNoAxeViolations(cat, 'student after the session ended');
  await expect(teacher.page.getByRole('heading', { level: 2, ...exact(live.closedHeading) })).toBeVisible();
  await expect(projector.getByText(teachMessages.projector.ended)).toBeVisible();

  // The report: held back for a minute after the end, saying why and when; no file yet. The page
  // runs on Playwright's clock, so the test can move it on past that minute below.
  await teacher.page.clock.install();
  await teacher.page.goto(`/en-GB/teach/sessions/${session.id}/report`);
  const spaced = `${session.joinCode.slice(0, 3)} ${session.joinCode.slice(3)}`;
  await expect(teacher.page.getByRole('heading', { level: 1 })).toHaveText(reportMessages.heading.replace('{code}', spaced));
  await expect(teacher.page.getByRole('heading', { level: 2, ...exact(reportMessages.release.heldHeading) })).toBeVisible();
  await expect(teacher.page.getByText(reportMessages.release.why)).toBeVisible();
  await expect(teacher.page.getByRole('link', exact(reportMessages.actions.downloadCsv))).toHaveCount(0);
  await expectNoAxeViolations(teacher.page, 'session report, held back');
  const early = await teacher.page.request.get(`/en-GB/teach/sessions/${session.id}/report/csv`);
  expect(early.status()).toBe(409);
  expect(await early.text()).toBe(reportMessages.release.csv);

  // Then it shows the class's figures, final, without a reload (the page refreshes itself at the time it gave).
  // Rather than wait that minute, the session's clock on the server and the page's clock move on past it
  // (support/session-clock.ts); every other session keeps the real time.
  moveSessionClock(session.id, REPORT_SETTLE_MS + 1_000);
  await teacher.page.clock.fastForward(REPORT_SETTLE_MS + 2_000);
  await expect(teacher.page.getByRole('heading', { level: 2, ...exact(reportMessages.headline.heading) })).toBeVisible();
  await expect(teacher.page.getByRole('heading', { level: 2, ...exact(reportMessages.release.heldHeading) })).toHaveCount(0);
  await expectNoAxeViolations(teacher.page, 'session report');
  // How many joined is known to the teacher (their list shows it), so the report shows it.
  await expect(teacher.page.getByRole('row', exact(`${reportMessages.headline.joined} 16`))).toBeVisible();
  const csv = await downloadReportCsv(teacher.page, session.joinCode);
  // Every count in an export is under the export rule: with 3 students, nothing is shown as a number below 10.
  expect(csv.rows.length).toBeGreaterThan(3);
  // (A line that counts withheld figures counts figures, not students.)
  for (const row of csv.rows.filter((r) => r[3] !== reportMessages.csv.measures.withheld)) {
    for (const cell of row) if (/^\d+$/.test(cell)) expect(Number(cell) === 0 || Number(cell) >= 10).toBe(true);
  }
  expect(csv.text).toContain(reportMessages.values.fewerThan.replace('{k}', '10'));
});
