import { Badge } from '@mantine/core';
import type { JobStatus } from '@megicai/contracts';

const COLORS: Record<JobStatus, string> = {
  queued: 'gray.8',
  running: 'blue.9',
  succeeded: 'teal.9',
  failed: 'red.9',
  canceled: 'violet.9',
};

export function JobStatusBadge({ status }: { status: JobStatus }) {
  return (
    <Badge color={COLORS[status]} variant="filled" data-testid="job-status">
      {status}
    </Badge>
  );
}
