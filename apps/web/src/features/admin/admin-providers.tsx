import { Badge, Card } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryFallback } from '../../components/query-fallback';
import { DataTable, type DataColumn } from '../../components/data-table';
import { adminApi, adminKeys, percent, type AdminProviderView } from './admin-api';

const ms = (v: number | null) => (v === null ? '—' : `${Math.round(v)} ms`);

const COLUMNS: DataColumn<AdminProviderView>[] = [
  { key: 'id', label: 'Provider', rowHeader: true, cell: (p) => p.id },
  { key: 'configured', label: 'Configured', cell: (p) => (p.configured ? 'yes' : 'no') },
  { key: 'healthy', label: 'Healthy', cell: (p) => (p.healthy ? 'yes' : 'no') },
  { key: 'circuit', label: 'Circuit', cell: (p) => <Badge variant="default">{p.circuit}</Badge> },
  { key: 'p50', label: 'p50', cell: (p) => ms(p.latencyP50) },
  { key: 'p95', label: 'p95', cell: (p) => ms(p.latencyP95) },
  { key: 'errors', label: 'Error rate', cell: (p) => percent(p.errorRate) },
  { key: 'runs', label: 'Runs (1 h)', cell: (p) => p.runs },
];

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
      <DataTable
        rows={providers.data}
        columns={COLUMNS}
        rowKey={(p) => p.id}
        caption="Providers"
        hideCaption
        minWidth={640}
      />
    </Card>
  );
}
