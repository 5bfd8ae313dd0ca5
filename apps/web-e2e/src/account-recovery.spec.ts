import { expect, test } from '@playwright/test';
import { linkIn, loginViaUi, newUser, registerViaApi, seriousViolations, waitForMail } from './support';

test.describe('account recovery journey', () => {
  test('forgot password → the mailed link → a new password → log in with it', async ({ page, request }) => {
    // A long journey (several argon2 hashes, a mail round trip): more than the default 30 s on a busy machine.
    test.slow();
    const user = await registerViaApi(request, newUser());

    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    expect(await seriousViolations(page, 'forgot password')).toEqual([]);
    await page.getByRole('textbox', { name: 'Email' }).fill(user.email);
    await page.getByRole('button', { name: 'Send me a reset link' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Check your mailbox' })).toBeVisible();

    const mail = await waitForMail(user.email, /Reset your password/);
    await page.goto(linkIn(mail, '/reset-password'));
    const newPassword = 'a fresh e2e passphrase';
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill(newPassword);
    await page.getByRole('textbox', { name: 'Repeat the new password' }).fill(newPassword);
    expect(await seriousViolations(page, 'reset password')).toEqual([]);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Password changed' })).toBeVisible();

    // The old password no longer works; the new one does.
    await page.getByRole('link', { name: 'Log in' }).last().click();
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(user.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert', { name: 'Please check the form' })).toBeVisible();
    await loginViaUi(page, { email: user.email, password: newPassword });

    // The same link a second time is refused.
    await page.goto(linkIn(mail, '/reset-password'));
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill('another passphrase');
    await page.getByRole('textbox', { name: 'Repeat the new password' }).fill('another passphrase');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect(page.getByRole('alert', { name: 'This link does not work' })).toBeVisible();
  });

  test('the verification link from the registration mail clears the banner', async ({ page, request }) => {
    const user = await registerViaApi(request, newUser());
    await loginViaUi(page, user);
    await expect(page.getByTestId('verify-email-banner')).toBeVisible();
    const mail = await waitForMail(user.email, /Confirm your email/);
    await page.goto(linkIn(mail, '/verify-email'));
    await expect(page.getByRole('status').filter({ hasText: 'Email verified' })).toBeVisible();
    await expect(page.getByTestId('verify-email-banner')).toHaveCount(0);
  });
});
