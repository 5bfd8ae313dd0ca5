import { Alert, Button, Stack, Text } from '@mantine/core';
import type { AdOffer } from '@megicai/contracts';
import { Link } from 'react-router';
import { formatCredits } from '../../components/format-credits';
import { AdOfferPanel } from '../ads/ad-offer-panel';

export interface PaymentProblem {
  detail: string;
  needed?: number;
  balance?: number;
  adOffer?: AdOffer | null;
}

/** A 402: what is missing, and the ad tier that covers it, ready to play. */
export function InsufficientCredits({ problem }: { problem: PaymentProblem }) {
  const offer = problem.adOffer ?? null;
  const missing = Math.max(0, Math.round(((problem.needed ?? 0) - (problem.balance ?? 0)) * 1000) / 1000);
  return (
    <Alert color="blue" role="alert" title="Not enough credits" data-testid="insufficient-credits">
      <Stack gap="xs">
        <Text size="sm">
          This run costs {formatCredits(problem.needed ?? 0)}; you have {formatCredits(problem.balance ?? 0)}.
        </Text>
        {offer ? (
          <AdOfferPanel offer={offer} lead={`You need ${formatCredits(missing)} more.`} />
        ) : (
          <Button component={Link} to="/credits" size="xs" variant="light">
            Get credits
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
