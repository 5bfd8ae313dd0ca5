import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Code, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { WEBHOOK_EVENTS, type WebhookEvent } from '@megicai/contracts';
import { isApiError } from '../../api';
import { WebhookDeliveries } from './webhook-deliveries';
import { webhooksApi, webhooksKeys, type CreatedWebhook } from './webhooks-api';

/** The Account page's Webhooks section: add an endpoint (its secret shown once), list, delete, delivery log. */
export function WebhooksCard() {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['job.succeeded', 'job.failed']);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({ queryKey: webhooksKeys.all, queryFn: ({ signal }) => webhooksApi.list(signal) });
  const create = useMutation({
    mutationFn: () => webhooksApi.create({ url: url.trim(), events }),
    onSuccess: async (hook) => {
      setCreated(hook);
      setUrl('');
      await queryClient.invalidateQueries({ queryKey: webhooksKeys.all });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => webhooksApi.remove(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKeys.all }),
  });
  const urlError =
    isApiError(create.error) && ['webhook_url_forbidden', 'validation_failed'].includes(create.error.code)
      ? create.error.message
      : null;
  const otherError = create.error && !urlError ? create.error.message : (remove.error?.message ?? null);

  return (
    <Card withBorder radius="md" padding="md" data-testid="webhooks-card">
      <Stack gap="sm">
        <Title order={2} size="h3">
          Webhooks
        </Title>
        <Text size="sm" c="dimmed">
          We POST signed events (Standard Webhooks) to your https endpoint when a job finishes, retrying for 24 hours.
        </Text>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate();
          }}
        >
          <Stack gap="xs">
            <TextInput
              label="Endpoint URL"
              placeholder="https://example.com/megicai/webhook"
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              error={urlError}
              required
            />
            <Checkbox.Group label="Events" value={events} onChange={(value) => setEvents(value as WebhookEvent[])}>
              <Group gap="md" mt={4}>
                {WEBHOOK_EVENTS.map((name) => (
                  <Checkbox key={name} value={name} label={name} />
                ))}
              </Group>
            </Checkbox.Group>
            <Group>
              <Button type="submit" loading={create.isPending} disabled={!url.trim() || events.length === 0}>
                Add endpoint
              </Button>
            </Group>
          </Stack>
        </form>
        {otherError ? (
          <Alert color="red" variant="light" role="alert">
            {otherError}
          </Alert>
        ) : null}
        {created ? (
          <Alert color="teal" role="status" data-testid="webhook-secret">
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                Signing secret (shown only now)
              </Text>
              <Code block>{created.secret}</Code>
              <CopyButton value={created.secret}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? 'Copied' : 'Copy secret'}
                  </Button>
                )}
              </CopyButton>
            </Stack>
          </Alert>
        ) : null}
        {(list.data ?? []).map((hook) => (
          <Card key={hook.id} withBorder radius="sm" padding="sm">
            <Stack gap="xs">
              <Group justify="space-between" wrap="wrap">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
                    {hook.url}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {hook.events.join(', ')}
                  </Text>
                </Stack>
                <Group gap="xs">
                  <Button size="xs" variant="default" onClick={() => setOpen(open === hook.id ? null : hook.id)}>
                    {open === hook.id ? 'Hide deliveries' : 'Deliveries'}
                  </Button>
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    onClick={() => remove.mutate(hook.id)}
                    loading={remove.isPending && remove.variables === hook.id}
                    aria-label={`Delete webhook ${hook.url}`}
                  >
                    Delete
                  </Button>
                </Group>
              </Group>
              {open === hook.id ? <WebhookDeliveries webhookId={hook.id} /> : null}
            </Stack>
          </Card>
        ))}
        {list.data?.length === 0 ? (
          <Text size="sm" c="dimmed">
            No endpoints yet.
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
