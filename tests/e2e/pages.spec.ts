import { expect, expectNoAxeViolations, test } from './support/fixtures';

for (const locale of ['en-GB', 'pl'] as const) {
  test(`home, support and privacy pages in ${locale} are axe-clean and translated`, async ({ page }) => {
    for (const path of ['', '/support', '/privacy']) {
      await page.goto(`/${locale}${path}`);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page, `${locale}${path || '/'}`);
    }
  });
}

test('the support page lists the shipped contacts with phone and text links big enough to tap', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/en-GB/support');
  const childline = page.getByRole('link', { name: /0800 1111/ });
  await expect(childline).toHaveAttribute('href', 'tel:08001111');
  await expect(page.getByRole('link', { name: /116 123/ })).toHaveAttribute('href', 'tel:116123');
  const shout = page.getByRole('link', { name: 'Text SHOUT to 85258 (Shout)' });
  await expect(shout).toHaveAttribute('href', 'sms:85258?&body=SHOUT');
  await expect(page.getByRole('link', { name: 'Visit the Shout website' })).toHaveAttribute('href', 'https://giveusashout.org');
  for (const link of [childline, shout]) {
    const box = await link.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
  }
});

test('the language switch keeps the page and changes the language', async ({ page }) => {
  await page.goto('/en-GB/support');
  await page.getByRole('link', { name: 'Polski' }).click();
  await expect(page).toHaveURL(/\/pl\/support$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
});

test('the bare address sends a visitor to a language', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/(en-GB|pl)$/);
});

test('every page carries a nonce-based Content-Security-Policy', async ({ page }) => {
  const response = await page.goto('/en-GB/learn');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
    expect(csp).toContain(directive);
  }
  // The headers SECURITY.md lists ("Headers, cookies and passwords").
  const headers = response?.headers() ?? {};
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['strict-transport-security']).toMatch(/max-age=63072000/);
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['x-powered-by']).toBeUndefined();
  // A fresh nonce per request.
  const again = (await page.goto('/en-GB/learn'))?.headers()['content-security-policy'] ?? '';
  expect(again.match(/'nonce-([^']+)'/)?.[1]).not.toBe(csp.match(/'nonce-([^']+)'/)?.[1]);
});

test('the module text is the same for everyone: cached for a year, with no cookie set', async ({ playwright, baseURL }) => {
  // A fresh client with no locale cookie, as a shared cache in front of the app would be.
  const client = await playwright.request.newContext({ baseURL });
  try {
    // An old or made-up version leads to the current one.
    const response = await client.get('/pl/learn/content/not-a-version');
    expect(response.status()).toBe(200);
    expect(response.url()).toMatch(/\/pl\/learn\/content\/[^/]+$/);
    expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers()['set-cookie']).toBeUndefined();
    expect(((await response.json()) as { version: string }).version).toBe(decodeURIComponent(response.url().split('/').at(-1) ?? ''));
    // A page still sets the locale cookie: only the shared, immutable text goes without.
    const page = await client.get('/pl/support');
    expect(page.headers()['set-cookie']).toContain('NEXT_LOCALE=pl');
  } finally {
    await client.dispose();
  }
});

test('text at 200% still fits a 360-pixel screen without sideways scrolling', async ({ page }) => {
  await page.goto('/en-GB/learn');
  await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
  for (const name of ['Start', 'Continue']) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name, exact: true }).click();
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole('radio').first()).toBeVisible();
});
