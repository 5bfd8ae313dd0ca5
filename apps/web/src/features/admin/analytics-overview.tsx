import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { percent, usd, utcDate } from './admin-api';
import { analyticsApi, analyticsKeys } from './analytics-api';
import { DailyCharts, TotalCharts } from './analytics-charts';

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

const PRESETS = ['7', '30', '90'] as const;

/** The admin's dashboard for a range of UTC days (at most 92): trends per day, then totals over the range. */
export function AnalyticsOverview() {
  const [from, setFrom] = useState(utcDate(6));
  const [to, setTo] = useState(utcDate(0));
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const report = useQuery({
    queryKey: analyticsKeys.report(from, to),
    queryFn: ({ signal }) => analyticsApi.report(from, to, signal),
    enabled: Boolean(from && to),
  });
  const preset = PRESETS.find((n) => to === utcDate(0) && from === utcDate(Number(n) - 1)) ?? '';
  const choose = (days: string) => {
    setTo(utcDate(0));
    setFrom(utcDate(Number(days) - 1));
  };
  const download = async () => {
    setDownloading(true);
    setDownloadError(null);
    try {
      await analyticsApi.downloadCsv(from, to);
    } catch (error) {
      setDownloadError(error instanceof Error ? error.message : String(error));
    } finally {
      setDownloading(false);
    }
  };
  const r = report.data;
  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="analytics-range-label">
            Last
          </Text>
          <SegmentedControl
            aria-labelledby="analytics-range-label"
            value={preset}
            onChange={choose}
            data={PRESETS.map((n) => ({ value: n, label: `${n} days` }))}
          />
        </Stack>
        <TextInput type="date" label="From" value={from} max={to} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label="To" value={to} min={from} onChange={(e) => setTo(e.currentTarget.value)} />
        <Button variant="default" onClick={() => void download()} loading={downloading}>
          Download CSV
        </Button>
        {report.isFetching ? <Loader role="status" size="sm" aria-label="Loading analytics" /> : null}
      </Group>
      {report.isError || downloadError ? (
        <Alert color="red" role="alert">
          {downloadError ?? report.error?.message}
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
          <DailyCharts report={r} />
          <TotalCharts report={r} />
        </>
      ) : null}
    </Stack>
  );
}
