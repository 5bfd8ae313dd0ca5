import { Badge, Card, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryFallback } from '../../components/query-fallback';
import { KEYBOARD_SCROLL, TableHead } from './table-head';
import { adminApi, adminKeys, percent } from './admin-api';

const ms = (v: number | null) => (v === null ? '—' : `${Math.round(v)} ms`);

/** Each provider over the last hour, merged from every API and worker process; refreshed every 15 s. */
export function AdminProviders() {
  const providers = useQuery({
    queryKey: adminKeys.providers,
    queryFn: ({ signal }) => adminApi.providers(signal),
    refetchInterval: 15_000,
  });
  if (!providers.isSuccess) return <QueryFallback query={providers} label="Loading providers" />;
  return (
    <Card withBorder radius="md" padding="md">
      <Table.ScrollContainer minWidth={640} scrollAreaProps={KEYBOARD_SCROLL}>
        <Table aria-label="Providers" striped>
          <TableHead
            columns={['Provider', 'Configured', 'Healthy', 'Circuit', 'p50', 'p95', 'Error rate', 'Runs (1 h)']}
          />
          <Table.Tbody>
            {providers.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Th scope="row">{p.id}</Table.Th>
                <Table.Td>{p.configured ? 'yes' : 'no'}</Table.Td>
                <Table.Td>{p.healthy ? 'yes' : 'no'}</Table.Td>
                <Table.Td>
                  <Badge variant="default">{p.circuit}</Badge>
                </Table.Td>
                <Table.Td>{ms(p.latencyP50)}</Table.Td>
                <Table.Td>{ms(p.latencyP95)}</Table.Td>
                <Table.Td>{percent(p.errorRate)}</Table.Td>
                <Table.Td>{p.runs}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
