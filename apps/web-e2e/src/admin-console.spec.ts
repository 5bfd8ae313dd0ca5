import { expect, request as playwrightRequest, test } from '@playwright/test';
import {
  adminLoginViaApi,
  API_V1,
  loginAsAdmin,
  loginViaApi,
  registerViaApi,
  seriousViolations,
  signInWithTokens,
} from './support';

const BOARD = `${API_V1}/admin/bull-board/`;
const uniqueWord = () =>
  `wombat${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 8)}`;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

test.describe('admin console', () => {
  test('an admin adjusts a user’s credits and the user’s ledger shows it', async ({ page, browser, request }) => {
    const user = await registerViaApi(request);
    await loginAsAdmin(page);
    await page.goto('/admin/users');
    await page.getByRole('textbox', { name: 'Search users' }).fill(user.email);
    await page.getByRole('link', { name: user.email }).click();
    await expect(page.getByTestId('admin-user-balance')).toHaveText('5 credits');
    expect(await seriousViolations(page, 'admin user')).toEqual([]);

    await page.getByRole('textbox', { name: 'Credits (negative to take)' }).fill('12.5');
    await page.getByRole('textbox', { name: 'Reason' }).fill('e2e goodwill');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByText('Done: the balance is now 17.5 credits.')).toBeVisible();
    await expect(page.getByTestId('admin-user-balance')).toHaveText('17.5 credits');

    const userContext = await browser.newContext();
    const userPage = await userContext.newPage();
    await signInWithTokens(userPage, user.auth, '/credits');
    await expect(userPage.getByTestId('ledger-row').first()).toHaveAttribute('data-kind', 'admin_adjustment');
    await expect(userPage.getByTestId('credits-balance')).toHaveText('17.5 credits');
    await userContext.close();

    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Object' }).fill(user.auth.user.id);
    await expect(page.getByRole('table', { name: 'Audit log' })).toContainText('user.credits.adjust');
    expect(await seriousViolations(page, 'admin audit log')).toEqual([]);
  });

  test('an admin hides a template and it disappears from search', async ({ page, request }) => {
    const word = uniqueWord();
    const creator = await registerViaApi(request);
    const headers = bearer(creator.auth.accessToken);
    const created = await request.post(`${API_V1}/marketplace/prompts`, {
      headers,
      data: { title: `Hide ${word}`, description: `About ${word}`, toolId: 'chat', template: 'Say hi', tags: [] },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await request.post(`${API_V1}/marketplace/prompts/${id}/publish`, { headers })).status()).toBe(200);
    const search = async () =>
      (
        (await (await request.get(`${API_V1}/marketplace/prompts`, { params: { q: word }, headers })).json()) as {
          items: unknown[];
        }
      ).items.length;
    expect(await search()).toBe(1);

    await loginAsAdmin(page);
    await page.goto('/admin/moderation');
    const row = page.locator(`[data-testid="admin-prompt-row"][data-prompt="${id}"]`);
    await row.getByRole('textbox', { name: `Reason for Hide ${word}` }).fill('spam');
    await row.getByRole('button', { name: 'Hide' }).click();
    await expect(row.getByText('hidden')).toBeVisible();
    expect(await seriousViolations(page, 'admin moderation')).toEqual([]);
    expect(await search()).toBe(0);
  });

  test('Bull Board opens for an admin and answers 401/403 to anyone else', async ({ page, context, request }) => {
    await loginAsAdmin(page);
    await page.goto('/admin/queues');
    await expect(page.getByTestId('admin-queue-row')).toHaveCount(3);
    expect(await seriousViolations(page, 'admin queues')).toEqual([]);
    const [board] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open Bull Board' }).click(),
    ]);
    await board.waitForURL(/\/admin\/bull-board\//);
    await expect(board.getByText('image').first()).toBeVisible();

    // Nobody else: no cookie → 401; a user cannot get one → 403; a cookie of an admin demoted since → 403.
    const anonymous = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
    expect((await anonymous.get(BOARD)).status()).toBe(401);
    const user = await registerViaApi(anonymous);
    expect(
      (
        await anonymous.post(`${API_V1}/admin/queues/board-session`, { headers: bearer(user.auth.accessToken) })
      ).status(),
    ).toBe(403);
    expect((await anonymous.get(BOARD)).status()).toBe(401);

    const admin = await adminLoginViaApi(request);
    const promote = (role: 'admin' | 'user') =>
      request.patch(`${API_V1}/admin/users/${user.auth.user.id}`, {
        headers: bearer(admin.accessToken),
        data: { role },
      });
    expect((await promote('admin')).status()).toBe(200);
    const promoted = await loginViaApi(anonymous, user);
    expect(
      (
        await anonymous.post(`${API_V1}/admin/queues/board-session`, { headers: bearer(promoted.accessToken) })
      ).status(),
    ).toBe(200);
    expect((await anonymous.get(BOARD)).status()).toBe(200);
    expect((await promote('user')).status()).toBe(200);
    expect((await anonymous.get(BOARD)).status()).toBe(403);
    await anonymous.dispose();
  });
});

test.describe('admin console in the dark theme on a phone', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 390, height: 844 } });

  test('users, moderation, audit log and queues have no serious or critical violations', async ({ page }) => {
    // Five pages, each scanned by axe: about 25 s alone, more on a loaded machine.
    test.slow();
    await loginAsAdmin(page);
    for (const [path, heading, records] of [
      ['/admin/users', 'Users', 'Users'],
      ['/admin/moderation', 'Moderation', 'Templates'],
      ['/admin/audit-log', 'Audit log', 'Audit log'],
      ['/admin/queues', 'Queues', 'Queues'],
      ['/admin/providers', 'Providers', 'Providers'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      // On a phone the shared data table shows its records as a list of cards.
      await expect(page.getByRole('list', { name: records, exact: true })).toBeVisible();
      expect(await seriousViolations(page, `${path} (dark, 390 px)`)).toEqual([]);
      // Nothing wider than the phone: tables scroll inside their container.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
  });
});
