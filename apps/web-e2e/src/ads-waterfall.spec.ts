import AxeBuilder from '@axe-core/playwright';
import type { Page, Route } from '@playwright/test';
import { adminLoginViaApi, API_V1, loginAsAdmin, seriousViolations, signInWithTokens } from './support';
import { expect, test } from './support/fixtures';

/**
 * The ad waterfall in Chromium: GPT's rewarded slot first, then the house network. GPT itself is replaced by a small
 * stand-in served with page.route at the configured script URL (ADS_GAM_SCRIPT_URL); it implements googletag.cmd,
 * defineOutOfPageSlot, pubads().addEventListener, enableServices and display, and emits GPT's events.
 */
type GptMode = 'grant' | 'close' | 'null' | 'nofill';

function fakeGpt(mode: GptMode): string {
  return `(function () {
  var mode = ${JSON.stringify(mode)};
  var listeners = {};
  var gt = (window.googletag = window.googletag || { cmd: [] });
  var queued = Array.isArray(gt.cmd) ? gt.cmd : [];
  function emit(name, event) { (listeners[name] || []).slice().forEach(function (f) { f(event); }); }
  var pubads = {
    addEventListener: function (n, f) { (listeners[n] = listeners[n] || []).push(f); return pubads; },
    removeEventListener: function (n, f) { listeners[n] = (listeners[n] || []).filter(function (x) { return x !== f; }); },
  };
  gt.apiReady = true;
  gt.enums = { OutOfPageFormat: { REWARDED: 'REWARDED' } };
  gt.pubads = function () { return pubads; };
  gt.enableServices = function () {};
  gt.destroySlots = function () { return true; };
  gt.defineOutOfPageSlot = function (path, format) {
    window.__gptRequests = (window.__gptRequests || 0) + 1;
    if (mode === 'null' || format !== 'REWARDED') return null;
    return { path: path, addService: function () { return this; } };
  };
  gt.display = function (slot) {
    setTimeout(function () {
      if (mode === 'nofill') return emit('slotRenderEnded', { slot: slot, isEmpty: true });
      emit('slotRenderEnded', { slot: slot, isEmpty: false });
      emit('rewardedSlotReady', { slot: slot, makeRewardedVisible: function () { window.__gptVisible = true; } });
      setTimeout(function () {
        if (mode === 'grant') emit('rewardedSlotGranted', { slot: slot, payload: { type: 'reward', amount: 1 } });
        setTimeout(function () { emit('rewardedSlotClosed', { slot: slot }); }, 200);
      }, 300);
    }, 100);
  };
  gt.cmd = { push: function (f) { f(); return 1; } };
  queued.forEach(function (f) { f(); });
})();`;
}

const GPT_URL = '**/api/e2e/gpt.js';

async function serveGpt(page: Page, mode: GptMode | 'blocked'): Promise<void> {
  await page.route(GPT_URL, (route: Route) =>
    mode === 'blocked'
      ? route.abort('blockedbyclient')
      : route.fulfill({ status: 200, contentType: 'application/javascript', body: fakeGpt(mode) }),
  );
}

/** Opens the Credits page on the (shortened) image tier. */
async function openImageAd(page: Page, auth: Parameters<typeof signInWithTokens>[1]) {
  await signInWithTokens(page, auth, '/credits');
  await page.getByText('Image', { exact: true }).click();
  const panel = page.getByTestId('ad-offer-panel');
  await expect(panel).toHaveAttribute('data-tier', 'image');
  await expect(panel).toContainText('2 seconds to earn 10 credits');
  return panel;
}

