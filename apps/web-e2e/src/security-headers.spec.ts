import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** Collects Content-Security-Policy violations the page reports (and the console's "Refused to …" lines). */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return violations;
}

test.describe('security headers', () => {
  test('the SPA is served with a CSP and runs under it: pages, an ad creative, a text run', async ({
    userPage: page,
  }) => {
    const violations = await watchCsp(page);
    const home = await page.goto('/');
    const csp = home?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self' https://securepubads.g.doubleclick.net");
    expect(csp).not.toContain('unsafe-eval');
    expect(home?.headers()['x-frame-options']).toBe('DENY');
    expect(home?.headers()['x-content-type-options']).toBe('nosniff');
    await expect(page.getByTestId('balance')).toBeVisible();

    for (const [path, heading] of [
      ['/tools', 'Tools'],
      ['/marketplace', 'Marketplace'],
      ['/leaderboard', 'Leaderboard'],
      ['/account', 'Account'],
      ['/credits', 'Credits'],
    ]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      // Signed in again after the reload (its refresh has landed): leaving mid-refresh would present a rotated
      // refresh token on the next page, which the API rightly treats as reuse.
      await expect(page.getByTestId('balance')).toBeVisible();
    }
    // A house creative (markup in a sandboxed frame, or an image) renders under the policy.
    const panel = page.getByTestId('ad-offer-panel');
    await panel.getByRole('button', { name: 'Watch the text ad' }).click();
    await expect(panel.getByTestId('ad-creative')).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('Swagger UI loads under its own policy', async ({ page }) => {
    const violations = await watchCsp(page);
    await page.goto('/api/docs');
    await expect(page.getByText('MegicAI API').first()).toBeVisible();
    await expect(page.locator('.opblock').first()).toBeVisible();
    expect(violations).toEqual([]);
  });
});
