import { randomUUID } from 'node:crypto';
import { createSession, exact, joinAsStudent, liveCount, localDateTime, newTeacher, sessionMessages, teachMessages } from './support/class-session';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { structure } from './support/content';
import { completeStep, currentStep, deviceState, driveJourney, messages, storedAnswers } from './support/journey';
import { journeySteps, seedOnwards } from './support/seed';
import { moveSessionClock } from './support/session-clock';
import { reportMessages } from './support/report';
import { REPORT_SETTLE_MS } from '@/lib/domain/class-report-release';

const player = messages('en-GB');

test('a self-paced session: a closing time, students at their own speed, a reload that loses nothing, and an end', async ({ browser }) => {
  test.setTimeout(240_000);
  const teacher = await newTeacher(browser, 'Hillside School');
  const { page } = teacher;

  // A closing time in the past is refused with a clear error, and nothing is created.
  await page.goto('/en-GB/teach/sessions/new');
  await page.getByRole('radio', { name: teachMessages.new.selfPaced }).check();
  await page.getByLabel(teachMessages.new.closesAt).fill(await localDateTime(page, -2));
  await page.getByRole('button', exact(teachMessages.new.create)).click();
  const summary = page.getByRole('alert', exact(teachMessages.errors.title));
  await expect(summary.getByRole('link', exact(teachMessages.errors.closesAtPast))).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(page).toHaveURL(/\/teach\/sessions\/new$/);
  // The form keeps what was chosen.
  await expect(page.getByRole('radio', { name: teachMessages.new.selfPaced })).toBeChecked();
  // The core or the full module, each with its minutes by the reading-time model; the core unless the teacher chooses.
  await expect(page.locator('#path-core')).toBeChecked();
  for (const id of ['#path-core', '#path-full']) {
    await expect(page.locator(`label:has(${id})`)).toContainText(/about \d+ minutes/);
  }
  await expectNoAxeViolations(page, 'new session form with an error');
  await page.goto('/en-GB/teach');
  await expect(page.getByText(teachMessages.list.empty)).toBeVisible();

  const session = await createSession(page, { mode: 'self_paced', beforeAfter: true, closesAt: await localDateTime(page, 26), path: 'full' });
  await expect(page.getByText(teachMessages.session.pathFull, { exact: true })).toBeVisible();
  await expect(page.getByText(teachMessages.live.selfPacedHeading)).toBeVisible();
  await expect(liveCount(page, 'joined')).toHaveText('0');

  // A student starts, answers a few questions and reloads: same participant, same step, nothing asked twice.
  const ann = await joinAsStudent(browser, session.joinCode, 'link');
  await expect(ann.getByText(sessionMessages.banner.replace('{code}', `${session.joinCode.slice(0, 3)} ${session.joinCode.slice(3)}`))).toBeVisible();
  await expect(ann.getByText(/^Open until /)).toBeVisible();
  await expectNoAxeViolations(ann, 'self-paced intro with the session banner');
  for (let i = 0; i < 6; i += 1) await completeStep({ page: ann, locale: 'en-GB', mode: 'pointer' });
  const before = await currentStep(ann);
  const device = await deviceState(ann, session.id);
  await expect.poll(async () => (await deviceState(ann, session.id)).outbox.length).toBe(0);
  await ann.reload();
  expect(await currentStep(ann)).toEqual(before);
  expect((await deviceState(ann, session.id)).participantId).toBe(device.participantId);
  await expect(liveCount(page, 'joined')).toHaveText('1');
  await expect(liveCount(page, 'in-progress')).toHaveText('1');

  // Another student goes all the way through at their own speed: the teacher chose the full module, so no offer, every story.
  // Ben's phone is seeded on to the end of the after wave (journey.spec.ts walks every screen).
  const ben = await joinAsStudent(browser, session.joinCode, 'form');
  const benSession = { storageKey: `rk:v1:roads-kill@${session.id}`, session: { path: 'full', beforeAfter: true } as const };
  const steps = journeySteps(benSession);
  const lastAfter = steps.findLastIndex((step) => 'section' in step && step.section === 'after');
  await seedOnwards(ben, { ...benSession, stopAt: (_, index) => index === lastAfter });
  await completeStep({ page: ben, locale: 'en-GB', mode: 'pointer' });
  // After the after wave: straight into the deeper sections, no offer.
  expect(await currentStep(ben)).toEqual({ kind: 'section', index: lastAfter + 1 });
  await expect(ben.getByRole('heading', { name: player.sectionIntro.deeper.title })).toBeVisible();
  // Then on to the last question (every story on the way), answered by hand, and the summary.
  await seedOnwards(ben, { ...benSession, stopAt: (_, index) => index === steps.length - 2 });
  const benSteps = await driveJourney({ page: ben, locale: 'en-GB', mode: 'pointer' });
  expect(benSteps).toEqual(['item']);
  await expect(ben.getByRole('heading', { level: 2, ...exact(player.summary.takeAway) })).toBeVisible();
  const benDevice = await deviceState(ben, session.id);
  expect(Object.keys(benDevice.scenarioPaths ?? {})).toHaveLength(structure.scenarios.length);
  await expect.poll(async () => (await deviceState(ben, session.id)).outbox).toEqual([]);
  await expect(liveCount(page, 'joined')).toHaveText('2');
  await expect(liveCount(page, 'finished')).toHaveText('1');
  await expect(liveCount(page, 'in-progress')).toHaveText('1');

  // The teacher ends it early: the phone says so, and the server takes no more answers.
  await page.getByRole('button', exact(teachMessages.live.end)).click();
  await page.getByRole('button', exact(teachMessages.live.endConfirm)).click();
  await expect(ann.getByRole('heading', { level: 1, ...exact(sessionMessages.ended.title) })).toBeVisible();
  await ann.reload();
  await expect(ann.getByRole('heading', { level: 1, ...exact(sessionMessages.ended.title) })).toBeVisible();

  // An answer given now, to a question Ann never reached, is acknowledged as too late and not stored.
  const storedBefore = await storedAnswers(ann, device.participantId);
  const unanswered = structure.items.find((i) => i.phases.includes('after') && (i.kind === 'single' || i.kind === 'truefalse'));
  const version = (Object.values(device.answers)[0] as { contentVersion: string }).contentVersion;
  const lateId = randomUUID();
  const late = await ann.request.post('/api/v1/answers', {
    data: {
      participantId: device.participantId,
      answers: [
        {
          id: lateId,
          itemId: unanswered?.id,
          phase: 'after',
          response: { kind: 'choice', optionIds: [unanswered?.options[0]?.id] },
          contentVersion: version,
          answeredAt: new Date().toISOString(),
        },
      ],
    },
  });
  expect(late.status()).toBe(200);
  expect(await late.json()).toEqual({ receipts: [{ id: lateId, status: 'session_closed' }] });
  expect(await storedAnswers(ann, device.participantId)).toEqual(storedBefore);
  const stateResponse = await ann.request.get(`/api/v1/class-sessions/${session.joinCode}`);
  expect(((await stateResponse.json()) as { status: string }).status).toBe('closed');

  const newcomer = await ann.request.post(`/api/v1/class-sessions/${session.joinCode}/participants`, {
    data: { participantId: randomUUID(), locale: 'pl' },
    headers: { 'accept-language': 'pl' },
  });
  expect(newcomer.status()).toBe(409);
  expect(((await newcomer.json()) as { error: { code: string; message: string } }).error).toEqual({
    code: 'session_closed',
    message: 'Ta sesja klasowa się zakończyła i nie przyjmuje już odpowiedzi. Dotychczasowe odpowiedzi są zapisane.',
  });
});

