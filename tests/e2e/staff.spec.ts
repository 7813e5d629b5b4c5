import { expect, expectNoAxeViolations, test } from './support/fixtures';
import {
  administrator as admin,
  completeSetup,
  defaultSetupLinkFile,
  readSetupLink,
  signOut,
  staffMessages,
} from './support/staff';

/**
 * Staff accounts from the first start: this file runs before every other (the `staff` project
 * in playwright.config.ts), so it is the one that spends the setup link; the rest sign in as
 * the administrator it creates. Every other test waits for this file, so it holds only what
 * must come first; organisations and invites through their screens are in
 * staff-accounts.spec.ts, which runs beside the rest.
 */
test.describe.configure({ mode: 'serial' });

test('setup form errors, then the first administrator', async ({ page }) => {
  const link = await readSetupLink(defaultSetupLinkFile());
  await page.goto(new URL(link).pathname);
  await expectNoAxeViolations(page, 'setup');
  const m = staffMessages['en-GB'];
  await page.getByRole('button', { name: m.setup.submit, exact: true }).click();
  const summary = page.getByRole('alert', { name: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([m.formErrors.displayNameMissing, m.formErrors.emailMissing, m.formErrors.newPasswordMissing]);
  await expectNoAxeViolations(page, 'setup errors');
  await page.getByLabel(m.fields.displayName, { exact: true }).fill('Ada');
  await page.getByLabel(m.fields.email, { exact: true }).fill('not an email');
  await page.getByLabel(m.fields.password, { exact: true }).fill('short');
  await page.getByRole('button', { name: m.setup.submit, exact: true }).click();
  await expect(summary.getByRole('link')).toHaveText([m.formErrors.emailInvalid, m.formErrors.passwordTooShort]);
  await expect(page.getByLabel(m.fields.displayName, { exact: true })).toHaveValue('Ada');
  await expect(page.getByLabel(m.fields.email, { exact: true })).toHaveValue('not an email');
  await expect(page.getByLabel(m.fields.email, { exact: true })).toHaveAttribute('aria-describedby', 'email-hint email-error');
  await summary.getByRole('link', { name: m.formErrors.emailInvalid }).click();
  await expect(page.getByLabel(m.fields.email, { exact: true })).toBeFocused();
  await page.getByLabel(m.fields.password, { exact: true }).fill('long enough password');
  await page.getByLabel(m.fields.confirmPassword, { exact: true }).fill('long enough passwort');
  await page.getByLabel(m.fields.email, { exact: true }).fill(admin.email);
  await page.getByRole('button', { name: m.setup.submit, exact: true }).click();
  await expect(summary.getByRole('link')).toHaveText([m.formErrors.confirmPasswordMismatch]);

  await completeSetup(page, link, admin);
  await expectNoAxeViolations(page, 'admin');
  // The link is spent.
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole('heading', { level: 1, name: m.setup.invalidTitle })).toBeVisible();
});

test('sign-in errors, rate limit, next and sign-out', async ({ page }) => {
  const m = staffMessages['en-GB'];
  await page.goto('/en-GB/admin/people');
  await expect(page).toHaveURL(/\/en-GB\/staff\/sign-in\?next=%2Fadmin%2Fpeople$/);
  await expectNoAxeViolations(page, 'sign-in');
  await page.getByLabel(m.fields.email, { exact: true }).fill(`${admin.email.toUpperCase()} `);
  await page.getByLabel(m.fields.password, { exact: true }).fill('wrong password');
  await page.getByRole('button', { name: m.signIn.submit, exact: true }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toBeFocused();
  await expect(page.getByRole('alert', { name: 'There is a problem' }).getByRole('link')).toHaveText([m.formErrors.wrongCredentials]);
  await expect(page.getByLabel(m.fields.password, { exact: true })).toHaveValue('');
  await page.getByLabel(m.fields.email, { exact: true }).fill('nobody@council.example');
  await page.getByLabel(m.fields.password, { exact: true }).fill('wrong password');
  await page.getByRole('button', { name: m.signIn.submit, exact: true }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toBeFocused();
  await expect(page.getByRole('alert', { name: 'There is a problem' }).getByRole('link')).toHaveText([m.formErrors.wrongCredentials]);
  await page.getByLabel(m.fields.email, { exact: true }).fill(admin.email);
  await page.getByLabel(m.fields.password, { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: m.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL(/\/en-GB\/admin\/people$/);
  await signOut(page);
  await page.goto('/en-GB/admin');
  await expect(page).toHaveURL(/sign-in\?next=%2Fadmin$/);

  for (let i = 0; i < 5; i += 1) {
    await page.getByLabel(m.fields.email, { exact: true }).fill('tia@riverside.example');
    await page.getByLabel(m.fields.password, { exact: true }).fill(`wrong ${i}`);
    await page.getByRole('button', { name: m.signIn.submit, exact: true }).click();
    await expect(page.getByRole('alert', { name: 'There is a problem' })).toBeFocused();
    await expect(page.getByRole('alert', { name: 'There is a problem' }).getByRole('link')).toHaveText([m.formErrors.wrongCredentials]);
  }
  await page.getByLabel(m.fields.password, { exact: true }).fill('teacher passphrase 1');
  await page.getByRole('button', { name: m.signIn.submit, exact: true }).click();
  // Five failures from this browser's address: the next try comes back 3 minutes after the first.
  await expect(page.getByRole('alert', { name: 'There is a problem' }).getByRole('link')).toHaveText([
    /^Too many attempts to sign in\. Try again in [23] minutes\.$/,
  ]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('signing in works as a plain form post', async ({ page }) => {
    const m = staffMessages['en-GB'];
    await page.goto('/en-GB/staff/sign-in');
    await page.getByLabel(m.fields.email, { exact: true }).fill(admin.email);
    await page.getByLabel(m.fields.password, { exact: true }).fill('nope nope nope');
    await page.getByRole('button', { name: m.signIn.submit, exact: true }).click();
    await expect(page.getByRole('alert', { name: 'There is a problem' }).getByRole('link')).toHaveText([m.formErrors.wrongCredentials]);
    await expect(page.getByLabel(m.fields.email, { exact: true })).toHaveValue(admin.email);
    await page.getByLabel(m.fields.password, { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: m.signIn.submit, exact: true }).click();
    await expect(page.getByRole('navigation', { name: m.nav.label })).toBeVisible();
    await page.goto('/en-GB/admin/organisations');
    await page.getByLabel('Name', { exact: true }).fill('Avon Academy');
    await page.getByRole('radio', { name: 'School', exact: true }).check();
    await page.getByLabel('Area', { exact: true }).fill('Bristol');
    await page.getByRole('button', { name: 'Add organisation' }).click();
    await expect(page.getByText('Avon Academy has been added.')).toBeVisible();
    await page.getByRole('button', { name: m.nav.signOut }).click();
    await expect(page).toHaveURL(/signedOut=1$/);
  });
});
