import { Stack } from '@mantine/core';
import { PageHeader } from '../components/page-header';
import { AdminNav } from '../features/admin/admin-nav';
import { AnalyticsOverview } from '../features/admin/analytics-overview';

export function AdminPage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Admin" lead="Activity, ads, credits, runs and providers over a range of UTC days." />
      <AdminNav />
      <AnalyticsOverview />
    </Stack>
  );
}
