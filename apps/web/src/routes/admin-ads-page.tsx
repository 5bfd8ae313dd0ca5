import { Stack } from '@mantine/core';
import { PageHeader } from '../components/page-header';
import { AdminAdTiers } from '../features/ads/admin-ad-tiers';

export function AdminAdsPage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Ads" lead="What each ad tier takes and pays, and how many a user may watch a day." />
      <AdminAdTiers />
    </Stack>
  );
}
