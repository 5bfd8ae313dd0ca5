import { Stack } from '@mantine/core';
import { PageHeader } from '../components/page-header';
import { AdminNav } from '../features/admin/admin-nav';
import { AdminPremiumPlans } from '../features/admin/admin-premium-plans';

export function AdminPlansPage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Premium plans" lead="What each plan costs, the credits it grants, and which are offered." />
      <AdminNav />
      <AdminPremiumPlans />
    </Stack>
  );
}
