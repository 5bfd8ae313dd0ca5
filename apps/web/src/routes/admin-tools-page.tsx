import { Stack } from '@mantine/core';
import { PageHeader } from '../components/page-header';
import { AdminNav } from '../features/admin/admin-nav';
import { AdminToolsTable } from '../features/admin/admin-tools-table';

export function AdminToolsPage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Tools" lead="Prices, offers, availability and the order providers are tried in." />
      <AdminNav />
      <AdminToolsTable />
    </Stack>
  );
}
