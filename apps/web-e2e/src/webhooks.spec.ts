import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { registerViaApi, seriousViolations, signInWithTokens } from './support';

/** A local webhook receiver (the platform of this run allows private addresses); port in this journey's range. */
const RECEIVER_PORT = 7620;

test.describe('webhooks and the developer page', () => {
  let receiver: Server;
  const received: { path: string; headers: Record<string, unknown> }[] = [];

  test.beforeAll(async () => {
    receiver = createServer((req, res) => {
      received.push({ path: req.url ?? '/', headers: req.headers });
      req.resume();
      res.end();
    });
    await new Promise<void>((resolve) => receiver.listen(RECEIVER_PORT, '127.0.0.1', resolve));
  });
  test.afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  test('add an endpoint, see its secret once, send a test event, read the log, delete it', async ({
    page,
    request,
  }) => {
    const user = await registerViaApi(request);
    await signInWithTokens(page, user.auth);
    await page.goto('/account');
    const card = page.getByTestId('webhooks-card');
    await expect(card.getByRole('heading', { name: 'Webhooks' })).toBeVisible();
    await expect(card.getByText('No endpoints yet.')).toBeVisible();

    const path = `/e2e-${user.auth.user.id}`;
    const { port } = receiver.address() as AddressInfo;
    await card.getByRole('textbox', { name: 'Endpoint URL' }).fill(`http://127.0.0.1:${port}${path}`);
    await card.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(card.getByTestId('webhook-secret')).toContainText('whsec_');
    expect(await seriousViolations(page, 'account with webhooks')).toEqual([]);

    await card.getByRole('button', { name: 'Deliveries' }).click();
    await card.getByRole('button', { name: 'Send test event' }).click();
    const log = card.getByTestId('webhook-deliveries');
    await expect(log.getByRole('row', { name: /webhook\.test/ })).toContainText('succeeded', { timeout: 15_000 });
    expect(received.filter((r) => r.path === path)).toHaveLength(1);
    expect(received.find((r) => r.path === path)?.headers['webhook-signature']).toMatch(/^v1,/);

    await card.getByRole('button', { name: /Delete webhook/ }).click();
    await expect(card.getByText('No endpoints yet.')).toBeVisible();
  });

  test('the "Use the API" page is public, readable at 390 px and accessible', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/developers');
    await expect(page.getByRole('heading', { level: 1, name: 'Use the API' })).toBeVisible();
    await expect(page.getByText('/api/openai/v1').first()).toBeVisible();
    expect(await seriousViolations(page, 'developers')).toEqual([]);
  });
});
