import { PageHeader } from '../components/page-header';
import { JobsHistory } from '../features/jobs/jobs-history';

export function JobsPage() {
  return (
    <>
      <PageHeader
        title="My jobs"
        lead="Every run: its status, cost and output. Failed and canceled runs are refunded."
      />
      <JobsHistory />
    </>
  );
}
