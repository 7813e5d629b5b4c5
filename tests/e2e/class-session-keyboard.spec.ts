import { createSession, exact, joinAsApiPhone, newTeacher, sessionMessages, teachMessages } from './support/class-session';
import { structure } from './support/content';
import { expect, stillForFrames, test } from './support/fixtures';
import { completeStep, currentStep, tabTo } from './support/journey';

test('a class session by keyboard alone, with reduce motion on: joining, pacing, revealing and ending', async ({ browser }) => {
  test.setTimeout(180_000);
  const teacher = await newTeacher(browser, 'Keyboard College');
  const session = await createSession(teacher.page, { mode: 'live', beforeAfter: false });
  const live = teachMessages.live;

  // The student types the code on the home page and presses Enter: no pointer at all.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, reducedMotion: 'reduce' });
  const phone = await context.newPage();
  await phone.goto('/en-GB');
  const code = phone.getByLabel(sessionMessages.join.label);
  await tabTo(phone, code);
  await phone.keyboard.type(session.joinCode.toLowerCase());
  await phone.keyboard.press('Enter');
  await expect(phone).toHaveURL(new RegExp(`/en-GB/session/${session.joinCode}$`));
  await expect(phone.getByRole('heading', { level: 1, ...exact(sessionMessages.waiting.start.title) })).toBeFocused();

  // The teacher paces the class from the presenter view by keyboard; the projector follows.
  const presenter = teacher.page;
  await presenter.emulateMedia({ reducedMotion: 'reduce' });
  const projector = await teacher.context.newPage();
  await projector.emulateMedia({ reducedMotion: 'reduce' });
  await projector.goto(`/en-GB/teach/sessions/${session.id}/projector`);
  await tabTo(presenter, presenter.getByRole('button', exact(live.start)));
  await presenter.keyboard.press('Enter');
  await expect(projector.locator('[data-live-step]')).toHaveAttribute('data-live-step', '1');

  // The phone follows; its new heading takes focus, and the student goes on by keyboard.
  await expect.poll(async () => (await currentStep(phone)).index).toBe(1);
  await expect(phone.getByRole('heading', { level: 1 })).toBeFocused();
  await completeStep({ page: phone, locale: 'en-GB', mode: 'keyboard' });
  await expect(phone.getByRole('heading', { level: 1, ...exact(sessionMessages.waiting.next.title) })).toBeFocused();

  await tabTo(presenter, presenter.getByRole('button', exact(live.next)));
  await presenter.keyboard.press('Enter');
  await expect.poll(async () => (await currentStep(phone)).kind).toBe('fact');
  await completeStep({ page: phone, locale: 'en-GB', mode: 'keyboard' });

  // Four more phones answer through the API, so that the class is big enough to show (5 of 5).
  const fact = structure.facts[0]?.id ?? 'F1';
  for (const pick of ['road-crashes', 'road-crashes', 'drowning', 'violence']) await (await joinAsApiPhone(projector.request, session.joinCode)).answer(fact, [pick]);

  await tabTo(presenter, presenter.getByRole('button', exact(live.revealAnswers)));
  await presenter.keyboard.press('Enter');
  await expect(presenter.locator('table.tally caption')).toContainText(teachMessages.tally.counted.replace('{count}', teachMessages.tally.range.replace('{from}', '5').replace('{to}', '9')));
  // Reduce motion: the class's bars appear at their size, without a transition, on both screens.
  const transition = await presenter.locator('.tally__bar span').first().evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(transition).toBe('0s');
  const bars = projector.locator('.pbars__solid, .pbars__faint');
  await expect(bars.first()).toBeAttached();
  // The projector's bars grow by a CSS transition from an @starting-style of zero (session.css):
  // under reduce motion there is none, so the drawn widths are final from the first frame.
  expect(await bars.first().evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');
  const widths = async () => bars.evaluateAll((els) => els.map((el) => getComputedStyle(el).width));
  const first = await widths();
  expect(first.some((w) => parseFloat(w) > 0)).toBe(true);
  // Still over several frames: a bar growing (0.9 s without reduce motion) would have moved.
  expect(await stillForFrames(projector, '.pbars__solid, .pbars__faint', 10)).toBe(true);
  expect(await widths()).toEqual(first);

  // Ending from the laptop by keyboard, through the confirmation.
  await tabTo(presenter, presenter.getByRole('button', exact(live.end)));
  await presenter.keyboard.press('Enter');
  await tabTo(presenter, presenter.getByRole('button', exact(live.endConfirm)));
  await presenter.keyboard.press('Enter');
  await expect(phone.getByRole('heading', { level: 1, ...exact(sessionMessages.ended.title) })).toBeFocused();
  await context.close();
});
