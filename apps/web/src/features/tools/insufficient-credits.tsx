import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { AdOffer } from '@megicai/contracts';
import { Link } from 'react-router';
import { formatCredits } from '../../components/format-credits';

export interface PaymentProblem {
  detail: string;
  needed?: number;
  balance?: number;
  adOffer?: AdOffer | null;
}

/** A 402: what is missing and the ad that would cover it. */
export function InsufficientCredits({ problem }: { problem: PaymentProblem }) {
  const offer = problem.adOffer ?? null;
  return (
    <Alert color="blue" role="alert" title="Not enough credits" data-testid="insufficient-credits">
      <Stack gap="xs">
        <Text size="sm">
          This run costs {formatCredits(problem.needed ?? 0)}; you have {formatCredits(problem.balance ?? 0)}.
        </Text>
        {offer ? (
          <Group justify="space-between" data-testid="ad-offer" data-tier={offer.tier}>
            <Text size="sm">
              Watch an ad ({offer.tier} tier, {offer.seconds} seconds) to earn {formatCredits(offer.credits)}.
            </Text>
            <Button component={Link} to={`/credits?adTier=${offer.tier}`} size="xs">
              Watch the {offer.tier} ad
            </Button>
          </Group>
        ) : (
          <Button component={Link} to="/credits" size="xs" variant="light">
            Get credits
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
