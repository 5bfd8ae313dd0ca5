import AxeBuilder from '@axe-core/playwright';
import { adminLoginViaApi, API_V1, loginAsAdmin, seriousViolations } from './support';
import { expect, test } from './support/fixtures';

// A tool that no other journey runs or prices; its price is put back afterwards.
const SLUG = 'code-explain';

test.describe('admin', () => {
  let originalCost: number | undefined;
  test.beforeAll(async ({ request }) => {
    const admin = await adminLoginViaApi(request);
    const res = await request.get(`${API_V1}/admin/tools/${SLUG}`, {
      headers: { Authorization: `Bearer ${admin.accessToken}` },
    });
    expect(res.status()).toBe(200);
    originalCost = ((await res.json()) as { creditCost: number }).creditCost;
  });
  test.afterAll(async ({ request }) => {
    if (originalCost === undefined) return;
    const admin = await adminLoginViaApi(request);
    await request.patch(`${API_V1}/admin/tools/${SLUG}`, {
      headers: { Authorization: `Bearer ${admin.accessToken}` },
      data: { creditCost: originalCost },
    });
  });

  test('sees the overview, changes a tool price and finds it in the catalog; queues and users are listed', async ({
    page,
  }) => {
    // Five pages and five axe scans: longer than the default timeout on a busy machine.
    test.slow();
    await loginAsAdmin(page);
    await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Daily active users' })).toBeVisible();
    expect(await seriousViolations(page, 'admin overview')).toEqual([]);

    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Tools' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tools' })).toBeVisible();
    expect(await seriousViolations(page, 'admin tools')).toEqual([]);
    await page.getByRole('button', { name: 'Edit Explain code' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Explain code' });
    await dialog.getByRole('textbox', { name: 'Credits per run' }).fill('2.5');
    // Only the dialog, once its opening transition is over: axe measures the page behind the overlay as dimmed text.
    await expect(dialog).toHaveCSS('opacity', '1');
    const dialogScan = await new AxeBuilder({ page })
      .include('[role="dialog"]')
      .withTags(['wcag2a', 'wcag2aa'])
      .analyze();
    expect(dialogScan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    const row = page.locator('[data-testid="admin-tool-row"][data-slug="code-explain"]');
    await expect(row.getByTestId('admin-tool-price')).toHaveText('2.5 credits');

    await page.goto('/tools');
    const card = page.getByTestId('tool-card').filter({ hasText: 'Explain code' });
    await expect(card).toContainText('2.5 credits');

    await page.goto('/admin/queues');
    await expect(page.getByTestId('admin-queue-row')).toHaveCount(3);
    expect(await seriousViolations(page, 'admin queues')).toEqual([]);

    await page.goto('/admin/users');
    await page.getByRole('textbox', { name: 'Search users' }).fill('admin@');
    await expect(page.getByRole('table', { name: 'Users' })).toContainText('admin@megicai.test');
    expect(await seriousViolations(page, 'admin users')).toEqual([]);
  });
});
