import { adminLoginViaApi, API_V1, loginAsAdmin, seriousViolations, signInWithTokens } from './support';
import { expect, test } from './support/fixtures';

test.describe('credits', () => {
  // The text tier is shortened for this journey (an admin change, audited) and put back afterwards.
  let originalSeconds: number | undefined;
  test.beforeAll(async ({ request }) => {
    const admin = await adminLoginViaApi(request);
    const headers = { Authorization: `Bearer ${admin.accessToken}` };
    const tier = await request.get(`${API_V1}/admin/ads/tiers/text`, { headers });
    expect(tier.status()).toBe(200);
    originalSeconds = ((await tier.json()) as { seconds: number }).seconds;
    const patched = await request.patch(`${API_V1}/admin/ads/tiers/text`, { headers, data: { seconds: 3 } });
    expect(patched.status(), await patched.text()).toBe(200);
  });
  test.afterAll(async ({ request }) => {
    if (originalSeconds === undefined) return;
    const admin = await adminLoginViaApi(request);
    await request.patch(`${API_V1}/admin/ads/tiers/text`, {
      headers: { Authorization: `Bearer ${admin.accessToken}` },
      data: { seconds: originalSeconds },
    });
  });

  test('watch a text ad and claim it, claim the daily reward, and be refused a second claim', async ({
    page,
    user,
  }) => {
    await signInWithTokens(page, user.auth, '/credits');
    await expect(page.getByRole('heading', { level: 1, name: 'Credits' })).toBeVisible();
    await expect(page.getByTestId('credits-balance')).toHaveText('5 credits');
    await expect(page.getByTestId('ledger-row')).toHaveCount(1);
    expect(await seriousViolations(page, 'credits page')).toEqual([]);

    // The ad: a countdown on the page, Claim only once it has run out.
    const panel = page.getByTestId('ad-offer-panel');
    await expect(panel).toHaveAttribute('data-tier', 'text');
    await expect(panel).toContainText('3 seconds to earn 5 credits');
    await panel.getByRole('button', { name: 'Watch the text ad' }).click();
    await expect(panel.getByTestId('ad-creative')).toBeVisible();
    await expect(panel.getByRole('progressbar', { name: 'Ad progress' })).toBeVisible();
    const claim = panel.getByRole('button', { name: 'Claim 5 credits' });
    await expect(claim).toBeDisabled();
    await expect(claim).toBeEnabled({ timeout: 10_000 });
    await claim.click();

    await expect(panel.getByTestId('ad-earned')).toHaveText('You earned 5 credits. Your balance is now 10 credits.');
    await expect(page.getByTestId('balance')).toHaveAccessibleName('Balance: 10 credits');
    await expect(page.getByTestId('credits-balance')).toHaveText('10 credits');
    await expect(page.getByTestId('credits-earned-today')).toHaveText('10 credits');
    const newest = page.getByTestId('ledger-row').first();
    await expect(newest).toHaveAttribute('data-kind', 'ad_reward');
    await expect(newest).toContainText('Ad reward');
    await expect(newest).toContainText('+5');

    // The daily reward: once per UTC day.
    await page.getByRole('button', { name: 'Claim daily reward' }).click();
    await expect(page.getByTestId('daily-reward-result')).toHaveText('You got 2 credits. Streak: 1 day.');
    await expect(page.getByTestId('balance')).toHaveAccessibleName('Balance: 12 credits');
    await expect(page.getByTestId('ledger-row').first()).toHaveAttribute('data-kind', 'daily_reward');

    // After a reload the card knows from the API that today's reward is taken, and says when the next one is.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Claimed today' })).toBeDisabled();
    await expect(page.getByTestId('daily-reward-next')).toContainText('Your next reward is ready');
    await expect(page.getByTestId('balance')).toHaveAccessibleName('Balance: 12 credits');
    await expect(page.getByTestId('ledger-row')).toHaveCount(3);
  });

  test('shows the referral link with a copy button', async ({ userPage: page, user }) => {
    await page.goto('/credits');
    const link = page.getByRole('textbox', { name: 'Your referral link' });
    await expect(link).toHaveValue(new RegExp(`/register\\?ref=${user.auth.user.referralCode}$`));
    await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
    await expect(page.getByTestId('referral-stats')).toContainText('0 friends invited');
  });

  test('an admin sees the ad tiers with their seconds, credits and daily caps', async ({ page }) => {
    await loginAsAdmin(page);
    await page.goto('/admin/ads');
    await expect(page.getByRole('heading', { level: 1, name: 'Ads' })).toBeVisible();
    await expect(page.getByTestId('admin-tier-row')).toHaveCount(3);
    await expect(page.getByRole('textbox', { name: 'Credits of the video tier' })).toHaveValue('15');
    expect(await seriousViolations(page, 'admin ad tiers')).toEqual([]);
  });
});
