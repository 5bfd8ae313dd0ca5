import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { AdCompleteResult, AdOffer, AdSessionView } from './ads-api';
import { formatCredits } from '../../components/format-credits';
import { problemMessage } from '../../api';
import { AdPlayer } from './ad-player';
import { adsApi } from './ads-api';

export interface AdOfferPanelProps {
  /** The tier to play: from `GET /ads/offers`, or a 402's `adOffer`. */
  offer: Pick<AdOffer, 'tier' | 'seconds' | 'credits'> & { remainingToday?: number };
  /** Called after the credits were granted (the header balance is already refreshed). */
  onEarned?: (result: AdCompleteResult) => void;
  /** Shown above the button, e.g. "You need 3 more credits". */
  lead?: string;
}

/**
 * Reusable: offers one ad tier, plays it and claims the reward. Used on the Credits page and wherever a tool needs
 * more credits than the user has (a 402's `adOffer`).
 */
export function AdOfferPanel({ offer, onEarned, lead }: AdOfferPanelProps) {
  const [session, setSession] = useState<AdSessionView | null>(null);
  const [earned, setEarned] = useState<AdCompleteResult | null>(null);
  const start = useMutation({
    mutationFn: () => adsApi.start(offer.tier, offer.seconds),
    onSuccess: (s) => {
      setEarned(null);
      setSession(s);
    },
  });
  const soldOut = offer.remainingToday === 0;
  return (
    <Card withBorder radius="md" padding="md" data-testid="ad-offer-panel" data-tier={offer.tier}>
      <Stack gap="sm">
        {lead ? <Text size="sm">{lead}</Text> : null}
        {earned ? (
          <Alert color="teal" role="status" data-testid="ad-earned">
            You earned {formatCredits(earned.granted)}. Your balance is now {formatCredits(earned.balance)}.
          </Alert>
        ) : null}
        {session ? (
          <AdPlayer
            key={session.sessionId}
            session={session}
            onEarned={(result) => {
              setEarned(result);
              setSession(null);
              onEarned?.(result);
            }}
            onEnd={() => setSession(null)}
          />
        ) : (
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">
              Watch a <strong>{offer.tier}</strong> ad for {offer.seconds} seconds to earn{' '}
              <strong>{formatCredits(offer.credits)}</strong>
              {offer.remainingToday !== undefined ? ` · ${offer.remainingToday} left today` : ''}.
            </Text>
            <Button onClick={() => start.mutate()} loading={start.isPending} disabled={soldOut}>
              {earned ? 'Watch another' : `Watch the ${offer.tier} ad`}
            </Button>
          </Group>
        )}
        {soldOut && !session ? (
          <Text size="sm" c="dimmed">
            Daily cap reached for this tier. Come back after midnight UTC.
          </Text>
        ) : null}
        {start.isError ? (
          <Alert color="red" role="alert" data-testid="ad-start-error">
            {problemMessage(start.error)}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
