import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type AdminQueueName, QUEUE_STATES } from '@megicai/contracts';
import type { AdminQueueView } from './admin-api';
import { DataTable, type DataColumn } from '../../components/data-table';
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

type FailedJob = AdminQueueView['failedJobs'][number] & { queue: AdminQueueName };

const FAILED_COLUMNS: DataColumn<FailedJob>[] = [
  { key: 'queue', label: 'Queue', cell: (j) => j.queue },
  { key: 'job', label: 'Job', rowHeader: true, cell: (j) => j.id },
  { key: 'error', label: 'Error', cell: (j) => j.error },
  { key: 'failed', label: 'Failed at', cell: (j) => new Date(j.failedAt).toLocaleString() },
  { key: 'actions', label: 'Actions', hideLabel: true, cell: (j) => <RetryJobButton name={j.queue} id={j.id} /> },
];

function FailedJobs({ queues }: { queues: AdminQueueView[] }) {
  const failed: FailedJob[] = queues.flatMap((q) => q.failedJobs.map((j) => ({ ...j, queue: q.name })));
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="failed-title">
      <Title order={2} size="h4" id="failed-title" mb="sm">
        Failed jobs
      </Title>
      {failed.length === 0 ? (
        <Text size="sm">No failed jobs.</Text>
      ) : (
        <DataTable
          rows={failed}
          columns={FAILED_COLUMNS}
          rowKey={(j) => `${j.queue}-${j.id}`}
          caption="Failed jobs"
          hideCaption
        />
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

const COUNT_COLUMNS: DataColumn<AdminQueueView>[] = [
  { key: 'queue', label: 'Queue', rowHeader: true, cell: (q) => q.name },
  ...QUEUE_STATES.map((state): DataColumn<AdminQueueView> => ({
    key: state,
    label: state.charAt(0).toUpperCase() + state.slice(1),
    cell: (q) => q.counts[state],
  })),
  {
    key: 'actions',
    label: 'Actions',
    hideLabel: true,
    cell: (q) => <RetryButton name={q.name} failed={q.counts.failed} />,
  },
];

function QueueCounts({ queues }: { queues: AdminQueueView[] }) {
  return (
    <Card withBorder radius="md" padding="md">
      <DataTable
        rows={queues}
        columns={COUNT_COLUMNS}
        rowKey={(q) => q.name}
        caption="Queues"
        hideCaption
        rowTestId="admin-queue-row"
        rowData={(q) => ({ 'data-queue': q.name })}
      />
    </Card>
  );
}
