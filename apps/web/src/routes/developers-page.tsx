import { Anchor, Card, Code, List, Stack, Text, Title } from '@mantine/core';
import { PageHeader } from '../components/page-header';

const origin = typeof window === 'undefined' ? 'https://megicai.example' : window.location.origin;

const CURL = `curl -X POST ${origin}/api/v1/tools/chat/run \\
  -H "X-API-Key: $MEGICAI_API_KEY" \\
  -H "Content-Type: application/json" \\
  -H "Idempotency-Key: $(uuidgen)" \\
  -d '{"input": {"prompt": "Explain quantum computing in two sentences"}}'`;

const SDK = `import { createMegicaiClient } from '@megicai/sdk';

const megicai = createMegicaiClient({ baseUrl: '${origin}', apiKey: process.env.MEGICAI_API_KEY });
const { data, error } = await megicai.POST('/api/v1/tools/{id}/run', {
  params: { path: { id: 'chat' } },
  body: { input: { prompt: 'Explain quantum computing in two sentences' } },
});
if (error) console.error(error.code); // e.g. insufficient_credits
else console.log(data.output?.text);`;

const OPENAI = `import OpenAI from 'openai';

const client = new OpenAI({ baseURL: '${origin}/api/openai/v1', apiKey: process.env.MEGICAI_API_KEY });
const completion = await client.chat.completions.create({
  model: 'chat', // a tool's slug: GET /api/openai/v1/models lists them
  messages: [{ role: 'user', content: 'Explain quantum computing in two sentences' }],
});
console.log(completion.choices[0].message.content);`;

function Example({ title, lead, code }: { title: string; lead: string; code: string }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="xs">
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {lead}
        </Text>
        {/* Focusable: a keyboard user must be able to scroll a long line into view. */}
        <Code block style={{ overflowX: 'auto' }} tabIndex={0} aria-label={`${title} example`}>
          {code}
        </Code>
      </Stack>
    </Card>
  );
}

/** "Use the API": how a third party calls the platform with curl, the typed SDK or an OpenAI client. Public. */
export function DevelopersPage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Use the API" lead="Run every tool from your own code and pay in credits." />
      <List size="sm" spacing={4}>
        <List.Item>Create an API key on your Account page; it acts as you, with the scopes you give it.</List.Item>
        <List.Item>
          Reference: <Anchor href="/api/docs">/api/docs</Anchor> (OpenAPI document at{' '}
          <Anchor href="/api/docs-json">/api/docs-json</Anchor>). Errors are problem+json with a stable{' '}
          <Code>code</Code>.
        </List.Item>
        <List.Item>Add webhooks on your Account page to hear about finished jobs instead of polling.</List.Item>
      </List>
      <Example title="curl" lead="Every call sends the key as X-API-Key." code={CURL} />
      <Example title="TypeScript SDK" lead="Typed from the API's OpenAPI document (libs/sdk)." code={SDK} />
      <Example
        title="OpenAI SDKs"
        lead="Any OpenAI client works: point its base URL at /api/openai/v1 and use your API key as its key."
        code={OPENAI}
      />
    </Stack>
  );
}
