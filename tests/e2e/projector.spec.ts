import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { buildJourney } from '@/lib/domain/journey';
import { createSession, exact, joinAsStudent, newTeacher, sessionMessages, teachMessages } from './support/class-session';
import { structure } from './support/content';
import { expect, expectNoAxeViolations, test, waitForStill } from './support/fixtures';
import { currentStep, messages } from './support/journey';

const live = teachMessages.live;
const pj = teachMessages.projector;
const plTeach = JSON.parse(readFileSync('messages/pl/Teach.json', 'utf8')) as typeof teachMessages;
const player = messages('en-GB');
const SHOTS = '/tmp/shots-projector';
const text = JSON.parse(readFileSync('content/modules/roads-kill/en-GB.json', 'utf8')) as { items: Record<string, { options: Record<string, { label: string }> }> };

type Response = { kind: 'choice'; optionIds: string[] } | { kind: 'number'; value: number } | { kind: 'order'; optionIds: string[] };

/** A phone on the API alone, answering any kind of question, as the student client does. */
async function apiPhone(request: APIRequestContext, joinCode: string) {
  const participantId = randomUUID();
  const joined = await request.post(`/api/v1/class-sessions/${joinCode}/participants`, { data: { participantId, locale: 'en-GB' } });
  expect(joined.status()).toBe(201);
  const { contentVersion } = (await (await request.get(`/api/v1/participants/${participantId}/progress`)).json()) as { contentVersion: string };
  return async (answers: { itemId: string; response: Response; confidence?: 1 | 2 | 3 }[]) => {
    const response = await request.post('/api/v1/answers', {
      data: {
        participantId,
        answers: answers.map((a) => ({
          id: randomUUID(),
          itemId: a.itemId,
          phase: 'main',
          response: a.response,
          ...(a.confidence ? { confidence: a.confidence } : {}),
          contentVersion,
          answeredAt: new Date().toISOString(),
        })),
      },
    });
    expect(response.status()).toBe(200);
  };
}

/** Nothing on the projector runs off the screen: every visible box ends inside the window. */
async function expectFits(page: Page, screen: string): Promise<void> {
  const overflow = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.pj *')) {
      if (el.closest('.visually-hidden') || el.getClientRects().length === 0) continue;
      const r = el.getBoundingClientRect();
      if (r.bottom > window.innerHeight + 1 || r.right > window.innerWidth + 1) out.push(`${el.tagName}.${el.className} ${Math.round(r.right)}×${Math.round(r.bottom)}`);
    }
    return out.slice(0, 5);
  });
  expect(overflow, `${screen} runs off ${page.viewportSize()?.width}×${page.viewportSize()?.height}`).toEqual([]);
}

/** Every projector screen at 1920×1080 and 1024×768, checked to fit, for people to look at. */
async function shoot(projector: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  // Bars grow by script for under 1.5 s: wait until nothing on the projector moves.
  await waitForStill(projector, '.pj [style]');
  for (const [width, height] of [[1920, 1080], [1024, 768]] as const) {
    await projector.setViewportSize({ width, height });
    await expectFits(projector, name);
    await projector.screenshot({ path: `${SHOTS}/projector-${name}-${width}x${height}.png` });
  }
  await projector.setViewportSize({ width: 1920, height: 1080 });
}

/** The Next button and the first tally bar of the presenter are on screen without scrolling. */
async function expectAboveTheFold(presenter: Page, next: string, label: string): Promise<void> {
  const { height } = presenter.viewportSize() ?? { height: 768 };
  // As the page opens, before anything scrolls it.
  await presenter.evaluate(() => window.scrollTo(0, 0));
  for (const [what, box] of [
    ['the Next button', await presenter.getByRole('button', exact(next)).boundingBox()],
    ['the first tally bar', await presenter.locator('.live__reveal .tally__row').first().boundingBox()],
  ] as const) {
    expect(box, `${what} (${label})`).not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0), `${what} (${label}) ends at`).toBeLessThanOrEqual(height);
    expect(box?.y ?? -1, `${what} (${label}) starts at`).toBeGreaterThanOrEqual(0);
  }
}

/** No count from 1 to 4 anywhere on a screen: small groups show as "fewer than 5". */
async function expectNoSmallCounts(page: Page): Promise<void> {
  const figures = await page.locator('.pbars__count, .pj-spread__count, .tally__count').allTextContents();
  for (const figure of figures) expect(/^[1-4]$/.test(figure.trim()), `figure ${figure}`).toBe(false);
}

