import { expect, expectNoAxeViolations, test } from './support/fixtures';
import {
  administrator as admin,
  completeSetup,
  defaultSetupLinkFile,
  readSetupLink,
  staffMessages,
} from './support/staff';

/**
 * Staff accounts from the first start: this file runs before every other (the `staff` project
 * in playwright.config.ts), so it is the one that spends the setup link; the rest sign in as
 * the administrator it creates. Every other test waits for this file, so it holds only what
 * must come first: organisations, invites and signing in through their screens are in
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
