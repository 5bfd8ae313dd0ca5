import { useState } from 'react';
import { Alert, Card, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { AD_TIERS, type AdTier } from '@megicai/contracts';
import { formatCredits } from '../../components/format-credits';
import { AdOfferPanel } from './ad-offer-panel';
import { adsApi, adsKeys } from './ads-api';

/** Pick a tier, see what it pays, watch it. Premium accounts see a note instead: they are ad-free. */
export function AdsCard({ initialTier }: { initialTier?: AdTier }) {
  const offers = useQuery({ queryKey: adsKeys.offers, queryFn: ({ signal }) => adsApi.offers(signal) });
  const status = useQuery({ queryKey: adsKeys.status, queryFn: ({ signal }) => adsApi.status(signal) });
  const [tier, setTier] = useState<AdTier>(initialTier && AD_TIERS.includes(initialTier) ? initialTier : 'text');
  const offer = offers.data?.find((o) => o.tier === tier) ?? offers.data?.[0];

  return (
    <Card withBorder radius="md" padding="md" id="watch-ads">
      <Stack gap="sm">
        <Title order={2} size="h3">
          Watch ads, earn credits
        </Title>
        {status.data ? (
          <Text size="sm" c="dimmed" data-testid="ads-status">
            Today: {status.data.watchedToday} ads watched, {formatCredits(status.data.creditsToday)} earned.
          </Text>
        ) : null}
        {offers.isPending || status.isPending ? (
          <Loader role="status" size="sm" aria-label="Loading ad offers" />
        ) : status.data?.premium ? (
          <Alert color="grape" role="status">
            Premium accounts are ad-free: you get the premium allowance instead.
          </Alert>
        ) : offers.isError ? (
          <Alert color="red" role="alert">
            {offers.error.message}
          </Alert>
        ) : offer ? (
          <>
            <SegmentedControl
              aria-label="Ad tier"
              value={offer.tier}
              onChange={(value) => setTier(value as AdTier)}
              data={(offers.data ?? []).map((o) => ({
                value: o.tier,
                label: `${o.tier[0].toUpperCase()}${o.tier.slice(1)} · ${o.seconds} s · ${formatCredits(o.credits)}`,
              }))}
            />
            <AdOfferPanel key={offer.tier} offer={offer} />
          </>
        ) : (
          <Text c="dimmed">No ads are available right now.</Text>
        )}
      </Stack>
    </Card>
  );
}
