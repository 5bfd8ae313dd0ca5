import { SimpleGrid, Stack } from '@mantine/core';
import type { AdTier } from '@megicai/contracts';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../components/page-header';
import { AdsCard } from '../features/ads/ads-card';
import { BuyCreditsCard } from '../features/credits/buy-credits-card';
import { CreditsSummaryCards } from '../features/credits/credits-summary';
import { DailyRewardCard } from '../features/credits/daily-reward-card';
import { LedgerTable } from '../features/credits/ledger-table';
import { ReferralCard } from '../features/credits/referral-card';

/** Balance, today's movements, ways to earn (ads, packs to buy, daily reward, referrals) and the full history. */
export function CreditsPage() {
  // `?adTier=video` comes from a "not enough credits" offer: preselect that tier.
  const [params] = useSearchParams();
  return (
    <Stack gap="lg">
      <PageHeader title="Credits" lead="Your balance, ways to earn more, and every movement." />
      <CreditsSummaryCards />
      <AdsCard initialTier={(params.get('adTier') as AdTier | null) ?? undefined} />
      <BuyCreditsCard purchased={params.get('purchased') === '1'} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <DailyRewardCard />
        <ReferralCard />
      </SimpleGrid>
      <LedgerTable />
    </Stack>
  );
}
