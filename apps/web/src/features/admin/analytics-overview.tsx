import { useState } from 'react';
import { Alert, Card, Group, Loader, Progress, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { LedgerKind } from '@megicai/contracts';
import type { AnalyticsReport } from './admin-api';
import { formatCredits } from '../../components/format-credits';
import { LEDGER_KIND_LABELS } from '../credits/ledger-kind';
import { adminApi, adminKeys, percent, usd, utcDate } from './admin-api';

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700} data-testid={`stat-${label.toLowerCase().replace(/\W+/g, '-')}`}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Card>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

function DauTable({ dau }: { dau: AnalyticsReport['dau'] }) {
  const max = Math.max(1, ...dau.map((d) => d.users));
  return (
    <Table aria-labelledby="dau-title" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Day</Table.Th>
          <Table.Th scope="col">Users</Table.Th>
          <Table.Th scope="col" w="50%">
            Share of busiest day
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {dau.map((d) => (
          <Table.Tr key={d.date}>
            <Table.Th scope="row">{d.date}</Table.Th>
            <Table.Td>{d.users}</Table.Td>
            <Table.Td>
              <Progress value={(d.users / max) * 100} aria-label={`${d.users} users on ${d.date}`} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function CreditsTable({ credits }: { credits: AnalyticsReport['credits'] }) {
  const kinds = [
    ...new Set([...Object.keys(credits.earnedByKind), ...Object.keys(credits.spentByKind)]),
  ] as LedgerKind[];
  if (kinds.length === 0) return <Text c="dimmed">No credit movements in this range.</Text>;
  return (
    <Table aria-labelledby="credits-title">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Kind</Table.Th>
          <Table.Th scope="col">Earned</Table.Th>
          <Table.Th scope="col">Spent</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {kinds.map((k) => (
          <Table.Tr key={k}>
            <Table.Th scope="row">{LEDGER_KIND_LABELS[k] ?? k}</Table.Th>
            <Table.Td>{formatCredits(credits.earnedByKind[k] ?? 0)}</Table.Td>
            <Table.Td>{formatCredits(credits.spentByKind[k] ?? 0)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function RunsTables({ report }: { report: AnalyticsReport }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Table aria-label="Runs by tool">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Tool</Table.Th>
            <Table.Th scope="col">Runs</Table.Th>
            <Table.Th scope="col">Failed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.runs.byTool.map((t) => (
            <Table.Tr key={t.toolId}>
              <Table.Th scope="row">{t.name}</Table.Th>
              <Table.Td>{t.runs}</Table.Td>
              <Table.Td>{t.failed}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Table aria-label="Providers: runs, latency and errors">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Provider</Table.Th>
            <Table.Th scope="col">Runs</Table.Th>
            <Table.Th scope="col">p50</Table.Th>
            <Table.Th scope="col">p95</Table.Th>
            <Table.Th scope="col">Errors</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.runs.byProvider.map((p) => {
            const health = report.providers.find((h) => h.provider === p.provider);
            return (
              <Table.Tr key={p.provider}>
                <Table.Th scope="row">{p.provider}</Table.Th>
                <Table.Td>{p.runs}</Table.Td>
                <Table.Td>{health?.latencyP50Ms != null ? `${health.latencyP50Ms} ms` : '–'}</Table.Td>
                <Table.Td>{health?.latencyP95Ms != null ? `${health.latencyP95Ms} ms` : '–'}</Table.Td>
                <Table.Td>{health ? percent(health.errorRate) : '–'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </SimpleGrid>
  );
}

/** The admin's overview for a range of UTC days (at most 92). */
export function AnalyticsOverview() {
  const [from, setFrom] = useState(utcDate(6));
  const [to, setTo] = useState(utcDate(0));
  const report = useQuery({
    queryKey: adminKeys.analytics(from, to),
    queryFn: ({ signal }) => adminApi.analytics(from, to, signal),
    enabled: Boolean(from && to),
  });
  const r = report.data;
  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end">
        <TextInput type="date" label="From" value={from} max={to} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label="To" value={to} min={from} onChange={(e) => setTo(e.currentTarget.value)} />
        {report.isFetching ? <Loader role="status" size="sm" aria-label="Loading analytics" /> : null}
      </Group>
      {report.isError ? (
        <Alert color="red" role="alert">
          {report.error.message}
        </Alert>
      ) : null}
      {r ? (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Stat label="Active users (last day)" value={String(r.dau.at(-1)?.users ?? 0)} hint={r.dau.at(-1)?.date} />
            <Stat
              label="Ads completed"
              value={`${r.ads.completed} / ${r.ads.started}`}
              hint={`${percent(r.ads.conversion)} conversion`}
            />
            <Stat
              label="Cache hit rate"
              value={percent(r.cache.hitRate)}
              hint={`${r.cache.hits} hits, ${r.cache.misses} misses`}
            />
            <Stat
              label="Ad revenue vs provider cost"
              value={`${usd(r.revenue.estimatedAdRevenue)} / ${usd(r.revenue.estimatedProviderCost)}`}
              hint="Estimates"
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Section id="dau-title" title="Daily active users">
              <DauTable dau={r.dau} />
            </Section>
            <Section id="credits-title" title="Credits by kind">
              <CreditsTable credits={r.credits} />
            </Section>
          </SimpleGrid>
          <Section id="runs-title" title="Runs">
            <RunsTables report={r} />
          </Section>
        </>
      ) : null}
    </Stack>
  );
}
