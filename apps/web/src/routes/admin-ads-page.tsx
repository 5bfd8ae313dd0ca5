import { Stack } from '@mantine/core';
import { PageHeader } from '../components/page-header';
import { AdminAdNetworks } from '../features/ads/admin-ad-networks';
import { AdminAdPerformance } from '../features/ads/admin-ad-performance';
import { AdminAdTiers } from '../features/ads/admin-ad-tiers';

export function AdminAdsPage() {
  return (
    <Stack gap="lg">
      <PageHeader
        title="Ads"
        lead="What each ad tier takes and pays, the network waterfall, and how each network fills and earns."
      />
      <AdminAdTiers />
      <AdminAdNetworks />
      <AdminAdPerformance />
    </Stack>
  );
}
