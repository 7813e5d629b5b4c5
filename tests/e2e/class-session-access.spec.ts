import { randomUUID } from 'node:crypto';
import { createSession, exact, joinAsStudent, newTeacher, sessionMessages, teachMessages } from './support/class-session';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { completeStep, currentStep, deviceState } from './support/journey';
import { reportMessages } from './support/report';
import { acceptInvite, administratorContext, inviteStaff } from './support/staff';

test('a teacher cannot see or control another organisation’s session, by page or by request', async ({ browser, playwright, baseURL }) => {
  test.setTimeout(180_000);
  const owner = await newTeacher(browser, 'Castle Sixth Form');
  const session = await createSession(owner.page, { mode: 'live', beforeAfter: false });
  const other = await newTeacher(browser, 'Marsh Academy');
  const origin = new URL(baseURL ?? '').origin;

  // Pages and files: the same 404 as for a session that doesn't exist.
  for (const path of [
    `/en-GB/teach/sessions/${session.id}`,
    `/en-GB/teach/sessions/${session.id}/projector`,
    `/en-GB/teach/sessions/${session.id}/report`,
    `/en-GB/teach/sessions/${session.id}/report/csv`,
    `/api/v1/teach/class-sessions/${session.id}/events`,
  ]) {
    const response = await other.page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
  const command = await other.page.request.post(`/api/v1/teach/class-sessions/${session.id}/commands`, {
    data: { command: 'go-to-step', step: 3 },
    headers: { origin },
  });
  expect(command.status()).toBe(404);

  // Their own list doesn't show it; the owner's does.
  const spaced = `${session.joinCode.slice(0, 3)} ${session.joinCode.slice(3)}`;
  await other.page.goto('/en-GB/teach');
  await expect(other.page.getByRole('link', { name: spaced })).toHaveCount(0);
  await owner.page.goto('/en-GB/teach');
  await expect(owner.page.getByRole('link', exact(spaced))).toBeVisible();
  await expectNoAxeViolations(owner.page, 'session list');

  // The teacher's screens in Polish.
  await owner.page.goto(`/pl/teach/sessions/${session.id}`);
  await expect(owner.page.getByRole('heading', { level: 1, name: `Sesja ${spaced}` })).toBeVisible();
  await expectNoAxeViolations(owner.page, 'teacher dashboard in Polish');
  await owner.page.goto(`/pl/teach/sessions/${session.id}/projector`);
  // The projector has no controls: its lobby shows the code, in Polish.
  await expect(owner.page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(owner.page.locator('[data-screen="lobby"] [data-join-code]')).toBeVisible();
  await expectNoAxeViolations(owner.page, 'projector in Polish');

  // Signed out: 401 for the API, and the sign-in page for the pages.
  const anonymous = await playwright.request.newContext({ baseURL });
  const signedOut = await anonymous.post(`/api/v1/teach/class-sessions/${session.id}/commands`, {
    data: { command: 'end' },
    headers: { origin },
  });
  expect(signedOut.status()).toBe(401);
  const page = await anonymous.get(`/en-GB/teach/sessions/${session.id}`);
  expect(page.url()).toContain('/en-GB/staff/sign-in');
  await anonymous.dispose();

  // The owner's own command, sent from another site, is refused: their cookie alone is not enough.
  const crossSite = await owner.page.request.post(`/api/v1/teach/class-sessions/${session.id}/commands`, {
    data: { command: 'go-to-step', step: 2 },
    headers: { origin: 'https://elsewhere.example' },
  });
  expect(crossSite.status()).toBe(403);

  // None of it moved the class: still on the first step.
  const state = await owner.page.request.get(`/api/v1/class-sessions/${session.joinCode}`);
  expect(await state.json()).toMatchObject({ status: 'open', liveStep: 0 });
});

test('an officer sees no class’s report, nor any head count in their session list, even of a session they ran', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const teacher = await newTeacher(browser, 'Harbour School');
  const session = await createSession(teacher.page, { mode: 'live', beforeAfter: false });
  const origin = new URL(baseURL ?? '').origin;

  // An officer, invited by the administrator.
  const adminContext = await administratorContext(browser);
  const admin = await adminContext.newPage();
  const link = await inviteStaff(admin, { role: 'officer' });
  await adminContext.close();
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  const suffix = randomUUID().slice(0, 8);
  await acceptInvite(officer, link, { name: `Officer ${suffix}`, email: `officer-${suffix}@council.example`, password: `officer passphrase ${suffix}` });

  // The teacher's session: the same 404 as for one that doesn't exist, report, file and live screens alike.
  for (const path of [
    `/en-GB/teach/sessions/${session.id}`,
    `/en-GB/teach/sessions/${session.id}/projector`,
    `/en-GB/teach/sessions/${session.id}/report`,
    `/en-GB/teach/sessions/${session.id}/report/csv`,
    `/api/v1/teach/class-sessions/${session.id}/events`,
  ]) {
    const response = await officer.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
  const command = await officer.request.post(`/api/v1/teach/class-sessions/${session.id}/commands`, { data: { command: 'end' }, headers: { origin } });
  expect(command.status()).toBe(404);

  // A session the officer runs at the school's event: its live screens are theirs, its report is not.
  const event = await createSession(officer, { mode: 'live', beforeAfter: false, organisation: teacher.organisation });
  await expect(officer.getByRole('heading', { level: 1, name: `Session ${event.joinCode.slice(0, 3)} ${event.joinCode.slice(3)}` })).toBeVisible();
  await expect(officer.getByRole('link', exact(teachMessages.session.openReport))).toHaveCount(0);
  expect((await officer.request.get(`/en-GB/teach/sessions/${event.id}/report`)).status()).toBe(404);
  expect((await officer.request.get(`/en-GB/teach/sessions/${event.id}/report/csv`)).status()).toBe(404);
  await joinAsStudent(browser, event.joinCode, 'link');

  // The officer's list: their own session only, and no "Joined" column.
  await officer.goto('/en-GB/teach');
  const list = officer.getByRole('table', exact(teachMessages.list.caption));
  await expect(list.getByRole('link', exact(`${event.joinCode.slice(0, 3)} ${event.joinCode.slice(3)}`))).toBeVisible();
  await expect(list.getByRole('link', exact(`${session.joinCode.slice(0, 3)} ${session.joinCode.slice(3)}`))).toHaveCount(0);
  await expect(list.getByRole('columnheader', exact(teachMessages.list.joined))).toHaveCount(0);
  await expectNoAxeViolations(officer, 'officer’s session list');

  // The school's teacher still sees both, with how many joined, and may open the event's report.
  await teacher.page.goto('/en-GB/teach');
  const theirs = teacher.page.getByRole('table', exact(teachMessages.list.caption));
  await expect(theirs.getByRole('columnheader', exact(teachMessages.list.joined))).toBeVisible();
  await expect(theirs.getByRole('link', exact(`${event.joinCode.slice(0, 3)} ${event.joinCode.slice(3)}`))).toBeVisible();
  await teacher.page.goto(`/en-GB/teach/sessions/${event.id}/report`);
  await expect(teacher.page.getByRole('heading', { level: 2, ...exact(reportMessages.release.heldHeading) })).toBeVisible();
  await officerContext.close();
});

test('in a live session, a phone that reloads or loses the network comes back to the class’s step', async ({ browser }) => {
  test.setTimeout(180_000);
  const teacher = await newTeacher(browser, 'Quay College');
  const session = await createSession(teacher.page, { mode: 'live', beforeAfter: true });
  const phone = await joinAsStudent(browser, session.joinCode, 'link');
  await expect(phone.getByRole('heading', { level: 1, ...exact(sessionMessages.waiting.start.title) })).toBeVisible();

  const go = async (step: number) => {
    const response = await teacher.page.request.post(`/api/v1/teach/class-sessions/${session.id}/commands`, {
      data: { command: 'go-to-step', step },
      headers: { origin: new URL(teacher.page.url()).origin },
    });
    expect(response.status()).toBe(200);
  };

  // Step 1 (the "before" section), then an attitude item: answered, then waiting.
  await go(1);
  await expect.poll(async () => (await currentStep(phone)).index).toBe(1);
  await completeStep({ page: phone, locale: 'en-GB', mode: 'pointer' });
  await go(2);
  await expect.poll(async () => (await currentStep(phone)).kind).toBe('attitude');
  await completeStep({ page: phone, locale: 'en-GB', mode: 'pointer' });
  await expect(phone.getByRole('heading', { level: 1, ...exact(sessionMessages.waiting.next.title) })).toBeVisible();
  const device = await deviceState(phone, session.id);
  await expect.poll(async () => (await deviceState(phone, session.id)).outbox.length).toBe(0);

  // A reload: still in the session, same participant, still done with this step.
  await phone.reload();
  await expect(phone.getByRole('heading', { level: 1, ...exact(sessionMessages.waiting.next.title) })).toBeVisible();
  expect((await deviceState(phone, session.id)).participantId).toBe(device.participantId);

  // The network drops and the phone reloads (the page comes from the service worker's copy) while
  // the teacher moves on; when the network returns, the phone catches up by itself. First, the
  // service worker's copy must be the page as reloaded at this step: it stores it after the
  // response, and on a busy machine the network can otherwise drop before it has.
  await expect
    .poll(
      () =>
        phone.evaluate(async () => {
          const copy = await caches.match(window.location.href);
          return copy ? /liveStep\\*"?:2\b/.test(await copy.text()) : false;
        }),
      { timeout: 10_000 },
    )
    .toBe(true);
  await phone.context().setOffline(true);
  await go(3);
  await phone.reload();
  await expect(phone.getByRole('heading', { level: 1, ...exact(sessionMessages.waiting.next.title) })).toBeVisible();
  expect((await currentStep(phone)).index).toBe(2);
  await phone.context().setOffline(false);
  await expect.poll(async () => (await currentStep(phone)).index, { timeout: 20_000 }).toBe(3);

  // The teacher's dashboard counted one phone, however many times it reconnected.
  await teacher.page.reload();
  await expect(teacher.page.locator('[data-count="joined"]')).toHaveText('1');
});