test('a self-paced session that reaches its closing time says so in its own words, and records when it ended', async ({ browser }) => {
  test.setTimeout(180_000);
  const teacher = await newTeacher(browser, 'Closing Time Academy');
  const { page } = teacher;
  // The next minute but one: between one and two minutes away (the form takes whole minutes).
  const closesAt = await localDateTime(page, 2 / 60);
  const session = await createSession(page, { mode: 'self_paced', beforeAfter: false, closesAt });
  const phone = await joinAsStudent(browser, session.joinCode, 'link', { clock: true });
  for (let i = 0; i < 2; i += 1) await completeStep({ page: phone, locale: 'en-GB', mode: 'pointer' });

  // Rather than wait those minutes, the session's clock on the server and the phone's own clock
  // move on to a second past the closing time (support/session-clock.ts); every other session keeps the real time.
  const open = (await (await phone.request.get(`/api/v1/class-sessions/${session.joinCode}`)).json()) as { status: string; closesAt: string };
  expect(open.status).toBe('open');
  const untilClosed = Math.max(1_000, Date.parse(open.closesAt) - Date.now() + 1_000);
  moveSessionClock(session.id, untilClosed);
  await phone.clock.fastForward(untilClosed);

  // At the closing time the phone closes by itself, and says it was the time the teacher set.
  const hhmm = closesAt.slice(11);
  const timeWords = `This class session closed at ${hhmm}, the time your teacher set, so it takes no more answers.`;
  await expect(phone.getByRole('heading', { level: 1, ...exact(sessionMessages.ended.title) })).toBeVisible();
  await expect(phone.getByText(timeWords, { exact: true })).toBeVisible();
  await expect(phone.getByText(sessionMessages.ended.body, { exact: true })).toHaveCount(0);
  // After a reload it is the server that says so (it wrote the closing down, with its reason).
  await phone.reload();
  await expect(phone.getByText(timeWords, { exact: true })).toBeVisible();
  // For a minute after the closing the report, and so its file, is held back for answers still on their way.
  const early = await page.request.get(`/en-GB/teach/sessions/${session.id}/report/csv`);
  expect(early.status()).toBe(409);
  expect(await early.text()).toBe(reportMessages.release.csv);
  await expectNoAxeViolations(phone, 'self-paced session closed at its time');
  const state = (await (await phone.request.get(`/api/v1/class-sessions/${session.joinCode}`)).json()) as { closedReason: string; closedAt: string };
  expect(state.closedReason).toBe('time');

  // The teacher's page and list say how it closed.
  await page.goto(`/en-GB/teach/sessions/${session.id}`);
  await expect(page.locator('[data-session-status]')).toHaveText(new RegExp(`^${sessionMessages.lifecycle.time}, at .*${hhmm}$`));
  await page.goto('/en-GB/teach');
  await expect(page.getByRole('cell', exact(sessionMessages.lifecycle.time))).toBeVisible();

  // A minute later (moved on again) the CSV is there, and its "ended" is the closing time, not blank.
  moveSessionClock(session.id, REPORT_SETTLE_MS);
  const response = await page.request.get(`/en-GB/teach/sessions/${session.id}/report/csv`);
  expect(response.status()).toBe(200);
  const csv = await response.text();
  const ended = csv.split('\r\n').find((line) => line.includes(',ended (UTC),'));
  expect(ended).toBe(`Session,,,ended (UTC),${state.closedAt.slice(0, 16).replace('T', ' ')},`);
});
