import type { Page } from '@playwright/test';
import { API_V1, loginAsAdmin, registerViaApi, seriousViolations } from './support';
import { expect, test } from './support/fixtures';

const DAY_MS = 24 * 3600 * 1000;
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);

/** The dashboard for the last 7 days: its charts are drawn (an SVG each), and the CSV downloads with the admin's token. */
async function openLastWeek(page: Page) {
  await loginAsAdmin(page);
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
  await page.getByText('7 days', { exact: true }).click();
  await expect(page.getByLabel('From', { exact: true })).toHaveValue(day(6));
  await expect(page.getByLabel('To', { exact: true })).toHaveValue(day(0));
  for (const name of ['Daily active users', 'Ad sessions', 'Cache hit rate', 'Unit economics']) {
    const figure = page.getByRole('figure', { name });
    await expect(figure).toBeVisible();
    await expect(figure.locator('svg.recharts-surface')).toBeVisible();
  }
}

test.describe('admin analytics dashboard', () => {
  test('shows charts for the last 7 days, with what a new user did today, and downloads them as CSV', async ({
    page,
    request,
  }) => {
    test.slow();
    // A sign-up today: the daily series has it, whatever else ran before.
    await registerViaApi(request);
    await openLastWeek(page);
    await expect(page.getByTestId('analytics-chart')).toHaveCount(10);
    // Seven days on the activity chart's axis.
    await expect(
      page.getByRole('figure', { name: 'Daily active users' }).locator('.recharts-xAxis .recharts-cartesian-axis-tick'),
    ).not.toHaveCount(0);
    expect(await seriousViolations(page, 'admin analytics')).toEqual([]);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`analytics-${day(6)}-${day(0)}.csv`);
    const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString());
    const [header, ...rows] = text.trim().split('\r\n');
    expect(header.split(',').slice(0, 3)).toEqual(['date', 'dau', 'newUsers']);
    expect(rows).toHaveLength(7);
    const today = rows[6].split(',');
    expect(today[0]).toBe(day(0));
    expect(Number(today[2])).toBeGreaterThanOrEqual(1);
  });

  test('the CSV is refused without the admin token', async ({ request }) => {
    const res = await request.get(`${API_V1}/admin/analytics.csv`);
    expect(res.status()).toBe(401);
  });
});

test.describe('admin analytics in the dark theme on a phone', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 390, height: 844 } });

  test('has no serious or critical violations and nothing wider than the phone', async ({ page }) => {
    test.slow();
    await openLastWeek(page);
    expect(await seriousViolations(page, 'admin analytics (dark, 390 px)')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
