import { useState } from 'react';
import { Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { JobStatus, TOOL_KINDS, type ToolKind } from '@megicai/contracts';
import type { JobView } from './jobs-api';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../components/data-table';
import { QueryFallback } from '../../components/query-fallback';
import { KIND_LABELS } from '../tools/tool-cost';
import { useToolsCatalog } from '../tools/use-tools-catalog';
import { type JobFilters, jobKeys, jobsApi } from './jobs-api';
import { JobActions, JobAsked, JobCost, JobPreview } from './job-summary';
import { JobStatusBadge } from './job-status-badge';

/** The caller's past jobs, newest first, page by page, filtered by kind and status on the server. */
export function JobsHistory() {
  const tools = useToolsCatalog();
  const names = new Map((tools.data ?? []).map((t) => [t.id, t.name]));
  const [filters, setFilters] = useState<JobFilters>({});
  const jobs = useInfiniteQuery({
    queryKey: jobKeys.list(filters),
    queryFn: ({ pageParam, signal }) => jobsApi.jobs(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((j) => j.status === 'queued' || j.status === 'running'))
        ? 2000
        : false,
  });
  const items = jobs.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(filters.kind || filters.status);

  const columns: DataColumn<JobView>[] = [
    { key: 'when', label: 'When', cell: (j) => new Date(j.createdAt).toLocaleString() },
    { key: 'tool', label: 'Tool', cell: (j) => names.get(j.toolId) ?? KIND_LABELS[j.kind] },
    { key: 'asked', label: 'Asked', cell: (j) => <JobAsked job={j} lines={2} /> },
    { key: 'result', label: 'Result', cell: (j) => <JobPreview job={j} /> },
    { key: 'status', label: 'Status', cell: (j) => <JobStatusBadge status={j.status} /> },
    { key: 'cost', label: 'Cost', numeric: true, cell: (j) => <JobCost job={j} /> },
    { key: 'actions', label: 'Actions', hideLabel: true, cell: (j) => <JobActions job={j} /> },
  ];

  return (
    <Stack>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="Kind"
          placeholder="All kinds"
          clearable
          w={{ base: '100%', xs: 180 }}
          data={TOOL_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          value={filters.kind ?? null}
          onChange={(kind) => setFilters((f) => ({ ...f, kind: (kind as ToolKind | null) ?? undefined }))}
        />
        <Select
          label="Status"
          placeholder="All statuses"
          clearable
          w={{ base: '100%', xs: 180 }}
          data={Object.values(JobStatus).map((s) => ({ value: s, label: s }))}
          value={filters.status ?? null}
          onChange={(status) => setFilters((f) => ({ ...f, status: (status as JobStatus | null) ?? undefined }))}
        />
      </Group>
      {!jobs.isSuccess ? (
        <QueryFallback query={jobs} label="Loading your jobs" errorTitle="Could not load your jobs" />
      ) : items.length === 0 ? (
        <Text c="dimmed">
          {filtered ? 'No jobs match these filters.' : 'No jobs yet. '}
          {filtered ? null : (
            <Anchor component={Link} to="/tools">
              Run a tool
            </Anchor>
          )}
        </Text>
      ) : (
        <DataTable
          rows={items}
          columns={columns}
          rowKey={(j) => j.id}
          caption="Your jobs, newest first"
          rowTestId="job-row"
          minWidth={860}
        />
      )}
      {jobs.hasNextPage ? (
        <Button variant="default" onClick={() => void jobs.fetchNextPage()} loading={jobs.isFetchingNextPage}>
          Load more
        </Button>
      ) : null}
    </Stack>
  );
}
