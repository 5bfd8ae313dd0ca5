import { expect, test } from '@playwright/test';
import {
  BALANCE_NAME,
  loginAsAdmin,
  loginViaUi,
  logoutViaUi,
  newUser,
  registerViaApi,
  registerViaUi,
  signInWithTokens,
} from './support';

test.describe('authentication journey', () => {
  test('register, see the balance, log out, log in, see it again', async ({ page }) => {
    const user = newUser({ displayName: 'E2E Tester' });

    await registerViaUi(page, user);
    const balance = page.getByTestId('balance');
    await expect(balance).toHaveAccessibleName(BALANCE_NAME);
    const balanceAfterRegister = await balance.getAttribute('aria-label');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Tools' })).toBeVisible();
    // Admin is for admins only.
    await expect(page.getByRole('link', { name: 'Admin' })).toHaveCount(0);

    await logoutViaUi(page);
    await expect(page.getByTestId('balance')).toHaveCount(0);
    // Signed out, a guarded page sends us to the login form.
    await page.goto('/credits');
    await expect(page).toHaveURL(/\/login\?next=%2Fcredits$/);

    await loginViaUi(page, user, { goto: false });
    // …and back to the page we wanted.
    await expect(page).toHaveURL(/\/credits$/);
    await expect(page.getByTestId('balance')).toHaveAccessibleName(balanceAfterRegister ?? BALANCE_NAME);

    // A reload keeps the session: the access token is gone from memory, the refresh token brings it back.
    await page.reload();
    await expect(page.getByTestId('balance')).toHaveAccessibleName(BALANCE_NAME);
  });

  test('the API field errors land on the right input', async ({ page, request }) => {
    const user = newUser();
    const first = await request.post('/api/v1/auth/register', { data: { email: user.email, password: user.password } });
    expect(first.status()).toBe(201);

    await page.goto('/register');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(user.email.toUpperCase());
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    // Same email in another case → 409, shown under the email input.
    await expect(page.getByRole('textbox', { name: 'Email', exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('balance')).toHaveCount(0);
  });

  test('a wrong password is refused without saying which part was wrong', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('nobody-here@megicai.test');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);
  });

  test('a referral link fills in the code', async ({ page }) => {
    await page.goto('/register?ref=FRIEND42');
    await expect(page.getByLabel('Referral code')).toHaveValue('FRIEND42');
  });

  test('only admins see the Admin page', async ({ page, request }) => {
    const user = await registerViaApi(request);
    await signInWithTokens(page, user.auth, '/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
    await logoutViaUi(page);

    await loginAsAdmin(page);
    await page.getByRole('banner').getByRole('link', { name: 'Admin' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
    await expect(page).toHaveTitle('Admin · MegicAI');
  });
});
