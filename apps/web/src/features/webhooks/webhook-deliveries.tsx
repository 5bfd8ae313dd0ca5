import { Alert, Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WebhookDeliveryStatus } from '@megicai/contracts';
import { webhooksApi, webhooksKeys } from './webhooks-api';

const STATUS_COLOR: Record<WebhookDeliveryStatus, string> = { pending: 'yellow', succeeded: 'teal', failed: 'red' };

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

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
        <Table.ScrollContainer minWidth={480}>
          <Table striped data-testid="webhook-deliveries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Event</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Attempts</Table.Th>
                <Table.Th scope="col">Last answer</Table.Th>
                <Table.Th scope="col">Next attempt</Table.Th>
                <Table.Th scope="col">Created</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.event}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[d.status]} variant="light">
                      {d.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{d.attempts}</Table.Td>
                  <Table.Td>{d.lastStatusCode ?? d.lastError ?? '—'}</Table.Td>
                  <Table.Td>{time(d.nextAttemptAt)}</Table.Td>
                  <Table.Td>{time(d.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
