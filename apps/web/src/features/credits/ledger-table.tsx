import { Alert, Anchor, Button, Card, Group, Loader, Text, Title } from '@mantine/core';
import type { LedgerEntryView } from './credits-api';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../components/data-table';
import { useInfiniteQuery } from '@tanstack/react-query';
import { creditsApi, creditsKeys } from './credits-api';
import { LEDGER_KIND_LABELS } from './ledger-kind';

const amount = new Intl.NumberFormat('en', { maximumFractionDigits: 3, signDisplay: 'always' });
const plain = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });
const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

const COLUMNS: DataColumn<LedgerEntryView>[] = [
  { key: 'when', label: 'When', cell: (r) => <time dateTime={r.createdAt}>{when.format(new Date(r.createdAt))}</time> },
  {
    key: 'what',
    label: 'What',
    // A spend or refund links to its job, so the history explains every movement.
    cell: (r) =>
      r.jobId ? (
        <Anchor component={Link} to={`/jobs/${r.jobId}`} data-testid="ledger-job-link">
          {LEDGER_KIND_LABELS[r.kind] ?? r.kind}
        </Anchor>
      ) : (
        (LEDGER_KIND_LABELS[r.kind] ?? r.kind)
      ),
  },
  {
    key: 'amount',
    label: 'Amount',
    numeric: true,
    cell: (r) => (
      <Text span ff="monospace" fw={600} size="sm">
        {amount.format(r.delta)}
      </Text>
    ),
  },
  {
    key: 'after',
    label: 'Balance after',
    numeric: true,
    cell: (r) => (
      <Text span ff="monospace" size="sm">
        {plain.format(r.balanceAfter)}
      </Text>
    ),
  },
];

/** The caller's ledger, newest first, 20 rows a page with "Load more". */
export function LedgerTable() {
  const ledger = useInfiniteQuery({
    queryKey: creditsKeys.ledger,
    queryFn: ({ pageParam, signal }) => creditsApi.ledger(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = ledger.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} size="h3" mb="sm" id="ledger-title">
        History
      </Title>
      {ledger.isPending ? (
        <Loader role="status" size="sm" aria-label="Loading the history" />
      ) : ledger.isError ? (
        <Alert color="red" role="alert">
          {ledger.error.message}
        </Alert>
      ) : rows.length === 0 ? (
        <Text c="dimmed">No movements yet.</Text>
      ) : (
        <div data-testid="ledger-table">
          <DataTable
            rows={rows}
            columns={COLUMNS}
            rowKey={(row) => row.id}
            caption="Credit movements, newest first"
            rowTestId="ledger-row"
            rowData={(row) => ({ 'data-kind': row.kind })}
            minWidth={480}
          />
        </div>
      )}
      {ledger.hasNextPage ? (
        <Group justify="center" mt="md">
          <Button variant="light" onClick={() => void ledger.fetchNextPage()} loading={ledger.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      ) : null}
    </Card>
  );
}
