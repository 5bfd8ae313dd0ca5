import { loginAsAdmin, seriousViolations, signInWithTokens } from './support';
import { expect, test } from './support/fixtures';

test.describe('payments', () => {
  test('buy a credit pack through the demo provider and see the balance rise', async ({ page, user }) => {
    test.slow(); // axe on several pages: minutes on a busy 2-core machine
    await signInWithTokens(page, user.auth, '/credits');
    await expect(page.getByTestId('credits-balance')).toHaveText('5 credits');
    const shop = page.getByRole('region', { name: 'Buy credits' });
    await expect(shop.getByTestId('credit-pack')).toHaveCount(3);
    expect(await seriousViolations(page, 'credits page with packs')).toEqual([]);

    await shop.getByRole('button', { name: 'Buy 100 credits for $1.99' }).click();
    await expect(page).toHaveURL(/\/premium\/checkout\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 2, name: '100 credits pack' })).toBeVisible();
    expect(await seriousViolations(page, 'pack checkout page')).toEqual([]);
    await page.getByRole('button', { name: 'Pay $1.99' }).click();

    await expect(page).toHaveURL(/\/credits\?purchased=1$/);
    await expect(page.getByTestId('purchase-done')).toBeVisible();
    await expect(page.getByTestId('credits-balance')).toHaveText('105 credits');
    await expect(page.getByTestId('balance')).toHaveAccessibleName('Balance: 105 credits');
    await expect(page.getByTestId('ledger-row').first()).toHaveAttribute('data-kind', 'purchase');
  });

  test('a subscriber opens "Manage subscription" (the demo portal)', async ({ page, user }) => {
    await signInWithTokens(page, user.auth, '/premium');
    await expect(page.getByRole('button', { name: 'Manage subscription' })).toHaveCount(0);
    await page.getByRole('region', { name: 'Premium monthly' }).getByRole('button', { name: 'Subscribe' }).click();
    await page.getByRole('button', { name: /^Pay / }).click();
    await expect(page).toHaveURL(/\/premium\?paid=1$/);

    await page.getByRole('button', { name: 'Manage subscription' }).click();
    await expect(page).toHaveURL(/\/premium\/portal$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Manage subscription' })).toBeVisible();
    await expect(page.getByTestId('portal-status')).toContainText('Premium is paid until');
    expect(await seriousViolations(page, 'portal page')).toEqual([]);
  });

  // Last in this file (its tests run in order): the pack it adds is withdrawn again before it ends.
  test('an admin adds a credit pack and takes it off sale', async ({ page }) => {
    await loginAsAdmin(page);
    await page.goto('/admin/credit-packs');
    await expect(page.getByRole('heading', { level: 1, name: 'Credit packs' })).toBeVisible();
    const rows = page.getByTestId('admin-pack-row');
    await expect(rows).toHaveCount(4); // three seeded packs and the row to add one
    expect(await seriousViolations(page, 'admin credit packs page')).toEqual([]);

    await page.getByRole('textbox', { name: 'Credits of a new pack' }).fill('7777');
    await page.getByRole('textbox', { name: 'Price of a new pack' }).fill('77.77');
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(rows).toHaveCount(5);
    const added = rows.filter({ has: page.locator('input[value="7,777"], input[value="7777"]') });
    await expect(added).toHaveCount(1);
    await added.getByRole('checkbox').uncheck();
    await added.getByRole('button', { name: 'Save' }).click();
    await expect(added.getByRole('checkbox')).not.toBeChecked();
    await expect(added.getByRole('button', { name: 'Save' })).toBeDisabled();
  });
});
