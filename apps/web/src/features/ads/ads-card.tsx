import { useState } from 'react';
import { Alert, Card, Group, Loader, Radio, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { AD_TIERS, type AdTier } from '@megicai/contracts';
import type { AdOffer } from './ads-api';
import { formatCredits } from '../../components/format-credits';
import { AdOfferPanel } from './ad-offer-panel';
import { adsApi, adsKeys } from './ads-api';

const perMinute = (o: AdOffer) => (o.credits * 60) / o.seconds;
const length = (seconds: number) =>
  seconds % 60 === 0
    ? `${seconds / 60} min`
    : seconds > 60
      ? `${Math.floor(seconds / 60)} min ${seconds % 60} s`
      : `${seconds} s`;

/** The durations of one tier; the default is the one that pays the most per minute. */
function pickDuration(offers: AdOffer[], seconds: number | null): AdOffer | undefined {
  return offers.find((o) => o.seconds === seconds) ?? [...offers].sort((a, b) => perMinute(b) - perMinute(a))[0];
}

/** Pick a tier and a length (longer ads pay more per minute), see what it pays, watch it. Premium accounts see a note instead: they are ad-free. */
export function AdsCard({ initialTier }: { initialTier?: AdTier }) {
  const offers = useQuery({ queryKey: adsKeys.offers, queryFn: ({ signal }) => adsApi.offers(signal) });
  const status = useQuery({ queryKey: adsKeys.status, queryFn: ({ signal }) => adsApi.status(signal) });
  const [tier, setTier] = useState<AdTier>(initialTier && AD_TIERS.includes(initialTier) ? initialTier : 'text');
  const [seconds, setSeconds] = useState<number | null>(null);
  const tiers = [...new Set((offers.data ?? []).map((o) => o.tier))];
  const shownTier = tiers.includes(tier) ? tier : tiers[0];
  const durations = (offers.data ?? []).filter((o) => o.tier === shownTier);
  const offer = pickDuration(durations, seconds);

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
              onChange={(value) => {
                setTier(value as AdTier);
                setSeconds(null);
              }}
              data={tiers.map((t) => ({ value: t, label: `${t[0].toUpperCase()}${t.slice(1)}` }))}
            />
            <Radio.Group
              label="Length"
              description="Longer ads pay more per minute"
              value={String(offer.seconds)}
              onChange={(value) => setSeconds(Number(value))}
            >
              <Group gap="sm" mt={4} data-testid="ad-durations">
                {durations.map((o) => (
                  <Radio
                    key={o.seconds}
                    value={String(o.seconds)}
                    data-testid="ad-duration"
                    label={`${length(o.seconds)} · ${formatCredits(o.credits)} · ${perMinute(o).toFixed(1)}/min`}
                  />
                ))}
              </Group>
            </Radio.Group>
            <AdOfferPanel key={`${offer.tier}-${offer.seconds}`} offer={offer} />
          </>
        ) : (
          <Text c="dimmed">No ads are available right now.</Text>
        )}
      </Stack>
    </Card>
  );
}
