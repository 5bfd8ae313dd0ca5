import { expect, test, type Page } from '@playwright/test';
import { registerViaApi, seriousViolations, signInWithTokens } from './support';

/** Nothing on the page is wider than the viewport (no horizontal scroll on a phone). */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function ask(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1366, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

for (const { name, viewport } of VIEWPORTS) {
  test.describe(`chat (${name})`, () => {
    test.use({ viewport });

    test('a conversation of three turns, streamed, with one stopped and retried', async ({ page, request }) => {
      test.setTimeout(120_000);
      const user = await registerViaApi(request);
      // Unique questions: the answer cache is shared by everyone, and a cached answer arrives in one piece.
      const tag = `${name}-${Date.now()}`;
      await signInWithTokens(page, user.auth, '/chat');
      await expect(page.getByRole('heading', { level: 1, name: 'Chat' })).toBeVisible();
      await expect(page.getByRole('combobox', { name: 'Tool' })).toHaveValue('Chat');

      await ask(page, `Plan a trip to Lisbon ${tag}`);
      // The answer streams in (Stop is offered meanwhile), then stays as a message with its cost.
      await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
      await expect(page.getByTestId('chat-streaming')).toContainText('Offline demo answer');
      await expect(page.getByTestId('chat-answer')).toHaveCount(1, { timeout: 20_000 });
      await expect(page).toHaveURL(/\/chat\/[0-9a-f-]{36}$/);
      await expect(page.getByTestId('chat-answer-cost').first()).toHaveText('Charged 1 credit');
      await expect(page.getByRole('button', { name: 'Copy answer' })).toHaveCount(1);

      await ask(page, `What about food? ${tag}`);
      await expect(page.getByTestId('chat-answer')).toHaveCount(2, { timeout: 20_000 });
      // The offline provider shows that it received the earlier turn.
      await expect(page.getByTestId('chat-answer').nth(1)).toContainText('Turn 2 of this conversation');

      // Stop while the third answer streams: no answer, nothing charged, a Retry on the question.
      await ask(page, `And the weather? ${tag}`);
      await expect(page.getByTestId('chat-streaming')).toContainText('Offline demo answer');
      await page.getByRole('button', { name: 'Stop' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Stopped' })).toBeVisible();
      await expect(page.getByTestId('chat-answer')).toHaveCount(2);
      await page.getByRole('button', { name: 'Retry' }).click({ timeout: 15_000 });
      await expect(page.getByTestId('chat-answer')).toHaveCount(3, { timeout: 20_000 });
      await expect(page.getByTestId('chat-answer').nth(2)).toContainText('Turn 3 of this conversation');
      await expect(page.getByTestId('chat-question')).toHaveCount(3);
      await expect(page.getByTestId('balance')).toHaveAccessibleName('Balance: 2 credits');
      await expectNoHorizontalOverflow(page);

      // The list finds the conversation by a word of a message (in a drawer on the phone).
      if (name === 'phone') await page.getByRole('button', { name: 'Conversations' }).click();
      const list = page.getByRole('navigation', { name: 'Conversations' }).last();
      await list.getByRole('searchbox', { name: 'Search conversations' }).fill('weather');
      await expect(list.getByTestId('conversation-list').getByRole('link')).toHaveCount(1);
      await expect(list.getByRole('link', { name: `Plan a trip to Lisbon ${tag}` })).toBeVisible();
      await list.getByRole('searchbox', { name: 'Search conversations' }).fill('zebra-nowhere');
      await expect(list.getByText('No conversation matches.')).toBeVisible();
      await expectNoHorizontalOverflow(page);
    });
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`chat accessibility (${colorScheme} theme)`, () => {
    test.use({ colorScheme });

    test('the chat page with a conversation has no serious or critical violations', async ({ page, request }) => {
      const user = await registerViaApi(request);
      const headers = { Authorization: `Bearer ${user.auth.accessToken}` };
      const created = await request.post('/api/v1/conversations', { headers, data: { toolId: 'chat' } });
      expect(created.status()).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const answered = await request.post(`/api/v1/conversations/${id}/messages`, {
        headers,
        data: { content: `Explain ledgers ${colorScheme} ${Date.now()}` },
      });
      expect(answered.status()).toBe(200);
      await signInWithTokens(page, user.auth, `/chat/${id}`);
      await expect(page.getByTestId('chat-answer')).toHaveCount(1);
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme);
      expect(await seriousViolations(page, `chat (${colorScheme})`)).toEqual([]);
    });
  });
}
