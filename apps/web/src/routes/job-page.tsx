import { Anchor, Group } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/page-header';
import { JobPanel } from '../features/jobs/job-panel';

export function JobPage() {
  const { id = '' } = useParams();
  return (
    <>
      <PageHeader
        title="Job"
        lead={`Job ${id.slice(0, 8)}`}
        actions={
          <Group>
            <Anchor component={Link} to="/jobs">
              All my jobs
            </Anchor>
          </Group>
        }
      />
      <JobPanel jobId={id} />
    </>
  );
}
