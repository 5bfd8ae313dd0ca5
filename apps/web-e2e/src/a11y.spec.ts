import { expect, test } from '@playwright/test';
import { registerViaApi, seriousViolations, signInWithTokens } from './support';

// Both themes: contrast is checked against the colours people actually see.
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility (${colorScheme} theme)`, () => {
    test.use({ colorScheme });

    const publicPages = [
      { name: 'register', path: '/register', heading: 'Create an account' },
      { name: 'login', path: '/login', heading: 'Log in' },
      { name: 'home', path: '/', heading: 'Welcome to MegicAI' },
    ];

    for (const { name, path, heading } of publicPages) {
      test(`${name} page has no serious or critical violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme);
        expect(await seriousViolations(page, `${name} (${colorScheme})`)).toEqual([]);
      });
    }

    test('home page signed in (header with balance and menus) has no serious or critical violations', async ({
      page,
      request,
    }) => {
      const user = await registerViaApi(request);
      await signInWithTokens(page, user.auth);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await seriousViolations(page, `home signed in (${colorScheme})`)).toEqual([]);
    });

    test('register form with errors shown has no serious or critical violations', async ({ page }) => {
      await page.goto('/register');
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page.getByRole('textbox', { name: 'Email', exact: true })).toHaveAttribute('aria-invalid', 'true');
      expect(await seriousViolations(page, `register errors (${colorScheme})`)).toEqual([]);
    });
  });
}
