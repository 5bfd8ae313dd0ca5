import { useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Loader, Progress, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { problemMessage } from '../../api';
import { formatCredits } from '../../components/format-credits';
import { refreshMe } from '../auth/use-me';
import { jobKeys, jobsApi } from './jobs-api';
import { JobOutputView } from './job-output';
import { JobStatusBadge } from './job-status-badge';
import { FINISHED, useJob } from './use-job';

/** A job as it moves: status, a progress bar, then the output; cancel while it is not finished. */
export function JobPanel({ jobId, showLink = false }: { jobId: string; showLink?: boolean }) {
  const queryClient = useQueryClient();
  const job = useJob(jobId);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const [canceling, setCanceling] = useState(false);
  const finished = job.data ? FINISHED.has(job.data.status) : false;
  const wasFinished = useRef(finished);

  useEffect(() => {
    // A failure or cancel refunds: the header balance must follow.
    if (finished && !wasFinished.current) void refreshMe(queryClient);
    wasFinished.current = finished;
  }, [finished, queryClient]);

  if (job.isError) {
    return (
      <Alert color="red" role="alert" title="Could not load the job">
        {job.error.message}
      </Alert>
    );
  }
  if (!job.data) return <Loader role="status" size="sm" aria-label="Loading the job" />;
  const { status, progress, output, error, cost, cached, provider, model } = job.data;

  const cancel = async () => {
    setCanceling(true);
    setCancelError(null);
    try {
      queryClient.setQueryData(jobKeys.job(jobId), await jobsApi.cancel(jobId));
      await Promise.all([refreshMe(queryClient), queryClient.invalidateQueries({ queryKey: jobKeys.all })]);
    } catch (caught) {
      setCancelError(problemMessage(caught, 'Could not cancel the job.'));
      await job.refetch();
    } finally {
      setCanceling(false);
    }
  };

  return (
    <Card withBorder padding="lg" data-testid="job-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <JobStatusBadge status={status} />
            <Text size="sm" c="dimmed">
              {cached ? 'Cached answer, free' : `Cost ${formatCredits(cost)}`}
              {provider ? ` · ${provider}${model ? ` / ${model}` : ''}` : ''}
            </Text>
          </Group>
          {showLink ? (
            <Anchor component={Link} to={`/jobs/${jobId}`} size="sm">
              Job page
            </Anchor>
          ) : null}
        </Group>
        {!finished ? (
          <Stack gap={4} role="status" aria-live="polite">
            <Progress
              value={status === 'queued' ? 0 : Math.max(progress, 2)}
              animated
              size="lg"
              aria-label="Job progress"
              data-testid="job-progress"
            />
            <Group justify="space-between">
              <Text size="sm">{status === 'queued' ? 'Waiting in the queue…' : `Working… ${progress}%`}</Text>
              <Button size="xs" variant="default" onClick={() => void cancel()} loading={canceling}>
                Cancel
              </Button>
            </Group>
          </Stack>
        ) : null}
        {cancelError ? (
          <Alert color="red" role="alert">
            {cancelError}
          </Alert>
        ) : null}
        {status === 'succeeded' && output ? <JobOutputView output={output} /> : null}
        {status === 'failed' || status === 'canceled' ? (
          <Alert
            color={status === 'failed' ? 'red' : 'orange'}
            role="alert"
            title={`The job ${status === 'failed' ? 'failed' : 'was canceled'}`}
          >
            {error ? `${error} ` : ''}Your {formatCredits(cost)} were refunded.
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
