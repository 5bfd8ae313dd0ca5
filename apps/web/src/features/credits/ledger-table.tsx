import { Alert, Button, Card, Group, Loader, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { creditsApi, creditsKeys } from './credits-api';
import { LEDGER_KIND_LABELS } from './ledger-kind';

const amount = new Intl.NumberFormat('en', { maximumFractionDigits: 3, signDisplay: 'always' });
const plain = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });
const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

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
        <Table.ScrollContainer minWidth={480}>
          <Table striped aria-labelledby="ledger-title" data-testid="ledger-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">What</Table.Th>
                <Table.Th scope="col" ta="right">
                  Amount
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Balance after
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id} data-testid="ledger-row" data-kind={row.kind}>
                  <Table.Td>
                    <time dateTime={row.createdAt}>{when.format(new Date(row.createdAt))}</time>
                  </Table.Td>
                  <Table.Td>{LEDGER_KIND_LABELS[row.kind] ?? row.kind}</Table.Td>
                  <Table.Td ta="right" ff="monospace" fw={600}>
                    {amount.format(row.delta)}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {plain.format(row.balanceAfter)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
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
