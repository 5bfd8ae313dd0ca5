import { Alert, Card, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { data, megicai } from '../../api';

const usd = (n: number) => `$${n.toFixed(4)}`;
const pct = (n: number) => `${Math.round(n * 1000) / 10}%`;

/** Fill rate and estimated revenue (eCPM) by network and by creative, over the last 7 days. */
export function AdminAdPerformance() {
  const report = useQuery({
    queryKey: ['admin', 'ads', 'performance'],
    queryFn: ({ signal }) => data(megicai.GET('/api/v1/admin/ads/performance', { signal })),
  });
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Title order={2} size="h3" id="ad-performance-title">
          Performance
        </Title>
        {report.isPending ? (
          <Loader size="sm" aria-label="Loading ad performance" />
        ) : report.isError ? (
          <Alert color="red" role="alert">
            {report.error.message}
          </Alert>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {report.data.from} to {report.data.to} · estimated revenue in {report.data.currency}
            </Text>
            <Table.ScrollContainer minWidth={360}>
              <Table aria-labelledby="ad-performance-title" data-testid="ad-performance-networks">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Network</Table.Th>
                    <Table.Th scope="col">Requests</Table.Th>
                    <Table.Th scope="col">Fill rate</Table.Th>
                    <Table.Th scope="col">Revenue</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.data.byNetwork.map((r) => (
                    <Table.Tr key={r.network} data-testid="ad-performance-network" data-network={r.network}>
                      <Table.Th scope="row">{r.network}</Table.Th>
                      <Table.Td>{r.requests}</Table.Td>
                      <Table.Td>{pct(r.fillRate)}</Table.Td>
                      <Table.Td>{usd(r.revenue)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Table.ScrollContainer minWidth={360}>
              <Table aria-label="Revenue by creative">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Creative</Table.Th>
                    <Table.Th scope="col">Impressions</Table.Th>
                    <Table.Th scope="col">Revenue</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.data.byCreative.map((r) => (
                    <Table.Tr key={`${r.network}-${r.creativeId ?? ''}`}>
                      <Table.Th scope="row">
                        {r.title ?? `${r.network}${r.creativeId ? ` · ${r.creativeId}` : ''}`}
                      </Table.Th>
                      <Table.Td>{r.impressions}</Table.Td>
                      <Table.Td>{usd(r.revenue)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </Card>
  );
}