test('the projector and the presenter: a class of 15 through lobby, a choice, a number guess, an order, a story and the end', async ({ browser }) => {
  test.setTimeout(480_000);
  const teacher = await newTeacher(browser, 'Projector College');
  const presenter = teacher.page;
  await presenter.setViewportSize({ width: 1366, height: 768 });
  // The full module: the ordering questions are in the deeper sections.
  const session = await createSession(presenter, { mode: 'live', beforeAfter: false, path: 'full' });
  const steps = buildJourney(structure, { beforeAfter: false, path: 'full' });
  const at = (find: (s: (typeof steps)[number]) => boolean) => steps.findIndex(find);

  // The controls are above the fold at 1366×768.
  for (const name of [live.start, live.shortcuts, live.openProjector]) {
    const box = await presenter.getByRole('button', exact(name)).boundingBox();
    expect(box && box.y + box.height).toBeLessThan(768);
  }

  // The projector opens in a window of its own: the lobby, with the code, the QR code and the join count.
  const [projector] = await Promise.all([presenter.waitForEvent('popup'), presenter.getByRole('button', exact(live.openProjector)).click()]);
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await expect(projector.locator('[data-screen="lobby"] [data-join-code]')).toHaveText(`${session.joinCode.slice(0, 3)} ${session.joinCode.slice(3)}`);
  await expect(projector.getByRole('img', { name: /QR code that opens/ })).toBeVisible();
  await expect(projector.getByRole('button')).toHaveCount(0);

  // Two phones in browsers, thirteen on the API: a class of 15.
  const ann = await joinAsStudent(browser, session.joinCode, 'link');
  const ben = await joinAsStudent(browser, session.joinCode, 'form');
  const phones = await Promise.all(Array.from({ length: 13 }, () => apiPhone(presenter.request, session.joinCode)));
  await expect(projector.locator('[data-count="joined"]')).toHaveText('15');
  await expectNoAxeViolations(projector, 'projector lobby');
  await shoot(projector, 'lobby');
  await presenter.screenshot({ path: `${SHOTS}/presenter-start-1366x768.png` });
  await expectNoAxeViolations(presenter, 'presenter at the start');

  // ? opens the shortcuts, an accessible dialog; Escape closes it.
  await presenter.keyboard.press('?');
  const help = presenter.getByRole('dialog', { name: live.shortcutsHeading });
  await expect(help).toBeVisible();
  await expectNoAxeViolations(presenter, 'presenter shortcut help');
  await presenter.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // → starts: the section card on the projector, the phones follow, a small code in the corner.
  await presenter.keyboard.press('ArrowRight');
  await expect(projector.locator('[data-live-step]')).toHaveAttribute('data-live-step', '1');
  await expect(projector.locator('.pj__corner')).toBeVisible();
  await expect(projector.locator('[data-join-code]')).toHaveCount(0);
  await expect(ann.getByRole('heading', { level: 1, ...exact(player.sectionIntro.facts.title) })).toBeVisible();
  await shoot(projector, 'section');

  // Space: the first fact, a choice. Its options are on the projector before the reveal.
  await presenter.keyboard.press(' ');
  const choice = at((s) => s.kind === 'fact');
  await expect(projector.locator('[data-live-step]')).toHaveAttribute('data-live-step', String(choice));
  await expect(projector.locator('.pj-options li')).toHaveCount(4);
  await expect.poll(async () => (await currentStep(ben)).kind).toBe('fact');
  const picks = ['road-crashes', 'road-crashes', 'road-crashes', 'road-crashes', 'road-crashes', 'road-crashes', 'lung-infections', 'lung-infections', 'lung-infections', 'lung-infections', 'lung-infections', 'drowning', 'violence'];
  await Promise.all(phones.map((answer, i) => answer([{ itemId: 'F1', response: { kind: 'choice', optionIds: [picks[i] ?? 'road-crashes'] } }])));
  await shoot(projector, 'choice-question');
  // R shows the class's answers: bars, the right one marked in words.
  await presenter.keyboard.press('r');
  await expect(projector.locator('tr[data-row="road-crashes"]')).toHaveClass(/pbars__row--right/);
  await expect(projector.locator('tr[data-row="road-crashes"] th')).toContainText(pj.right);
  await expect(projector.locator('tr[data-row="road-crashes"] .pbars__count')).toHaveText('6');
  await expectNoSmallCounts(projector);
  // The presenter shows the same tallies, and the teacher's note for the step.
  await expect(presenter.locator('.live__reveal table.tally tr').filter({ hasText: 'Road crashes' }).locator('.tally__count')).toHaveText('6');
  await expect(presenter.getByText(live.notePrompt)).toBeVisible();
  await expectNoAxeViolations(projector, 'projector, a choice revealed');
  await shoot(projector, 'choice-reveal');
  await presenter.screenshot({ path: `${SHOTS}/presenter-reveal-1366x768.png` });
  await expectNoAxeViolations(presenter, 'presenter, a choice revealed');
  // R again hides them.
  await presenter.keyboard.press('R');
  await expect(projector.locator('.pbars')).toHaveCount(0);
  // The presenter takes no keys while a command is on its way: wait until it is back.
  await expect(presenter.getByRole('button', exact(live.revealAnswers))).toBeEnabled();

  // A number guess (F2, the real figure 3): the real figure against the spread of guesses.
  await presenter.keyboard.press('ArrowRight');
  const number = at((s) => s.kind === 'fact' && s.factId === 'F2');
  await expect(projector.locator('[data-live-step]')).toHaveAttribute('data-live-step', String(number));
  const guesses = [3, 3, 3, 3, 3, 3, 10, 10, 10, 10, 10, 1, 2];
  await Promise.all(phones.map((answer, i) => answer([{ itemId: 'F2', response: { kind: 'number', value: guesses[i] ?? 3 } }])));
  await presenter.keyboard.press('Enter');
  await expect(projector.locator('.pj-number__real')).toContainText('About 3 times as likely');
  await expect(projector.locator('.pj-spread td')).toHaveCount(5);
  await expect(projector.locator('td[data-bin="right"] .pj-spread__count')).toHaveText('6');
  // 5 guessed over double, but beside "other 7" a 5 would leave the two far-off guesses (1 and 2) a sum of 2: shown as the range.
  await expect(projector.locator('td[data-bin="far-over"] .pj-spread__count')).toHaveText(teachMessages.tally.range.replace('{from}', '5').replace('{to}', '7'));
  await expectNoSmallCounts(projector);
  await expectNoAxeViolations(projector, 'projector, a number guess revealed');
  await shoot(projector, 'number-reveal');

  // The step list follows the class, and a forward jump goes at once: the first ordering question.
  const order = at((s) => s.kind === 'item' && structure.items.find((i) => i.id === s.itemId)?.kind === 'ordering');
  const orderItem = steps[order] as { itemId: string };
  const list = presenter.getByRole('navigation', { name: live.stepsHeading });
  await expect(list.locator('[aria-current="step"] .steps__at')).toHaveText(String(number + 1));
  await list.locator('li').nth(order).getByRole('button').click();
  await expect(projector.locator('[data-live-step]')).toHaveAttribute('data-live-step', String(order));
  await expect(list.locator('[aria-current="step"] .steps__at')).toHaveText(String(order + 1));
  const right = structure.items.find((i) => i.id === orderItem.itemId)?.options.map((o) => o.id) ?? [];
  await Promise.all(phones.map((answer, i) => answer([{ itemId: orderItem.itemId, response: { kind: 'order', optionIds: i < 8 ? right : [...right].reverse() } }])));
  await shoot(projector, 'order-question');
  await presenter.keyboard.press('r');
  const labels = right.map((id) => text.items[orderItem.itemId]?.options[id]?.label ?? id);
  await expect(projector.locator('.pj-order li')).toHaveText(labels);
  await expectNoSmallCounts(projector);
  await expectNoAxeViolations(projector, 'projector, an order revealed');
  await shoot(projector, 'order-reveal');

  // A jump more than one step back asks first; "No" keeps the class where it is.
  await list.locator('li').nth(number).getByRole('button').click();
  const confirm = presenter.getByRole('dialog', { name: live.jumpConfirmHeading.replace('{at}', String(number + 1)) });
  await expect(confirm).toBeVisible();
  await expectNoAxeViolations(presenter, 'presenter, confirming a jump back');
  await confirm.getByRole('button', exact(live.jumpCancel)).click();
  await expect(confirm).toBeHidden();
  await expect(projector.locator('[data-live-step]')).toHaveAttribute('data-live-step', String(order));
  // One step back goes at once (←).
  await presenter.keyboard.press('ArrowLeft');
  await expect(projector.locator('[data-live-step]')).toHaveAttribute('data-live-step', String(order - 1));

  // The first story: its decisions, how the class chose, and what followed each choice.
  // The stories come before the quiz, so this is a jump back: "Yes" sends the class there.
  const story = at((s) => s.kind === 'scenario');
  await list.locator('li').nth(story).getByRole('button').click();
  const back = presenter.getByRole('dialog', { name: live.jumpConfirmHeading.replace('{at}', String(story + 1)) });
  await back.getByRole('button', exact(live.jumpConfirm.replace('{at}', String(story + 1)))).click();
  await expect(projector.locator('[data-live-step]')).toHaveAttribute('data-live-step', String(story));
  await expect.poll(async () => (await currentStep(ann)).kind).toBe('scenario');
  await shoot(projector, 'story-question');
  const said = (i: number) => i < 7;
  await Promise.all(
    phones.map((answer, i) =>
      answer(
        said(i)
          ? [
              { itemId: 'party-lift/d-offer', response: { kind: 'choice', optionIds: ['say-no'] } },
              { itemId: 'party-lift/d-keys', response: { kind: 'choice', optionIds: ['ask-him-to-stay'] } },
              { itemId: 'party-lift/d-way-home', response: { kind: 'choice', optionIds: ['text-home'] } },
            ]
          : [
              { itemId: 'party-lift/d-offer', response: { kind: 'choice', optionIds: ['get-in'] } },
              { itemId: 'party-lift/d-in-car', response: { kind: 'choice', optionIds: ['get-out'] } },
            ],
      ),
    ),
  );
  await presenter.keyboard.press('r');
  await expect(projector.locator('.pj-story__decision').first()).toBeVisible();
  await expect(projector.locator('.pj-story__decision').first().locator('.pbars__followed').first()).not.toBeEmpty();
  await expect(projector.locator('.pj')).not.toContainText('(not shown');
  await expectNoSmallCounts(projector);
  await expectNoAxeViolations(projector, 'projector, a story revealed');
  await shoot(projector, 'story-reveal');

  // A quiz question that asks how sure: 5 right, 8 "front seat", 5 of them very sure. The reveal
  // freezes how sure the wrong were in the same release; the class sees it only at the end.
  const drunk = at((s) => s.kind === 'item' && s.itemId === 'm-drunk-passenger');
  await list.locator('li').nth(drunk).getByRole('button').click();
  await expect(projector.locator('[data-live-step]')).toHaveAttribute('data-live-step', String(drunk));
  await Promise.all(
    phones.map((answer, i) =>
      answer([{ itemId: 'm-drunk-passenger', response: { kind: 'choice', optionIds: [i < 5 ? 'not-like-this' : 'front-seat'] }, confidence: i < 5 ? 2 : i < 10 ? 3 : 1 }]),
    ),
  );
  await presenter.keyboard.press('r');
  await expect(projector.locator('tr[data-row="front-seat"] .pbars__count')).toHaveText('8');
  // How sure is not on the reveal: the bars are the question's, as they would be without it.
  await expect(projector.locator('.pj')).not.toContainText(pj.sureHeading);
  await expectNoSmallCounts(projector);

  // The plan, then the end: what to discuss, from the figures the class has seen.
  const plan = at((s) => s.kind === 'plan');
  await list.locator('li').nth(plan).getByRole('button').click();
  await expect(projector.locator('[data-live-step]')).toHaveAttribute('data-live-step', String(plan));
  await shoot(projector, 'plan');
  // The step with the longest teacher note (a story): after the reveal, the controls and the
  // class's answers are both above the fold at 1366×768, the note in a column beside them.
  const sixFriends = at((s) => s.kind === 'scenario' && s.scenarioId === 'six-friends');
  await list.locator('li').nth(sixFriends).getByRole('button').click();
  await expect(projector.locator('[data-live-step]')).toHaveAttribute('data-live-step', String(sixFriends));
  await Promise.all(
    phones.map((answer, i) =>
      answer(
        i < 8
          ? [
              { itemId: 'six-friends/d-seats', response: { kind: 'choice', optionIds: ['no-seat-no-space'] } },
              { itemId: 'six-friends/d-belts', response: { kind: 'choice', optionIds: ['belt-on'] } },
              { itemId: 'six-friends/d-video', response: { kind: 'choice', optionIds: ['show-her-later'] } },
            ]
          : [
              { itemId: 'six-friends/d-seats', response: { kind: 'choice', optionIds: ['squeeze-in'] } },
              { itemId: 'six-friends/d-speak-up', response: { kind: 'choice', optionIds: ['pull-in'] } },
            ],
      ),
    ),
  );
  await presenter.keyboard.press('r');
  await expect(presenter.locator('.live__reveal .tally__row').first()).toBeVisible();
  await expect(presenter.getByRole('region', { name: live.noteHeading })).toBeVisible();
  await expectAboveTheFold(presenter, live.next, 'en-GB');
  await presenter.screenshot({ path: `${SHOTS}/presenter-long-note-1366x768.png` });
  await expectNoAxeViolations(presenter, 'presenter, the longest note, revealed');
  // The same in Polish, whose note is longer still.
  const polish = await presenter.context().newPage();
  await polish.setViewportSize({ width: 1366, height: 768 });
  await polish.goto(`/pl/teach/sessions/${session.id}`);
  await expect(polish.locator('.live__reveal .tally__row').first()).toBeVisible();
  await expectAboveTheFold(polish, plTeach.live.next, 'pl');
  await polish.screenshot({ path: `${SHOTS}/presenter-long-note-pl-1366x768.png` });
  await expectNoAxeViolations(polish, 'presenter in Polish, the longest note, revealed');

  // The full module goes on to its deeper sections after the plan; the summary is the last step.
  await list.locator('li').nth(steps.length - 1).getByRole('button').click();
  await expect(projector.locator('[data-screen="end"]')).toBeVisible();
  await expect(projector.getByRole('heading', { level: 2, ...exact(pj.discussHeading) })).toBeVisible();
  // The most common mistaken answers shown: "front seat" (8), guesses not close to the real figure (7), then lung infections (5).
  const common = projector.locator('.pj-end__list').first().locator('.pj-discuss li');
  await expect(common.first()).toContainText('Put them in the front');
  await expect(common.nth(1)).toContainText(pj.notClose);
  await expect(common.nth(2)).toContainText('Lung infections');
  // Wrong but very sure: 5 of the 8, beside 3 less sure ("fewer than 5") shown as the range a
  // viewer could work out anyway (5–8), with the right answer. Nothing else reached 5.
  const sureList = projector.locator('[data-list="wrong-but-sure"]');
  await expect(sureList.getByRole('heading', { level: 3, ...exact(pj.sureHeading) })).toBeVisible();
  await expect(sureList.locator('li')).toHaveCount(1);
  await expect(sureList.locator('li')).toContainText(pj.sureMistake.replace(/<\/?figure>/g, '').replace('{answer}', 'Put them in the front so you can keep an eye on them').replace('{count}', teachMessages.tally.range.replace('{from}', '5').replace('{to}', '8')));
  await expect(sureList.locator('li')).toContainText(pj.rightAnswer.replace('{answer}', "Don't take them like this; help them get a taxi"));
  await expectNoSmallCounts(projector);
  await expectNoAxeViolations(projector, 'projector, the end screen');
  await shoot(projector, 'end');
  // The presenter's end view lists the same.
  await expect(presenter.locator('.presenter__discuss [data-list="wrong-but-sure"] li')).toHaveCount(1);
  await expect(presenter.locator('.presenter__discuss [data-list="wrong-but-sure"] li')).toContainText('Put them in the front');
  await expectNoAxeViolations(presenter, 'presenter, the end');
  // The end screen in Polish, at both sizes.
  const polishProjector = await presenter.context().newPage();
  await polishProjector.setViewportSize({ width: 1920, height: 1080 });
  await polishProjector.goto(`/pl/teach/sessions/${session.id}/projector`);
  await expect(polishProjector.getByRole('heading', { level: 3, ...exact(plTeach.projector.sureHeading) })).toBeVisible();
  await expectNoAxeViolations(polishProjector, 'projector in Polish, the end screen');
  await shoot(polishProjector, 'end-pl');
  await polishProjector.close();
  // H hides the code in the corner.
  await expect(projector.locator('.pj__corner')).toBeVisible();
  await presenter.keyboard.press('h');
  await expect(projector.locator('.pj__corner')).toHaveCount(0);
  await presenter.screenshot({ path: `${SHOTS}/presenter-end-1366x768.png` });

  // The end of the session: the phones say so, the projector keeps the discussion up.
  await presenter.getByRole('button', exact(live.end)).click();
  await presenter.getByRole('button', exact(live.endConfirm)).click();
  await expect(ann.getByRole('heading', { level: 1, ...exact(sessionMessages.ended.title) })).toBeVisible();
  await expect(projector.getByText(pj.ended)).toBeVisible();
  await expect(projector.locator('.pj-end__list').first().locator('.pj-discuss li').nth(2)).toContainText('Lung infections');
  await expect(projector.locator('[data-list="wrong-but-sure"] li')).toHaveCount(1);
});
