import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { structure } from './support/content';
import { currentStep, deviceState, driveJourney, messages } from './support/journey';
import { seedJourney } from './support/seed';

const m = messages('en-GB');
const exact = (name: string) => ({ name, exact: true });
const moduleText = JSON.parse(readFileSync(path.join(process.cwd(), 'content/modules/roads-kill/en-GB.json'), 'utf8')) as {
  items: Record<string, { prompt: string } | undefined>;
};

/** Every visible link, button and disclosure on the page smaller than 44 × 44 CSS pixels to tap. */
async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('a[href], button, summary')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        // The skip link waits above the page until it has focus.
        return box.width > 0 && box.height > 0 && box.bottom > 0 && getComputedStyle(el).visibility !== 'hidden';
      })
      .map((el) => {
        const box = el.getBoundingClientRect();
        return { name: `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`, width: box.width, height: box.height };
      })
      .filter((t) => t.width < 44 || t.height < 44)
      .map((t) => `${t.name} ${Math.round(t.width)}×${Math.round(t.height)}`),
  );
}

async function expectTapTargets(page: Page, screen: string): Promise<void> {
  expect(await smallTapTargets(page), `tap targets under 44 px on the ${screen} screen`).toEqual([]);
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Request bodies and addresses the page sent, to prove what never left the phone. */
function recordRequests(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => sent.push(`${request.method()} ${request.url()}\n${request.postData() ?? ''}`));
  return sent;
}

const OWN_IF = 'my cousin texts from the car park at midnight';
const OWN_THEN = 'I will ring my aunt for a lift instead';

