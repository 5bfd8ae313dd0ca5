import { Stack } from '@mantine/core';
import { PageHeader } from '../components/page-header';
import { AdminNav } from '../features/admin/admin-nav';
import { AdminQueues } from '../features/admin/admin-queues';

export function AdminQueuesPage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Queues" lead="Image, audio and video jobs by state." />
      <AdminNav />
      <AdminQueues />
    </Stack>
  );
}
