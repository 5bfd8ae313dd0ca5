import { Button, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type AdminQueueName, QUEUE_STATES } from '@megicai/contracts';
import type { AdminQueueView } from './admin-api';
import { KEYBOARD_SCROLL, TableHead } from './table-head';
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

function RetryJobButton({ name, id }: { name: AdminQueueName; id: string }) {
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () => adminApi.retryJob(name, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.queues }),
  });
  return (
    <Button
      size="xs"
      variant="light"
      loading={retry.isPending}
      onClick={() => retry.mutate()}
      aria-label={`Retry job ${id}`}
    >
      Retry
    </Button>
  );
}

function FailedJobs({ queues }: { queues: AdminQueueView[] }) {
  const failed = queues.flatMap((q) => q.failedJobs.map((j) => ({ ...j, queue: q.name })));
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="failed-title">
      <Title order={2} size="h4" id="failed-title" mb="sm">
        Failed jobs
      </Title>
      {failed.length === 0 ? (
        <Text size="sm">No failed jobs.</Text>
      ) : (
        <Table.ScrollContainer minWidth={560} scrollAreaProps={KEYBOARD_SCROLL}>
          <Table aria-label="Failed jobs" striped>
            <TableHead columns={['Queue', 'Job', 'Error', 'Failed at']} actions />
            <Table.Tbody>
              {failed.map((j) => (
                <Table.Tr key={`${j.queue}-${j.id}`}>
                  <Table.Td>{j.queue}</Table.Td>
                  <Table.Th scope="row">{j.id}</Table.Th>
                  <Table.Td>{j.error}</Table.Td>
                  <Table.Td>{new Date(j.failedAt).toLocaleString()}</Table.Td>
                  <Table.Td>
                    <RetryJobButton name={j.queue} id={j.id} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/**
 * Asks the API for the short-lived Bull Board cookie, then opens the board in a new tab. The tab is opened before
 * the request so that pop-up blockers see it as the click's own.
 */
function OpenBoardButton() {
  const open = useMutation({
    mutationFn: async () => {
      const tab = window.open('about:blank', '_blank');
      const session = await adminApi.openBoard();
      if (tab) tab.location.href = session.url;
      else window.location.assign(session.url);
    },
  });
  return (
    <Group>
      <Button variant="default" onClick={() => open.mutate()} loading={open.isPending}>
        Open Bull Board
      </Button>
      {open.isError ? (
        <Text size="sm" c="red.8" role="alert">
          {open.error.message}
        </Text>
      ) : null}
    </Group>
  );
}

/** BullMQ job counts per media queue and the failed jobs, refreshed every few seconds. */
export function AdminQueues() {
  const queues = useQuery({
    queryKey: adminKeys.queues,
    queryFn: ({ signal }) => adminApi.queues(signal),
    refetchInterval: 5000,
  });
  if (!queues.isSuccess) return <QueryFallback query={queues} label="Loading queues" />;
  return (
    <Stack gap="md">
      <OpenBoardButton />
      <QueueCounts queues={queues.data} />
      <FailedJobs queues={queues.data} />
    </Stack>
  );
}

function QueueCounts({ queues }: { queues: AdminQueueView[] }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Table.ScrollContainer minWidth={560} scrollAreaProps={KEYBOARD_SCROLL}>
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
            {queues.map((q) => (
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
      </Table.ScrollContainer>
    </Card>
  );
}
