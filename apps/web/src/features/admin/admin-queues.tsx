import { Button, Card, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type AdminQueueName, QUEUE_STATES } from '@megicai/contracts';
import { adminApi, adminKeys } from './admin-api';
import { QueryFallback } from '../../components/query-fallback';

function RetryButton({ name, failed }: { name: AdminQueueName; failed: number }) {
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () => adminApi.retryFailed(name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.queues }),
  });
  return (
    <>
      <Button
        size="xs"
        variant="light"
        disabled={failed === 0}
        loading={retry.isPending}
        onClick={() => retry.mutate()}
        aria-label={`Retry failed jobs of the ${name} queue`}
      >
        Retry failed
      </Button>
      {retry.isSuccess ? (
        <Text size="xs" role="status">
          {retry.data.retried} moved back to waiting
        </Text>
      ) : retry.isError ? (
        <Text size="xs" c="red.8" role="alert">
          {retry.error.message}
        </Text>
      ) : null}
    </>
  );
}

/** BullMQ job counts per media queue, refreshed every few seconds. */
export function AdminQueues() {
  const queues = useQuery({
    queryKey: adminKeys.queues,
    queryFn: ({ signal }) => adminApi.queues(signal),
    refetchInterval: 5000,
  });
  if (!queues.isSuccess) return <QueryFallback query={queues} label="Loading queues" />;
  return (
    <Card withBorder radius="md" padding="md">
      <Table aria-label="Queues" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Queue</Table.Th>
            {QUEUE_STATES.map((s) => (
              <Table.Th scope="col" key={s} tt="capitalize">
                {s}
              </Table.Th>
            ))}
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {queues.data.map((q) => (
            <Table.Tr key={q.name} data-testid="admin-queue-row" data-queue={q.name}>
              <Table.Th scope="row">{q.name}</Table.Th>
              {QUEUE_STATES.map((s) => (
                <Table.Td key={s}>{q.counts[s]}</Table.Td>
              ))}
              <Table.Td>
                <RetryButton name={q.name} failed={q.counts.failed} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
