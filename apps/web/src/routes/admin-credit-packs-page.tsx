import { Stack } from '@mantine/core';
import { PageHeader } from '../components/page-header';
import { AdminNav } from '../features/admin/admin-nav';
import { AdminCreditPacks } from '../features/credits/admin-credit-packs';

export function AdminCreditPacksPage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Credit packs" lead="The credit packs users can buy: what each gives and costs." />
      <AdminNav />
      <AdminCreditPacks />
    </Stack>
  );
}
