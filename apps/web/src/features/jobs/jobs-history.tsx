import { Anchor, Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatCredits } from '../../components/format-credits';
import { jobKeys, jobsApi } from './jobs-api';
import { useToolsCatalog } from '../tools/use-tools-catalog';
import { JobStatusBadge } from './job-status-badge';
import { QueryFallback } from '../../components/query-fallback';

/** The caller's past jobs, newest first, page by page. */
export function JobsHistory() {
  const tools = useToolsCatalog();
  const names = new Map((tools.data ?? []).map((t) => [t.id, t.name]));
  const jobs = useInfiniteQuery({
    queryKey: jobKeys.all,
    queryFn: ({ pageParam, signal }) => jobsApi.jobs(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((j) => j.status === 'queued' || j.status === 'running'))
        ? 2000
        : false,
  });
  const items = jobs.data?.pages.flatMap((p) => p.items) ?? [];
  if (!jobs.isSuccess) {
    return <QueryFallback query={jobs} label="Loading your jobs" errorTitle="Could not load your jobs" />;
  }
  if (items.length === 0) {
    return (
      <Text c="dimmed">
        No jobs yet.{' '}
        <Anchor component={Link} to="/tools">
          Run a tool
        </Anchor>
        .
      </Text>
    );
  }
  return (
    <Stack>
      <Table.ScrollContainer minWidth={560}>
        <Table striped highlightOnHover>
          <Table.Caption>Your jobs, newest first</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">Tool</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Cost</Table.Th>
              <Table.Th scope="col">Provider</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Open</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((job) => (
              <Table.Tr key={job.id} data-testid="job-row">
                <Table.Td>{new Date(job.createdAt).toLocaleString()}</Table.Td>
                <Table.Td>{names.get(job.toolId) ?? 'Tool'}</Table.Td>
                <Table.Td>
                  <JobStatusBadge status={job.status} />
                </Table.Td>
                <Table.Td>{job.cached ? 'free (cached)' : formatCredits(job.cost)}</Table.Td>
                <Table.Td>{job.provider ?? '—'}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/jobs/${job.id}`} aria-label={`Open job ${job.id.slice(0, 8)}`}>
                    Open
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {jobs.hasNextPage ? (
        <Button variant="default" onClick={() => void jobs.fetchNextPage()} loading={jobs.isFetchingNextPage}>
          Load more
        </Button>
      ) : null}
    </Stack>
  );
}
