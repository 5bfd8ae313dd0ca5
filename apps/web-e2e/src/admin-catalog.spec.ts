import { adminLoginViaApi, API_V1, loginAsAdmin, seriousViolations, signInWithTokens } from './support';
import { expect, test } from './support/fixtures';

// A real 1×1 PNG: the API checks an upload's bytes, not only its name.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

test.describe('admin catalog', () => {
  test('an admin uploads a house creative and takes it off', async ({ page, request }) => {
    const title = `E2E creative ${Date.now()}`;
    await loginAsAdmin(page);
    await page.goto('/admin/creatives');
    await expect(page.getByRole('heading', { level: 1, name: 'House creatives' })).toBeVisible();
    await expect(page.getByTestId('admin-creative-row').first()).toBeVisible();

    const form = page.getByRole('form', { name: 'New creative' });
    await form.getByRole('textbox', { name: 'Title' }).fill(title);
    await form.getByRole('textbox', { name: 'Click URL' }).fill('https://megicai.example/e2e');
    await form.getByRole('textbox', { name: 'Shows for (seconds)' }).fill('5');
    await form
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'e2e.png', mimeType: 'image/png', buffer: PNG });
    await form.getByRole('button', { name: 'Add creative' }).click();
    await expect(form.getByRole('status')).toHaveText(`Added “${title}”.`);

    const row = page.getByTestId('admin-creative-row').filter({ hasText: title });
    await expect(row).toHaveCount(1);
    await expect(row.locator('img')).toHaveAttribute('src', /\/api\/v1\/ads\/creatives\/files\/[0-9a-f-]{36}\.png$/);
    const served = row.getByRole('switch', { name: `${title} served` });
    await expect(served).toBeChecked();
    await served.uncheck({ force: true });
    await row.getByRole('button', { name: 'Save' }).click();
    await expect(row.getByRole('button', { name: 'Save' })).toBeDisabled();
    await expect(served).not.toBeChecked();

    const admin = await adminLoginViaApi(request);
    const list = await request.get(`${API_V1}/admin/ads/creatives`, { headers: bearer(admin.accessToken) });
    const mine = ((await list.json()) as { title: string; enabled: boolean; uploaded: boolean }[]).find(
      (c) => c.title === title,
    );
    expect(mine).toMatchObject({ enabled: false, uploaded: true });
  });

  test('an admin edits a credit pack price and the Credits page shows it', async ({ page, browser, user, request }) => {
    const admin = await adminLoginViaApi(request);
    const packs = (await (
      await request.get(`${API_V1}/admin/credit-packs`, { headers: bearer(admin.accessToken) })
    ).json()) as { id: string; credits: number; price: number }[];
    // The seeded 1,200-credit pack; its price is put back at the end for the other specs.
    const pack = packs.find((p) => p.credits === 1200)!;
    try {
      await loginAsAdmin(page);
      await page.goto('/admin/credit-packs');
      const row = page
        .getByTestId('admin-pack-row')
        .filter({ has: page.locator('input[value="1200"], input[value="1,200"]') });
      await expect(row).toHaveCount(1);
      await row.getByRole('textbox', { name: /^Price of / }).fill('18.49');
      await row.getByRole('button', { name: 'Save' }).click();
      await expect(row.getByRole('button', { name: 'Save' })).toBeDisabled();

      const userContext = await browser.newContext();
      const userPage = await userContext.newPage();
      await signInWithTokens(userPage, user.auth, '/credits');
      const shop = userPage.getByRole('region', { name: 'Buy credits' });
      await expect(shop.getByRole('button', { name: /^Buy 1,?200 credits for \$18\.49$/ })).toBeVisible();
      await userContext.close();
    } finally {
      await request.patch(`${API_V1}/admin/credit-packs/${pack.id}`, {
        headers: bearer(admin.accessToken),
        data: { price: pack.price },
      });
    }
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`admin catalog pages (${colorScheme} theme, 390 px)`, () => {
    test.use({ colorScheme, viewport: { width: 390, height: 844 } });

    test('creatives, plans and packs have no serious or critical violations and fit the phone', async ({ page }) => {
      test.slow(); // axe on several pages: minutes on a busy 2-core machine
      await loginAsAdmin(page);
      for (const [path, heading] of [
        ['/admin/creatives', 'House creatives'],
        ['/admin/plans', 'Premium plans'],
        ['/admin/credit-packs', 'Credit packs'],
      ] as const) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        await expect(page.getByRole('table').first()).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme);
        expect(await seriousViolations(page, `${path} (${colorScheme}, 390 px)`)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      }
    });
  });
}