test('the plan card saves as PNG and PDF made on the phone, the own plan is never sent, and Start again asks first', async ({ page }, testInfo) => {
  test.setTimeout(360_000);
  const sent = recordRequests(page);
  await page.goto('/en-GB/learn');
  const measured = new Set<string>();
  await expect(page.getByRole('button', exact(m.intro.start))).toBeVisible();
  await expectTapTargets(page, 'intro');
  measured.add('intro');
  // From the last story of the core: a story, the quiz, the plan, the after wave, then finish.
  const lastCoreStory = structure.scenarios.filter((s) => s.depth !== 'deeper').at(-1)?.id;
  await seedJourney(page, { stopAt: (step) => step.kind === 'scenario' && step.scenarioId === lastCoreStory });
  await driveJourney({
    page,
    locale: 'en-GB',
    mode: 'pointer',
    deeper: false,
    onScreen: async (p, kind) => {
      if (['intro', 'item', 'scenario', 'plan'].includes(kind) && !measured.has(kind)) {
        measured.add(kind);
        await expectTapTargets(p, kind);
      }
      if (kind === 'plan') {
        await p.getByLabel(m.plan.ownIf, { exact: true }).fill(OWN_IF);
        await p.getByLabel(m.plan.ownThen, { exact: true }).fill(OWN_THEN);
      }
    },
  });
  expect([...measured].sort()).toEqual(['intro', 'item', 'plan', 'scenario']);

  // The summary: the plan card with the own plan on it, saved on the phone.
  await expect(page.getByRole('heading', { level: 2, ...exact(m.summary.takeAway) })).toBeVisible();
  const card = page.getByRole('region', exact(m.planCard.cardTitle));
  await expect(card).toContainText(OWN_IF);
  await expect(card).toContainText(OWN_THEN);
  await expectNoAxeViolations(page, 'summary');
  await expectTapTargets(page, 'summary');
  await page.screenshot({ path: testInfo.outputPath('summary.png'), fullPage: true });
  // About one and a half 740 px phone screens from the heading to Start again, with a plan of two
  // (the header and progress bar above are the app's, on every screen).
  const headingTop = (await page.getByRole('heading', { level: 1 }).boundingBox())?.y ?? 0;
  const startAgainBox = await page.getByRole('button', exact(m.summary.startAgain)).boundingBox();
  const summaryHeight = (startAgainBox ? startAgainBox.y + startAgainBox.height : Infinity) - headingTop;
  console.log(`summary: ${Math.round(summaryHeight)} px from heading to Start again`);
  expect(summaryHeight).toBeLessThanOrEqual(1.5 * 740);

  const [png] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', exact(m.planCard.savePng)).click()]);
  expect(png.suggestedFilename()).toBe(`${m.planCard.fileName}.png`);
  const pngBytes = readFileSync(await png.path());
  expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // The PNG header's width and height: the 1080 × 1350 card.
  expect([pngBytes.readUInt32BE(16), pngBytes.readUInt32BE(20)]).toEqual([1080, 1350]);
  expect(pngBytes.length).toBeGreaterThan(20_000);
  await expect(card.getByRole('status')).toHaveText(m.planCard.savedPng);
  await png.saveAs(testInfo.outputPath('plan-card.png'));

  const [pdf] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', exact(m.planCard.savePdf)).click()]);
  expect(pdf.suggestedFilename()).toBe(`${m.planCard.fileName}.pdf`);
  const pdfBytes = readFileSync(await pdf.path());
  expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdfBytes.subarray(-6).toString('latin1')).toBe('%%EOF\n');
  expect(pdfBytes.toString('latin1')).toContain('/Filter /DCTDecode');
  expect(pdfBytes.length).toBeGreaterThan(20_000);
  await expect(card.getByRole('status')).toHaveText(m.planCard.savedPdf);

  // The plan answer was sent (so the requests were watched), and the own plan's words never were.
  expect(sent.some((r) => r.includes('"ownPlanCount":1'))).toBe(true);
  for (const words of [OWN_IF, OWN_THEN]) expect(sent.filter((r) => r.includes(words) || r.includes(encodeURIComponent(words)))).toEqual([]);

  // "Start again" asks first; Escape and Cancel keep everything.
  const startAgain = page.getByRole('button', exact(m.summary.startAgain));
  await startAgain.click();
  const dialog = page.getByRole('dialog', exact(m.summary.confirmHeading));
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', exact(m.summary.confirmNo))).toBeFocused();
  await expectNoAxeViolations(page, 'start-again dialog');
  await expectTapTargets(page, 'start-again dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(startAgain).toBeFocused();
  await startAgain.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', exact(m.summary.confirmNo)).click();
  await expect(dialog).toBeHidden();
  await expect(card).toContainText(OWN_THEN);
  const kept = await deviceState(page);
  expect(Object.keys(kept.answers).length).toBeGreaterThan(10);

  // The summary leads with a question answered wrongly while very sure, and its right answer.
  // A quiz question's answer (facts are answered with choices too, but are not questions).
  const key = Object.keys(kept.answers).find(
    (k) => k.startsWith('main:') && moduleText.items[k.slice('main:'.length)] !== undefined && (kept.answers[k] as { response: { kind: string } }).response.kind === 'choice',
  );
  expect(key).toBeDefined();
  await page.evaluate((k) => {
    const stored = JSON.parse(window.localStorage.getItem('rk:v1:roads-kill') ?? '{}') as { answers: Record<string, { response: { optionIds: string[] }; confidence?: number }> };
    const answer = stored.answers[k];
    if (!answer) throw new Error(`no answer ${k}`);
    answer.response.optionIds = [];
    answer.confidence = 3;
    window.localStorage.setItem('rk:v1:roads-kill', JSON.stringify(stored));
  }, key ?? '');
  await page.reload();
  const remember = page.getByRole('region', exact(m.summary.remember));
  await expect(remember).toBeVisible();
  await expect(remember).toContainText(moduleText.items[(key ?? '').slice('main:'.length)]?.prompt ?? 'missing prompt');
  await expect(remember).toContainText(m.summary.rightAnswer);
  await expectNoAxeViolations(page, 'summary with highlights');
  await page.screenshot({ path: testInfo.outputPath('summary-highlights.png'), fullPage: true });

  // Confirming clears this phone and goes back to the start.
  await page.getByRole('button', exact(m.summary.startAgain)).click();
  await page.getByRole('dialog').getByRole('button', exact(m.summary.confirmYes)).click();
  await expect(page.getByRole('button', exact(m.intro.start))).toBeVisible();
  expect(await page.evaluate(() => window.localStorage.getItem('rk:v1:roads-kill'))).toBeNull();
});

