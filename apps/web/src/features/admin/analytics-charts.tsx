import '@mantine/charts/styles.css';
import type { ReactNode } from 'react';
import { BarChart, LineChart } from '@mantine/charts';
import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { LedgerKind } from '@megicai/contracts';
import type { AnalyticsReport } from './admin-api';
import { LEDGER_KIND_LABELS } from '../credits/ledger-kind';
import { percent, usd } from './admin-api';

const H = 220;
const shortDate = (d: string) => d.slice(5);
const dayAxis = { tickFormatter: shortDate, minTickGap: 12 };
const ratioOf = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/** A titled card around a chart; the title names the chart (aria-labelledby) for screen readers. */
export function ChartCard({
  id,
  title,
  hint,
  empty,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  empty?: boolean;
  children: ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="md" data-testid="analytics-chart" data-chart={id}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={`${id}-title`}>
          {title}
        </Title>
        {hint ? (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        ) : null}
        {empty ? (
          <Text c="dimmed">Nothing in this range.</Text>
        ) : (
          <div role="figure" aria-labelledby={`${id}-title`}>
            {children}
          </div>
        )}
      </Stack>
    </Card>
  );
}

/** The per-day charts: activity, ads, cache and unit economics. */
export function DailyCharts({ report }: { report: AnalyticsReport }) {
  const days = report.days.map((d) => ({
    ...d,
    conversion: ratioOf(d.adCompleted, d.adStarted),
    hitRate: ratioOf(d.cacheHits, d.runs),
  }));
  // What every per-day chart shares: its data, one point per UTC day on the x axis, and a legend.
  const perDay = { h: H, data: days, dataKey: 'date', xAxisProps: dayAxis, withLegend: true };
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <ChartCard id="dau" title="Daily active users" hint="Active users and new sign-ups per UTC day">
        <LineChart
          {...perDay}
          series={[
            { name: 'dau', label: 'Active users', color: 'blue.6' },
            { name: 'newUsers', label: 'New users', color: 'teal.6' },
          ]}
        />
      </ChartCard>
      <ChartCard
        id="ads"
        title="Ad sessions"
        hint={`${report.ads.completed} of ${report.ads.started} completed (${percent(report.ads.conversion)})`}
      >
        <BarChart
          {...perDay}
          series={[
            { name: 'adStarted', label: 'Started', color: 'gray.6' },
            { name: 'adCompleted', label: 'Completed', color: 'violet.6' },
          ]}
        />
      </ChartCard>
      <ChartCard
        id="cache"
        title="Cache hit rate"
        hint={`${percent(report.cache.hitRate)} of ${report.cache.hits + report.cache.misses} runs answered from the cache`}
      >
        <LineChart
          {...perDay}
          unit="%"
          series={[
            { name: 'hitRate', label: 'Cache hits', color: 'cyan.7' },
            { name: 'conversion', label: 'Ad conversion', color: 'violet.6' },
          ]}
        />
      </ChartCard>
      <ChartCard
        id="economics"
        title="Unit economics"
        hint={`Estimated ad revenue ${usd(report.revenue.estimatedAdRevenue)}, provider cost ${usd(report.revenue.estimatedProviderCost)}`}
      >
        <LineChart
          {...perDay}
          valueFormatter={(v) => usd(v)}
          series={[
            { name: 'adRevenue', label: 'Ad revenue', color: 'green.7' },
            { name: 'providerCost', label: 'Provider cost', color: 'red.7' },
            { name: 'margin', label: 'Margin', color: 'blue.6' },
          ]}
        />
      </ChartCard>
    </SimpleGrid>
  );
}

/** Horizontal bars for a ranking (names on the axis), at a height that fits the rows. */
function Ranking({
  data,
  series,
  format,
}: {
  data: Record<string, unknown>[];
  series: { name: string; label: string; color: string }[];
  format?: (v: number) => string;
}) {
  return (
    <BarChart
      h={Math.max(120, 40 + data.length * 36)}
      data={data}
      dataKey="name"
      orientation="vertical"
      yAxisProps={{ width: 96 }}
      valueFormatter={format}
      withLegend={series.length > 1}
      series={series}
    />
  );
}

/** Runs and failed runs, as the by-tool and by-provider rankings show them. */
const RUN_SERIES = [
  { name: 'runs', label: 'Runs', color: 'blue.6' },
  { name: 'failed', label: 'Failed', color: 'red.7' },
];

/** Window totals: credits, runs, providers. */
export function TotalCharts({ report }: { report: AnalyticsReport }) {
  const earned = Object.entries(report.credits.earnedByKind).map(([kind, credits]) => ({
    name: LEDGER_KIND_LABELS[kind as LedgerKind] ?? kind,
    credits,
  }));
  const spent = report.credits.spentByTool.map((t) => ({ name: t.name, credits: t.credits }));
  const tools = report.runs.byTool.map((t) => ({ name: t.name, runs: t.runs, failed: t.failed }));
  const providers = report.runs.byProvider.map((p) => ({ name: p.provider, runs: p.runs, failed: p.failed }));
  const latency = report.providers.map((p) => ({
    name: p.provider,
    p50: p.latencyP50Ms ?? 0,
    p95: p.latencyP95Ms ?? 0,
  }));
  const errors = report.providers.map((p) => ({ name: p.provider, errors: Math.round(p.errorRate * 1000) / 10 }));
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <ChartCard id="earned" title="Credits earned by kind" empty={earned.length === 0}>
        <Ranking data={earned} series={[{ name: 'credits', label: 'Credits', color: 'teal.7' }]} />
      </ChartCard>
      <ChartCard id="spent" title="Credits spent by tool" hint="Net of refunds" empty={spent.length === 0}>
        <Ranking data={spent} series={[{ name: 'credits', label: 'Credits', color: 'orange.7' }]} />
      </ChartCard>
      <ChartCard id="runs-tool" title="Runs by tool" empty={tools.length === 0}>
        <Ranking data={tools} series={RUN_SERIES} />
      </ChartCard>
      <ChartCard
        id="runs-provider"
        title="Runs by provider"
        hint="The provider that answered; failed runs under “none”"
        empty={providers.length === 0}
      >
        <Ranking data={providers} series={RUN_SERIES} />
      </ChartCard>
      <ChartCard
        id="latency"
        title="Provider latency"
        hint="Every call, fallbacks included (ms)"
        empty={latency.length === 0}
      >
        <Ranking
          data={latency}
          format={(v) => `${v} ms`}
          series={[
            { name: 'p50', label: 'p50', color: 'blue.6' },
            { name: 'p95', label: 'p95', color: 'grape.7' },
          ]}
        />
      </ChartCard>
      <ChartCard
        id="errors"
        title="Provider error rate"
        hint="Failed calls out of all calls, fallbacks included"
        empty={errors.length === 0}
      >
        <Ranking
          data={errors}
          format={(v) => `${v}%`}
          series={[{ name: 'errors', label: 'Error rate', color: 'red.7' }]}
        />
      </ChartCard>
    </SimpleGrid>
  );
}
