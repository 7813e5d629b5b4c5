import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { acceptInvite, administrator as admin, adminMessages, createOrganisation, inviteStaff, signIn, signOut, staffMessages } from './support/staff';

/**
 * Staff accounts through their screens: an administrator adds an organisation and invites a
 * teacher and an officer, who accept; signing in, its errors, its rate limit and signing out,
 * with and without JavaScript. They need only the first administrator (staff.spec.ts, which every
 * test waits for), so they run in the phone project beside the other tests instead of holding
 * them all up. Their failed sign-ins and the other tests' (authorisation.spec.ts) stay under the
 * limit per address (20 in 15 minutes, lib/server/rate-limit.ts) in any order. Its organisation and accounts are its own: no other test uses "Riverside College"
 * without a suffix, tia@riverside.example or olu@council.example (staff.spec.ts's rate-limit test
 * uses tia's address only for wrong passwords, which count whether or not the account exists yet).
 */

test('organisations, invites, teacher', async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password, { next: '/admin' });
  await page.goto('/en-GB/admin/organisations');
  await expectNoAxeViolations(page, 'organisations');
  const a = adminMessages['en-GB'];
  await page.getByRole('button', { name: a.organisations.submit }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' }).getByRole('link')).toHaveText([
    staffMessages['en-GB'].formErrors.organisationNameMissing,
    staffMessages['en-GB'].formErrors.kindMissing,
    staffMessages['en-GB'].formErrors.areaMissing,
  ]);
  await expectNoAxeViolations(page, 'organisations errors');
  await createOrganisation(page, { name: 'Riverside College', kind: 'college', area: 'North Somerset' });
  await page.goto('/en-GB/admin/organisations');
  await page.getByLabel(a.organisations.name, { exact: true }).fill('riverside college');
  await page.getByRole('radio', { name: 'School', exact: true }).check();
  await page.getByLabel(a.organisations.area, { exact: true }).fill('Bath');
  await page.getByRole('button', { name: a.organisations.submit }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' }).getByRole('link')).toHaveText([staffMessages['en-GB'].formErrors.organisationNameTaken]);
  await expect(page.getByRole('radio', { name: 'School', exact: true })).toBeChecked();

  await page.goto('/en-GB/admin/invites');
  await expectNoAxeViolations(page, 'invites');
  await page.getByRole('radio', { name: 'Teacher', exact: true }).check();
  await page.getByRole('button', { name: a.invites.submit }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' }).getByRole('link')).toHaveText([staffMessages['en-GB'].formErrors.organisationMissing]);

  const teacherLink = await inviteStaff(page, { role: 'teacher', organisation: 'Riverside College' });
  await expectNoAxeViolations(page, 'invite created');
  await page.getByRole('button', { name: a.invites.copy }).click();
  await expect(page.getByRole('status').filter({ hasText: /copied|Couldn't copy/ })).toBeVisible();
  await expect(page.getByText('Teacher, Riverside College')).toBeVisible();
  const officerLink = await inviteStaff(page, { role: 'officer' }, { locale: 'pl' });

  const context = await browser.newContext();
  const teacherPage = await context.newPage();
  await acceptInvite(teacherPage, teacherLink, { name: 'Tia Teacher', email: 'tia@riverside.example', password: 'teacher passphrase 1' });
  await teacherPage.goto('/en-GB/admin');
  await expect(teacherPage.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await teacherPage.goto(new URL(teacherLink).pathname);
  await expect(teacherPage.getByRole('heading', { level: 1, name: staffMessages['en-GB'].invite.invalidTitle })).toBeVisible();
  await signOut(teacherPage);

  const officerPage = await context.newPage();
  await officerPage.goto(new URL(officerLink).pathname);
  await expectNoAxeViolations(officerPage, 'invite pl');
  await acceptInvite(officerPage, officerLink, { name: 'Olu Officer', email: 'olu@council.example', password: 'officer passphrase 1' });
  await officerPage.goto('/pl/admin');
  await expectNoAxeViolations(officerPage, 'admin officer pl');
  await officerPage.goto('/pl/admin/invites');
  await expect(officerPage.getByRole('radio')).toHaveCount(0);
  await expectNoAxeViolations(officerPage, 'invites officer pl');
  await officerPage.goto('/pl/admin/people');
  await expect(officerPage.getByRole('heading', { level: 1 })).not.toHaveText(adminMessages.pl.people.heading);
  await context.close();

  await page.goto('/en-GB/admin/people');
  await expect(page.getByText('tia@riverside.example')).toBeVisible();
  await expectNoAxeViolations(page, 'people');
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
