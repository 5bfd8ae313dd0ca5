import { expect, test, type Page } from '@playwright/test';
import { API_V1, newUser, registerViaApi, seriousViolations, signInWithTokens } from './support';

/** A word no other template has, so the search finds exactly this one. */
const uniqueWord = () =>
  `quokka${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 8)}`;

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a creator publishes a template; another user finds it by search, runs and rates it; the creator earns 2%', async ({
  browser,
  request,
}) => {
  test.setTimeout(60_000);
  const word = uniqueWord();
  const title = `Friendly explainer ${word.slice(-4)}`;
  const creator = await registerViaApi(request, newUser({ displayName: 'Creator Ada' }));
  const runner = await registerViaApi(request, newUser({ displayName: 'Runner Bob' }));

  // The creator writes a template with a free variable and inline choices, previews it and publishes it.
  const creatorContext = await browser.newContext();
  const creatorPage = await creatorContext.newPage();
  await signInWithTokens(creatorPage, creator.auth, '/marketplace/mine');
  await creatorPage.getByRole('link', { name: 'New template' }).click();
  await expect(creatorPage.getByRole('heading', { level: 1, name: 'New template' })).toBeVisible();
  await creatorPage.getByRole('textbox', { name: 'Title' }).fill(title);
  await creatorPage.getByRole('textbox', { name: 'Description' }).fill(`Explains any topic like a ${word} would`);
  await pick(creatorPage, 'Tool', 'Chat (text)');
  await creatorPage
    .getByRole('textbox', { name: 'Template text' })
    .fill('Explain {{topic}} in a {{tone:formal|casual}} tone.');
  await creatorPage.getByRole('textbox', { name: 'Label of topic' }).fill('Topic to explain');
  const preview = creatorPage.getByRole('region', { name: 'Preview with sample values' });
  await preview.getByRole('textbox', { name: 'Topic to explain' }).fill('tides');
  await pick(creatorPage, 'Tone', 'casual');
  await expect(creatorPage.getByTestId('template-preview')).toHaveText('Explain tides in a casual tone.');
  expect(await seriousViolations(creatorPage, 'template editor')).toEqual([]);
  await creatorPage.getByRole('button', { name: 'Save draft' }).click();

  await expect(creatorPage.getByRole('heading', { level: 1, name: 'My templates' })).toBeVisible();
  await creatorPage.getByRole('button', { name: `Publish ${title}` }).click();
  await expect(creatorPage.getByRole('row', { name: new RegExp(title) }).getByText('published')).toBeVisible();
  expect(await seriousViolations(creatorPage, 'my templates')).toEqual([]);

  // Another user finds it by a word of its description, opens it and runs it through the Chat tool.
  const runnerContext = await browser.newContext();
  const page = await runnerContext.newPage();
  await signInWithTokens(page, runner.auth, '/marketplace');
  await page.getByRole('searchbox', { name: 'Search' }).fill(word);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
  const results = page.getByRole('list', { name: 'Templates' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  expect(await seriousViolations(page, 'marketplace search')).toEqual([]);
  await results.getByRole('link', { name: title }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId('template-description')).toContainText(word);
  // A topic of its own, so the answer is never a (free) cache hit of an earlier run.
  await page.getByRole('textbox', { name: 'Topic to explain' }).fill(`rainbows over ${word}`);
  await pick(page, 'Tone', 'formal');
  expect(await seriousViolations(page, 'template page')).toEqual([]);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-result').getByTestId('job-output')).not.toBeEmpty({ timeout: 20_000 });
  await expect(page.getByText(/Charged 1 credit/)).toBeVisible();

  // ... and rates it: 4 stars with a review; the summary follows.
  const rating = page.getByRole('form', { name: 'Rate this template' });
  // Mantine's star inputs are visually hidden: click the star (the input's label), as a person does.
  const fourStars = await rating.getByRole('radio', { name: '4' }).getAttribute('id');
  await rating.locator(`label[for="${fourStars}"]`).click();
  await rating.getByRole('textbox', { name: 'Review (optional)' }).fill('Clear and friendly.');
  await rating.getByRole('button', { name: 'Rate' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'your rating is saved' })).toBeVisible();
  await expect(page.getByTestId('rating-summary')).toHaveText('4.0 of 5 from 1 rating');
  await expect(page.getByRole('listitem').filter({ hasText: 'Runner Bob: 4 of 5' })).toContainText(
    'Clear and friendly.',
  );

  // The creator sees the earning: 2% of the 1-credit run, per template and in total.
  const earnings = await request.get(`${API_V1}/marketplace/earnings`, {
    headers: { Authorization: `Bearer ${creator.auth.accessToken}` },
  });
  expect((await earnings.json()).total).toBe(0.02);
  await creatorPage.reload();
  await expect(creatorPage.getByTestId('earnings-total')).toHaveText('0.02 credits');
  await expect(creatorPage.getByRole('row', { name: new RegExp(title) }).getByTestId('template-earnings')).toHaveText(
    '0.02 credits',
  );

  await creatorContext.close();
  await runnerContext.close();
});

test.describe('marketplace pages in the dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('search, template and My templates pages have no serious or critical violations', async ({ page, request }) => {
    const word = uniqueWord();
    const creator = await registerViaApi(request);
    const headers = { Authorization: `Bearer ${creator.auth.accessToken}` };
    const created = await request.post(`${API_V1}/marketplace/prompts`, {
      headers,
      data: {
        title: `Dark ${word}`,
        description: `About ${word}`,
        toolId: 'chat',
        template: 'Say {{what:hi|bye}}',
        tags: ['greeting'],
      },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await request.post(`${API_V1}/marketplace/prompts/${id}/publish`, { headers })).status()).toBe(200);

    await signInWithTokens(page, creator.auth, `/marketplace?q=${word}`);
    await expect(page.getByRole('link', { name: `Dark ${word}` })).toBeVisible();
    expect(await seriousViolations(page, 'marketplace (dark)')).toEqual([]);
    await page.getByRole('link', { name: `Dark ${word}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Dark ${word}` })).toBeVisible();
    expect(await seriousViolations(page, 'template page (dark)')).toEqual([]);
    await page.goto('/marketplace/mine');
    await expect(page.getByRole('table', { name: 'My templates' })).toBeVisible();
    expect(await seriousViolations(page, 'my templates (dark)')).toEqual([]);
  });
});
