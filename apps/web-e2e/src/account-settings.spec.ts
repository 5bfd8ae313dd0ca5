import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { API_V1, newUser, registerViaApi, seriousViolations, signInWithTokens } from './support';

test.describe('account settings journey', () => {
  test('profile, password, data export and account deletion from the Account page', async ({ page, request }) => {
    // A long journey (several argon2 hashes, a mail round trip): more than the default 30 s on a busy machine.
    test.slow();
    const user = await registerViaApi(request, newUser({ displayName: 'Before' }));
    await signInWithTokens(page, user.auth, '/account');
    await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
    expect(await seriousViolations(page, 'account page')).toEqual([]);

    // Profile
    const profile = page.getByRole('form', { name: 'Profile' });
    await profile.getByRole('textbox', { name: 'Display name' }).fill('After');
    await profile.getByRole('button', { name: 'Save profile' }).click();
    await expect(profile.getByRole('status')).toHaveText('Saved');

    // Password: a wrong current one is named under its input; the right one changes it.
    const password = page.getByRole('form', { name: 'Change password' });
    const newPassword = 'an e2e changed passphrase';
    await password.getByRole('textbox', { name: 'Current password' }).fill('not my password');
    await password.getByRole('textbox', { name: 'New password' }).fill(newPassword);
    await password.getByRole('button', { name: 'Change password' }).click();
    await expect(password.getByText('wrong password')).toBeVisible();
    await password.getByRole('textbox', { name: 'Current password' }).fill(user.password);
    await password.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('Password changed. Every other session was signed out.')).toBeVisible();

    // Export: a JSON download with the profile in it.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download my data' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^megicai-export-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(exported.profile).toMatchObject({ email: user.email, displayName: 'After' });

    // Deletion, confirmed with the password: signed out, and that login no longer works.
    await page.getByRole('button', { name: 'Delete my account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
    await dialog.getByRole('textbox', { name: 'Password' }).fill(newPassword);
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('balance')).toHaveCount(0);
    const login = await request.post(`${API_V1}/auth/login`, { data: { email: user.email, password: newPassword } });
    expect(login.status()).toBe(401);
  });
});