test.describe('ads waterfall', () => {
  let original: { seconds: number; networks: string[] } | undefined;
  const admin = async (request: Parameters<typeof adminLoginViaApi>[0]) => ({
    Authorization: `Bearer ${(await adminLoginViaApi(request)).accessToken}`,
  });

  // GPT first, then house; the image tier takes 2 s here. Both are admin changes (audited), put back afterwards.
  test.beforeAll(async ({ request }) => {
    const headers = await admin(request);
    const tier = (await (await request.get(`${API_V1}/admin/ads/tiers/image`, { headers })).json()) as {
      seconds: number;
    };
    const networks = (await (await request.get(`${API_V1}/admin/ads/networks`, { headers })).json()) as {
      networks: string[];
    };
    original = { seconds: tier.seconds, networks: networks.networks };
    expect((await request.patch(`${API_V1}/admin/ads/tiers/image`, { headers, data: { seconds: 2 } })).status()).toBe(
      200,
    );
    const put = await request.put(`${API_V1}/admin/ads/networks`, {
      headers,
      data: { networks: ['google-ad-manager', 'house'] },
    });
    expect(put.status(), await put.text()).toBe(200);
  });
  test.afterAll(async ({ request }) => {
    if (!original) return;
    const headers = await admin(request);
    await request.patch(`${API_V1}/admin/ads/tiers/image`, { headers, data: { seconds: original.seconds } });
    await request.put(`${API_V1}/admin/ads/networks`, { headers, data: { networks: original.networks } });
  });

  test('a filled GPT rewarded ad grants once', async ({ page, user }) => {
    await serveGpt(page, 'grant');
    const completes: string[] = [];
    page.on('response', (r) => r.url().endsWith('/complete') && completes.push(String(r.status())));
    const panel = await openImageAd(page, user.auth);
    await panel.getByRole('button', { name: 'Watch the image ad' }).click();
    await expect(panel.getByTestId('ad-gam')).toBeVisible();
    await expect(panel.getByTestId('ad-earned')).toHaveText('You earned 10 credits. Your balance is now 15 credits.', {
      timeout: 10_000,
    });
    expect(await page.evaluate(() => (window as unknown as { __gptVisible?: boolean }).__gptVisible)).toBe(true);
    await expect(page.getByTestId('balance')).toHaveAccessibleName('Balance: 15 credits');
    // The server timed it: the early claim was 425, the one after its clock 200, and nothing more.
    expect(completes.filter((s) => s === '200')).toHaveLength(1);
    await expect(page.getByTestId('ledger-row').filter({ hasText: 'Ad reward' })).toHaveCount(1);
  });

  for (const mode of ['null', 'nofill', 'blocked'] as const) {
    test(`GPT ${mode === 'null' ? 'returning a null slot' : mode === 'nofill' ? 'with no fill' : 'blocked by an ad blocker'} falls through to the house ad within 3 s`, async ({
      page,
      user,
    }) => {
      await serveGpt(page, mode);
      const panel = await openImageAd(page, user.auth);
      await panel.getByRole('button', { name: 'Watch the image ad' }).click();
      await expect(panel.getByTestId('ad-creative')).toBeVisible({ timeout: 3_000 });
      await expect(panel.getByTestId('ad-player')).toHaveAttribute('data-network', 'house');
      if (mode !== 'blocked') {
        expect(await page.evaluate(() => (window as unknown as { __gptRequests?: number }).__gptRequests)).toBe(1);
      }
      const claim = panel.getByRole('button', { name: 'Claim 10 credits' });
      await expect(claim).toBeEnabled({ timeout: 10_000 });
      await claim.click();
      await expect(panel.getByTestId('ad-earned')).toHaveText('You earned 10 credits. Your balance is now 15 credits.');
    });
  }

  test('closing the GPT ad before the grant gives nothing', async ({ page, user }) => {
    await serveGpt(page, 'close');
    const completes: string[] = [];
    page.on('request', (r) => r.url().endsWith('/complete') && completes.push(r.url()));
    const panel = await openImageAd(page, user.auth);
    await panel.getByRole('button', { name: 'Watch the image ad' }).click();
    await expect(panel.getByTestId('ad-gam')).toHaveAttribute('data-state', 'closed');
    await expect(panel).toContainText('closed before the reward: no credits');
    await page.waitForTimeout(2_500);
    expect(completes).toEqual([]);
    await expect(page.getByTestId('balance')).toHaveAccessibleName('Balance: 5 credits');
  });

  test('an interactive house ad that reports it was seen grants', async ({ page, user }) => {
    await serveGpt(page, 'blocked');
    const panel = await openImageAd(page, user.auth);
    await panel.getByRole('button', { name: 'Watch the image ad' }).click();
    const frame = panel.getByTestId('ad-interactive');
    await expect(frame).toHaveAttribute('sandbox', 'allow-scripts');
    await page.frameLocator('[data-testid="ad-interactive"]').getByRole('button', { name: 'Tap to reveal' }).click();
    await expect(page.frameLocator('[data-testid="ad-interactive"]').getByText('All of them')).toBeVisible();
    const claim = panel.getByRole('button', { name: 'Claim 10 credits' });
    await expect(claim).toBeEnabled({ timeout: 10_000 });
    await claim.click();
    await expect(panel.getByTestId('ad-earned')).toHaveText('You earned 10 credits. Your balance is now 15 credits.');
  });

  test('an interactive house ad in a hidden tab does not grant', async ({ page, user, request }) => {
    // The page's visibility is ours to set: hidden from before the ad starts.
    await page.addInitScript(() => {
      const w = window as unknown as { __hidden?: boolean };
      Object.defineProperty(Document.prototype, 'visibilityState', {
        configurable: true,
        get: () => (w.__hidden ? 'hidden' : 'visible'),
      });
      Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => Boolean(w.__hidden) });
    });
    await serveGpt(page, 'blocked');
    const panel = await openImageAd(page, user.auth);
    await page.evaluate(() => {
      (window as unknown as { __hidden?: boolean }).__hidden = true;
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await panel.getByRole('button', { name: 'Watch the image ad' }).click();
    await expect(panel.getByTestId('ad-interactive')).toBeAttached();
    const sessionId = await panel.getByTestId('ad-player').getAttribute('data-session');
    await expect(panel.getByTestId('ad-countdown')).toContainText('Paused while this tab is hidden');
    await page.waitForTimeout(3_000);
    await expect(panel.getByRole('button', { name: 'Claim 10 credits' })).toBeDisabled();
    // The server's clock has run out, but the creative was never seen: complete refuses, nothing is paid.
    const res = await request.post(`${API_V1}/ads/sessions/${sessionId}/complete`, {
      headers: { Authorization: `Bearer ${user.auth.accessToken}` },
    });
    expect(res.status()).toBe(425);
    expect(((await res.json()) as { code: string }).code).toBe('ad_not_engaged');
    const me = await request.get(`${API_V1}/credits`, {
      headers: { Authorization: `Bearer ${user.auth.accessToken}` },
    });
    expect(((await me.json()) as { balance: number }).balance).toBe(5);
  });

  test('the ad picker offers durations with credits per minute and fits a 390 px phone', async ({ page, user }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInWithTokens(page, user.auth, '/credits');
    const durations = page.getByTestId('ad-duration');
    await expect(durations.first()).toBeVisible();
    expect(await durations.count()).toBeGreaterThan(1);
    await expect(page.getByTestId('ad-durations')).toContainText('/min');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Axe on the ads card only: the page's history table is another feature's.
    const axe = await new AxeBuilder({ page })
      .include('#watch-ads')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
      .analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  test('an admin sees fill rate and revenue by network', async ({ page }) => {
    await loginAsAdmin(page);
    await page.goto('/admin/ads');
    await expect(page.getByRole('heading', { name: 'Performance' })).toBeVisible();
    await expect(page.getByTestId('ad-performance-network').first()).toBeVisible();
    expect(await seriousViolations(page, 'admin ads performance')).toEqual([]);
  });
});