test('ordering questions reflow at 200% text and at 320 px, and a question and its feedback have 44 px tap targets', async ({ page }) => {
  test.setTimeout(240_000);
  // The first ordering question, in the deeper sections.
  const ordering = page.locator('ol.ordering');
  const firstOrdering = structure.items.find((item) => item.kind === 'ordering' && item.phases.includes('main'))?.id;
  await seedJourney(page, { deeper: true, stopAt: (step) => step.kind === 'item' && step.itemId === firstOrdering });
  await expect(ordering).toBeVisible();
  expect((await currentStep(page)).kind).toBe('item');

  /** Each row keeps its arrows inside it, its words at least a short word wide, and moving works. */
  const checkRows = async (setting: string) => {
    expect(await horizontalOverflow(page), `sideways scrolling at ${setting}`).toBeLessThanOrEqual(0);
    const rows = await ordering.locator('li').evaluateAll((lis) =>
      lis.map((li) => {
        const row = li.getBoundingClientRect();
        const label = li.querySelector('.ordering__label')?.getBoundingClientRect();
        const buttons = [...li.querySelectorAll('button')].map((b) => b.getBoundingClientRect());
        return {
          labelWidth: label?.width ?? 0,
          buttonsInside: buttons.every((b) => b.left >= row.left && b.right <= row.right && b.top >= row.top && b.bottom <= row.bottom),
          buttonsAtLeast44: buttons.every((b) => b.width >= 44 && b.height >= 44),
          rowWidth: row.width,
        };
      }),
    );
    for (const row of rows) {
      expect(row.buttonsInside, `arrows inside their row at ${setting}`).toBe(true);
      expect(row.buttonsAtLeast44, `arrows at least 44 px at ${setting}`).toBe(true);
      // A label squeezed beside the arrows shows a letter or two a line; given the row, it reads.
      expect(row.labelWidth, `label width at ${setting}`).toBeGreaterThan(row.rowWidth * 0.6);
    }
    const first = await ordering.locator('.ordering__label').first().textContent();
    await ordering.locator('li').first().getByRole('button').nth(1).click();
    await expect(ordering.locator('.ordering__label').nth(1)).toHaveText(first ?? '');
    await ordering.locator('li').nth(1).getByRole('button').first().click();
    await expect(ordering.locator('.ordering__label').first()).toHaveText(first ?? '');
  };

  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  await checkRows('200% text');
  await expectNoAxeViolations(page, 'ordering at 200% text');
  await page.evaluate(() => (document.documentElement.style.fontSize = ''));
  await page.setViewportSize({ width: 320, height: 640 });
  await checkRows('320 px');
  await expectTapTargets(page, 'ordering question at 320 px');

  await ordering.locator('li').first().getByRole('button').nth(1).click();
  const sure = page.getByRole('radio', exact(m.confidence.level['3']));
  if (await sure.isVisible()) await sure.check();
  await page.getByRole('button', exact(m.item.check)).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`${m.feedback.correct}|${m.feedback.notQuite}`) })).toBeVisible();
  await expectTapTargets(page, 'feedback');
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
});

test('the manifest, icons and favicon answer 200 with their types, linked from every page', async ({ page, request }) => {
  const manifestResponse = await request.get('/manifest.webmanifest');
  expect(manifestResponse.status()).toBe(200);
  expect(manifestResponse.headers()['content-type']).toMatch(/^application\/manifest\+json/);
  const manifest = (await manifestResponse.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    theme_color: string;
    background_color: string;
    icons: { src: string; sizes: string; type: string; purpose: string }[];
  };
  expect(manifest).toMatchObject({ name: 'Roads Kill – take control', short_name: 'Roads Kill', start_url: '/', theme_color: '#12263a' });
  expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  for (const icon of manifest.icons) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()['content-type'], icon.src).toBe(icon.type);
  }
  const favicon = await request.get('/favicon.ico');
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);

  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  for (const address of ['/en-GB', '/en-GB/learn', '/pl/learn', '/en-GB/support', '/pl/privacy']) {
    await page.goto(address);
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', /manifest\.webmanifest/);
    const icons = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((l) => [(l as HTMLLinkElement).href, l.getAttribute('type') ?? '']));
    expect(icons.length, `icons linked on ${address}`).toBeGreaterThan(0);
    for (const [href, type] of icons) {
      const response = await request.get(href ?? '');
      expect(response.status(), href).toBe(200);
      expect(response.headers()['content-type'], href).toBe(type);
    }
    await page.waitForLoadState('load');
    expect(failed, `failed requests by ${address}`).toEqual([]);
  }
});
