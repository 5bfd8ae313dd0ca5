import { expect, test } from './support/fixtures';
import { seriousViolations } from './support';

test('run a text tool and see the answer, charged once and free when asked again', async ({ userPage: page }) => {
  await page.goto('/tools');
  await expect(page.getByRole('heading', { level: 1, name: 'Tools' })).toBeVisible();
  expect(await seriousViolations(page, 'tools catalog')).toEqual([]);
  await page.getByRole('link', { name: 'Open Chat' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Chat' })).toBeVisible();
  await expect(page.getByTestId('run-cost')).toContainText('1 credit');
  await expect(page.getByTestId('run-cost')).toContainText('Cache hits are free');
  await page.getByRole('textbox', { name: 'Your question' }).fill('What is a **rainbow**?');
  await page.getByRole('button', { name: 'Run for 1 credit' }).click();

  const result = page.getByTestId('text-result');
  await expect(result.getByTestId('job-output')).toContainText('rainbow');
  await expect(result.getByTestId('offline-badge')).toBeVisible();
  await expect(result).toContainText('Charged 1 credit');
  await expect(page.getByTestId('balance')).toHaveAccessibleName('Balance: 4 credits');
  expect(await seriousViolations(page, 'tool page with an answer')).toEqual([]);

  await page.getByRole('button', { name: 'Run for 1 credit' }).click();
  await expect(page.getByTestId('text-result')).toContainText('Cached answer, free');
  await expect(page.getByTestId('balance')).toHaveAccessibleName('Balance: 4 credits');
});

test('run an image tool and watch the progress bar reach the image', async ({ userPage: page }) => {
  await page.goto('/tools/image');
  await expect(page.getByRole('heading', { level: 1, name: 'Image generator' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Describe the image' }).fill('a lighthouse at dusk');
  await page.getByRole('combobox', { name: 'Size', exact: true }).click();
  await page.getByRole('option', { name: '256x256', exact: true }).click();
  // The offline job takes a fraction of a second: remember whether the progress bar was ever on screen.
  await page.evaluate(() => {
    const w = window as unknown as { sawProgress: boolean };
    w.sawProgress = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="job-progress"]')) w.sawProgress = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByRole('button', { name: 'Run for 5 credits' }).click();

  const image = page.getByTestId('job-image');
  await expect(image).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(256);
  await expect(page.getByTestId('job-status')).toHaveText('succeeded');
  await expect(page.getByRole('link', { name: /Download result 1/ })).toBeVisible();
  await expect(page.getByTestId('balance')).toHaveAccessibleName('Balance: 0 credits');
  expect(await seriousViolations(page, 'image job')).toEqual([]);

  await page.goto('/jobs');
  await expect(page.getByRole('heading', { level: 1, name: 'My jobs' })).toBeVisible();
  await expect(page.getByTestId('job-row')).toHaveCount(1);
  expect(await seriousViolations(page, 'job history')).toEqual([]);
});

test('run out of credits and be offered the ad that covers what is missing', async ({ userPage: page }) => {
  await page.goto('/tools/short-video');
  await expect(page.getByRole('heading', { level: 1, name: 'Short video' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Describe the scene' }).fill('waves on a beach');
  await page.getByRole('button', { name: 'Run for 15 credits' }).click();

  const panel = page.getByTestId('insufficient-credits');
  await expect(panel).toContainText('This run costs 15 credits; you have 5 credits.');
  // 10 credits are missing: the image tier (10 credits) covers it.
  await expect(panel).toContainText('You need 10 credits more.');
  await expect(panel.getByTestId('ad-offer-panel')).toHaveAttribute('data-tier', 'image');
  await expect(panel.getByRole('button', { name: 'Watch the image ad' })).toBeVisible();
  await expect(page.getByTestId('balance')).toHaveAccessibleName('Balance: 5 credits');
  expect(await seriousViolations(page, 'out of credits')).toEqual([]);
});

test.describe('tools pages in the dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('catalog, a tool with its answer, a job and the history have no serious or critical violations', async ({
    userPage: page,
  }) => {
    await page.goto('/tools');
    await expect(page.getByRole('heading', { level: 1, name: 'Tools' })).toBeVisible();
    expect(await seriousViolations(page, 'tools catalog (dark)')).toEqual([]);
    await page.goto('/tools/translate');
    await page.getByRole('textbox', { name: 'Text to translate' }).fill('Good morning');
    await page.getByRole('button', { name: 'Run for 1 credit' }).click();
    await expect(page.getByTestId('text-result').getByTestId('job-output')).toBeVisible();
    expect(await seriousViolations(page, 'tool page (dark)')).toEqual([]);
    await page.goto('/jobs');
    await page.getByRole('link', { name: /^Open job / }).click();
    await expect(page.getByTestId('job-status')).toHaveText('succeeded');
    expect(await seriousViolations(page, 'job page (dark)')).toEqual([]);
  });
});
