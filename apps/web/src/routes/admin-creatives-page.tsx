import { Stack } from '@mantine/core';
import { PageHeader } from '../components/page-header';
import { AdminCreativeForm } from '../features/admin/admin-creative-form';
import { AdminCreativesTable } from '../features/admin/admin-creatives';
import { AdminNav } from '../features/admin/admin-nav';

export function AdminCreativesPage() {
  return (
    <Stack gap="lg">
      <PageHeader
        title="House creatives"
        lead="Our own ads, shown when no network fills: upload or link images and videos, weigh them, turn them off."
      />
      <AdminNav />
      <AdminCreativesTable />
      <AdminCreativeForm />
    </Stack>
  );
}
