import { seriousViolations, signInWithTokens } from './support';
import { expect, test } from './support/fixtures';

test.describe('premium', () => {
  test('subscribe with the demo provider, see premium active with its allowance, and no ads', async ({
    page,
    user,
  }) => {
    await signInWithTokens(page, user.auth, '/premium');
    await expect(page.getByRole('heading', { level: 1, name: 'Premium' })).toBeVisible();
    await expect(page.getByTestId('premium-status')).toContainText('free plan');
    await expect(page.getByTestId('plan-card')).toHaveCount(2);
    expect(await seriousViolations(page, 'premium page')).toEqual([]);

    const monthly = page.getByRole('region', { name: 'Premium monthly' });
    await monthly.getByRole('button', { name: 'Subscribe' }).click();

    await expect(page).toHaveURL(/\/premium\/checkout\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
    await expect(page.getByText('Demo payment', { exact: true })).toBeVisible();
    expect(await seriousViolations(page, 'checkout page')).toEqual([]);
    await page.getByRole('button', { name: /^Pay / }).click();

    await expect(page).toHaveURL(/\/premium\?paid=1$/);
    await expect(page.getByText('Your payment went through and premium is active.')).toBeVisible();
    await expect(page.getByTestId('premium-status')).toContainText('Premium is active until');
    await expect(page.getByTestId('balance')).toHaveAccessibleName('Balance: 305 credits');

    await page.goto('/credits');
    await expect(page.getByText('Premium accounts are ad-free: you get the premium allowance instead.')).toBeVisible();
    await expect(page.getByTestId('ledger-row').first()).toHaveAttribute('data-kind', 'premium_allowance');
  });

  test('leaderboard: switch boards and periods', async ({ page, user }) => {
    await signInWithTokens(page, user.auth, '/leaderboard');
    await expect(page.getByRole('heading', { level: 1, name: 'Leaderboard' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Top referrers · this week' })).toBeVisible();
    expect(await seriousViolations(page, 'leaderboard page')).toEqual([]);
    await page.getByText('Top creators', { exact: true }).click();
    await page.getByText('All time', { exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Top creators · all time' })).toBeVisible();
    await expect(page).toHaveURL(/board=creators/);
  });
});
