import { Stack } from '@mantine/core';
import { PageHeader } from '../components/page-header';
import { AdminNav } from '../features/admin/admin-nav';
import { AdminProviders } from '../features/admin/admin-providers';

export function AdminProvidersPage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Providers" lead="Configuration, health, circuit, latency and errors over the last hour." />
      <AdminNav />
      <AdminProviders />
    </Stack>
  );
}
