import { API_V1, seriousViolations } from './support';
import { expect, test } from './support/fixtures';

test('create an API key on the Account page, copy it once, call /me with it, and revoke it', async ({
  userPage: page,
  user,
  context,
  request,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
  const card = page.getByRole('region', { name: 'API keys' });
  await expect(card.getByTestId('api-keys-empty')).toBeVisible();

  await card.getByRole('textbox', { name: 'Key name' }).fill('My integration');
  await card.getByRole('textbox', { name: 'Daily cap' }).fill('3');
  await card.getByRole('button', { name: 'Create key' }).click();

  const shown = card.getByTestId('new-api-key-value');
  await expect(shown).toHaveText(/^mgk_/);
  const key = (await shown.textContent())?.trim() ?? '';
  await card.getByRole('button', { name: 'Copy key' }).click();
  await expect(card.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  const row = card.getByTestId('api-key-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('My integration');
  await expect(row.getByTestId('api-key-last-used')).toHaveText('Never');
  await expect(row.getByTestId('api-key-spent')).toHaveText('0 credits of 3 credits');
  expect(await seriousViolations(page, 'account page with a new key')).toEqual([]);

  const me = await request.get(`${API_V1}/me`, { headers: { 'X-API-Key': key } });
  expect(me.status()).toBe(200);
  expect(((await me.json()) as { email: string }).email).toBe(user.email);

  // The key is shown once: after a reload only its prefix is left, with its last use.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('api-key-last-used')).not.toHaveText('Never', { timeout: 1000 });
  }).toPass();
  await expect(page.getByTestId('new-api-key')).toHaveCount(0);

  await page.getByRole('button', { name: 'Revoke My integration' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke API key' });
  await expect(dialog).toContainText('Revoke “My integration”');
  await dialog.getByRole('button', { name: 'Revoke key' }).click();
  await expect(page.getByTestId('api-keys-empty')).toBeVisible();
  expect((await request.get(`${API_V1}/me`, { headers: { 'X-API-Key': key } })).status()).toBe(401);
});

test('set a daily cap on the Account page and see the tool page warn before running', async ({ userPage: page }) => {
  await page.goto('/account');
  const card = page.getByRole('region', { name: 'Spending limits' });
  await expect(card.getByTestId('spent-today')).toHaveText('Spent today: 0 credits');
  await card.getByRole('textbox', { name: 'Daily cap' }).fill('0.5');
  await card.getByRole('button', { name: 'Save limits' }).click();
  await expect(card.getByRole('status')).toHaveText('Limits saved.');
  await expect(card.getByTestId('spent-today')).toHaveText('Spent today: 0 credits of 0.5 credits');

  // Chat costs 1 credit: more than the cap leaves, so the page says so before anything is sent.
  await page.goto('/tools/chat');
  await expect(page.getByRole('heading', { level: 1, name: 'Chat' })).toBeVisible();
  const warning = page.getByTestId('run-warning');
  await expect(warning).toHaveAttribute('data-reason', 'cap');
  await expect(warning).toContainText('This run would pass your daily spending cap: 0 credits of 0.5 credits spent');
  await expect(warning.getByTestId('cheaper-tools')).toContainText('Summarize for 0.5 credits');
  expect(await seriousViolations(page, 'tool page with a cap warning')).toEqual([]);

  // Sent anyway, the API refuses it with spend_cap_reached and nothing is charged.
  await page.getByRole('textbox', { name: 'Your question' }).fill('What is a spending cap?');
  await page.getByRole('button', { name: 'Run for 1 credit' }).click();
  await expect(page.getByTestId('spend-cap-reached')).toContainText('0 credits of 0.5 credits spent');
  await expect(page.getByTestId('balance')).toHaveAccessibleName('Balance: 5 credits');

  // The cheaper tool fits and carries no warning.
  await page.getByRole('link', { name: 'Summarize' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Summarize' })).toBeVisible();
  await expect(page.getByTestId('run-warning')).toHaveCount(0);
});

test.describe('account limits and keys in the dark theme, 390 px wide', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 390, height: 844 } });

  test('the Account cards and the cap warning have no serious or critical violations', async ({
    userPage: page,
    user,
    request,
  }) => {
    const headers = { Authorization: `Bearer ${user.auth.accessToken}` };
    expect((await request.put(`${API_V1}/me/limits`, { headers, data: { dailyCreditCap: 0.5 } })).status()).toBe(200);
    expect((await request.post(`${API_V1}/api-keys`, { headers, data: { name: 'CI' } })).status()).toBe(201);
    await page.goto('/account');
    await expect(page.getByTestId('api-key-row')).toHaveCount(1);
    await expect(page.getByRole('region', { name: 'Spending limits' }).getByTestId('spent-today')).toContainText(
      'of 0.5 credits',
    );
    expect(await seriousViolations(page, 'account page (dark, 390 px)')).toEqual([]);
    await page.goto('/tools/chat');
    await expect(page.getByTestId('run-warning')).toBeVisible();
    expect(await seriousViolations(page, 'cap warning (dark, 390 px)')).toEqual([]);
  });
});
