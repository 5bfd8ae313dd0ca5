import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/page-header';
import { JobPanel } from '../features/jobs/job-panel';
import { JobActions, JobAsked } from '../features/jobs/job-summary';
import { useJob } from '../features/jobs/use-job';
import { useToolsCatalog } from '../features/tools/use-tools-catalog';

/** One job: the tool, what was asked (prompt or template and variables), then its live status and output. */
export function JobPage() {
  const { id = '' } = useParams();
  const job = useJob(id);
  const tools = useToolsCatalog();
  const tool = job.data ? tools.data?.find((t) => t.id === job.data.toolId) : undefined;
  return (
    <>
      <PageHeader
        title={tool ? `${tool.name} job` : 'Job'}
        lead={job.data ? new Date(job.data.createdAt).toLocaleString() : `Job ${id.slice(0, 8)}`}
        actions={
          <Anchor component={Link} to="/jobs">
            All my jobs
          </Anchor>
        }
      />
      <Stack>
        {job.data ? (
          <Card withBorder padding="lg" component="section" aria-label="What was asked">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
              <Stack gap={4} style={{ flex: '1 1 16rem', minWidth: 0 }}>
                <Text size="sm" c="dimmed">
                  {job.data.template ? 'Asked through a template' : 'Prompt'}
                </Text>
                <JobAsked job={job.data} />
              </Stack>
              <JobActions job={job.data} open={false} />
            </Group>
          </Card>
        ) : null}
        <JobPanel jobId={id} />
      </Stack>
    </>
  );
}
