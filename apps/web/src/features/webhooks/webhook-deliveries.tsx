import { Alert, Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WebhookDeliveryStatus } from '@megicai/contracts';
import { DataTable, type DataColumn } from '../../components/data-table';
import { webhooksApi, webhooksKeys, type WebhookDeliveryView } from './webhooks-api';

const STATUS_COLOR: Record<WebhookDeliveryStatus, string> = { pending: 'yellow', succeeded: 'teal', failed: 'red' };

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

const COLUMNS: DataColumn<WebhookDeliveryView>[] = [
  { key: 'event', label: 'Event', rowHeader: true, cell: (d) => d.event },
  {
    key: 'status',
    label: 'Status',
    cell: (d) => (
      <Badge color={STATUS_COLOR[d.status]} variant="light">
        {d.status}
      </Badge>
    ),
  },
  { key: 'attempts', label: 'Attempts', cell: (d) => d.attempts },
  { key: 'answer', label: 'Last answer', cell: (d) => d.lastStatusCode ?? d.lastError ?? '—' },
  { key: 'next', label: 'Next attempt', cell: (d) => time(d.nextAttemptAt) },
  { key: 'created', label: 'Created', cell: (d) => time(d.createdAt) },
];

/** One endpoint's delivery log (newest first, refreshed while something is pending) and "Send test event". */
export function WebhookDeliveries({ webhookId }: { webhookId: string }) {
  const queryClient = useQueryClient();
  const log = useQuery({
    queryKey: webhooksKeys.deliveries(webhookId),
    queryFn: ({ signal }) => webhooksApi.deliveries(webhookId, signal),
    refetchInterval: (query) => (query.state.data?.items.some((d) => d.status === 'pending') ? 2000 : false),
  });
  const test = useMutation({
    mutationFn: () => webhooksApi.sendTest(webhookId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKeys.deliveries(webhookId) }),
  });
  const items = log.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          Deliveries
        </Text>
        <Button size="xs" variant="light" onClick={() => test.mutate()} loading={test.isPending}>
          Send test event
        </Button>
      </Group>
      {test.error || log.error ? (
        <Alert color="red" variant="light" role="alert">
          {(test.error ?? log.error)?.message}
        </Alert>
      ) : null}
      {log.isPending ? <Loader role="status" size="sm" aria-label="Loading deliveries" /> : null}
      {!log.isPending && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No deliveries yet.
        </Text>
      ) : null}
      {items.length > 0 ? (
        <div data-testid="webhook-deliveries">
          <DataTable
            rows={items}
            columns={COLUMNS}
            rowKey={(d) => d.id}
            caption="Deliveries, newest first"
            hideCaption
            minWidth={480}
          />
        </div>
      ) : null}
    </Stack>
  );
}
