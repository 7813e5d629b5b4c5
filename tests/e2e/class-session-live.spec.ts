import { buildJourney } from '@/lib/domain/journey';
import { createSession, exact, joinAsStudent, liveCount, newTeacher, sessionMessages, teachMessages } from './support/class-session';
import { structure } from './support/content';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { completeStep, currentStep, messages } from './support/journey';
import { reportMessages, downloadReportCsv } from './support/report';

const live = teachMessages.live;
const player = messages('en-GB');

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
  await projector.getByRole('button', exact(live.start)).click();
  for (const phone of students) {
    await expect(phone.getByRole('heading', { level: 1, ...exact(player.sectionIntro.facts.title) })).toBeVisible();
    await completeStep({ page: phone, locale: 'en-GB', mode: 'pointer' });
    await expect(phone.getByRole('heading', { level: 1, ...exact(sessionMessages.waiting.next.title) })).toBeVisible();
  }
  await expectNoAxeViolations(ben, 'student waiting for the next step');

  // Next: the first fact. All three guess; the projector counts them and reveals how the class guessed.
  await projector.getByRole('button', exact(live.next)).click();
  await expect(projector.locator('[data-live-step]')).toHaveAttribute('data-live-step', '2');
  for (const phone of students) {
    await expect.poll(async () => (await currentStep(phone)).kind).toBe('fact');
    await completeStep({ page: phone, locale: 'en-GB', mode: 'pointer' });
  }
  await expect(liveCount(projector, 'answered-step')).toHaveText('3');
  await projector.getByRole('button', exact(live.revealAnswers)).click();
  const tally = projector.locator('table.tally');
  await expect(tally.locator('caption')).toContainText('(3 answered)');
  // The driver picks the first option on every phone: knowledge items show exact counts, live.
  await expect(tally.locator('tbody tr').first().locator('.tally__count')).toHaveText('3');
  await expectNoAxeViolations(projector, 'projector with the class answers');

  // The teacher jumps to the first story from the laptop; the phones follow.
  const steps = buildJourney(structure, { beforeAfter: false });
  const story = steps.findIndex((s) => s.kind === 'scenario');
  await teacher.page.getByLabel(live.jumpLabel).selectOption(String(story));
  await teacher.page.getByRole('button', exact(live.jump)).click();
  for (const phone of students) await expect.poll(async () => (await currentStep(phone)).kind).toBe('scenario');

  // After a decision, a phone shows what the class chose, but only once 5 have answered: 3 is too few.
  await ann.getByRole('button', exact(player.scenario.begin)).click();
  // Through any scene before the first decision.
  const decision = ann.getByRole('group', { name: player.scenario.whatDoYouDo });
  while (!(await decision.isVisible())) await ann.getByRole('button', exact(player.scenario.continue)).click();
  await ann.getByRole('group', { name: player.scenario.whatDoYouDo }).getByRole('button').first().click();
  await expect(ann.getByRole('heading', { level: 2, ...exact(sessionMessages.classChoice.title) })).toBeVisible();
  await expect(ann.getByText(sessionMessages.classChoice.notYet.replace('{k}', '5'))).toBeVisible();
  for (const phone of students) await completeStep({ page: phone, locale: 'en-GB', mode: 'pointer' });
  await projector.getByRole('button', exact(live.revealAnswers)).click();
  await expect(projector.getByText(teachMessages.tally.hidden.replace('{k}', '5')).first()).toBeVisible();

  // Hiding the join code takes it off the projector.
  await projector.getByRole('button', exact(live.hideCode)).click();
  await expect(projector.locator('[data-join-code]')).toHaveCount(0);

  // The teacher ends the session: every phone says so, and takes no more answers.
  await teacher.page.getByRole('button', exact(live.end)).click();
  await teacher.page.getByRole('button', exact(live.endConfirm)).click();
  for (const phone of students) {
    await expect(phone.getByRole('heading', { level: 1, ...exact(sessionMessages.ended.title) })).toBeVisible();
  }
  await expectNoAxeViolations(cat, 'student after the session ended');
  await expect(projector.getByRole('heading', { level: 2, ...exact(live.closedHeading) })).toBeVisible();

  // The report: held back for a minute after the end, saying why and when; no file yet.
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
  await expect(teacher.page.getByRole('heading', { level: 2, ...exact(reportMessages.headline.heading) })).toBeVisible({ timeout: 90_000 });
  await expect(teacher.page.getByRole('heading', { level: 2, ...exact(reportMessages.release.heldHeading) })).toHaveCount(0);
  await expectNoAxeViolations(teacher.page, 'session report');
  // Three students: every group is fewer than 5 on the page too, knowledge included.
  await expect(teacher.page.getByRole('row', exact(`${reportMessages.headline.joined} ${reportMessages.values.fewerThan.replace('{k}', '5')}`))).toBeVisible();
  const csv = await downloadReportCsv(teacher.page, session.joinCode);
  // Every count in an export is under the export rule: with 3 students, nothing is shown as a number below 10.
  expect(csv.rows.length).toBeGreaterThan(3);
  for (const row of csv.rows) {
    for (const cell of row) if (/^\d+$/.test(cell)) expect(Number(cell) === 0 || Number(cell) >= 10).toBe(true);
  }
  expect(csv.text).toContain(reportMessages.values.fewerThan.replace('{k}', '10'));
});
