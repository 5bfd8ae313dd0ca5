import { seriousViolations, signInWithTokens } from './support';
import { expect, test } from './support/fixtures';

test.describe('payments', () => {
  test('buy a credit pack through the demo provider and see the balance rise', async ({ page, user }) => {
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
});
