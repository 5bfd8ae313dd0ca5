import { Badge } from '@mantine/core';
import type { JobStatus } from '@megicai/contracts';

const COLORS: Record<JobStatus, string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
  canceled: 'orange',
};

export function JobStatusBadge({ status }: { status: JobStatus }) {
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="job-status">
      {status}
    </Badge>
  );
}
