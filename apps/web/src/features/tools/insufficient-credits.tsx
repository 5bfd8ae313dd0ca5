import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import type { SpendCapScope, ToolAlternative } from '@megicai/contracts';
import type { AdOffer } from '../ads/ads-api';
import { Link } from 'react-router';
import { formatCredits } from '../../components/format-credits';
import { AdOfferPanel } from '../ads/ad-offer-panel';
import { CheaperTools } from './cheaper-tools';

/** A credits 402 (`insufficient_credits` or `spend_cap_reached`), with its extension members. */
export interface PaymentProblem {
  code: string;
  detail: string;
  needed?: number;
  balance?: number;
  adOffer?: AdOffer | null;
  alternatives?: ToolAlternative[];
  scope?: SpendCapScope;
  cap?: number;
  spent?: number;
  resetsAt?: string;
}

export const PAYMENT_CODES = new Set(['insufficient_credits', 'spend_cap_reached']);

const CAP_NAMES: Record<SpendCapScope, string> = {
  daily: 'daily spending cap',
  monthly: 'monthly spending cap',
  key: 'API key’s daily cap',
};

/** A 402: what is missing and the ad tier that covers it, or the cap that stops the run; and cheaper tools. */
export function InsufficientCredits({ problem }: { problem: PaymentProblem }) {
  if (problem.code === 'spend_cap_reached') {
    return (
      <SpendCapNotice
        scope={problem.scope ?? 'daily'}
        cap={problem.cap ?? 0}
        spent={problem.spent ?? 0}
        resetsAt={problem.resetsAt}
        alternatives={problem.alternatives ?? []}
      />
    );
  }
  const missing = Math.max(0, Math.round(((problem.needed ?? 0) - (problem.balance ?? 0)) * 1000) / 1000);
  return (
    <NotEnoughCredits
      needed={problem.needed ?? 0}
      balance={problem.balance ?? 0}
      offer={problem.adOffer ?? null}
      lead={`You need ${formatCredits(missing)} more.`}
      alternatives={problem.alternatives ?? []}
    />
  );
}

export function NotEnoughCredits(props: {
  needed: number;
  balance: number;
  offer: AdOffer | null;
  lead: string;
  alternatives: ToolAlternative[];
  title?: string;
}) {
  return (
    <Alert color="blue" role="alert" title={props.title ?? 'Not enough credits'} data-testid="insufficient-credits">
      <Stack gap="xs">
        <Text size="sm">
          This run costs {formatCredits(props.needed)}; you have {formatCredits(props.balance)}.
        </Text>
        {props.offer ? (
          <AdOfferPanel offer={props.offer} lead={props.lead} />
        ) : (
          <Button component={Link} to="/credits" size="xs" variant="light">
            Get credits
          </Button>
        )}
        <CheaperTools tools={props.alternatives} />
      </Stack>
    </Alert>
  );
}

export function SpendCapNotice(props: {
  scope: SpendCapScope;
  cap: number;
  spent: number;
  resetsAt?: string;
  alternatives: ToolAlternative[];
  title?: string;
}) {
  const resets = props.resetsAt ? new Date(props.resetsAt).toLocaleString() : null;
  return (
    // No Alert title: yellow on its light background misses WCAG AA contrast; the heading text stays dark.
    <Alert color="yellow" role="alert" data-testid="spend-cap-reached">
      <Stack gap="xs">
        <Text size="sm" fw={700}>
          {props.title ?? 'Spending cap reached'}
        </Text>
        <Text size="sm">
          This run would pass your {CAP_NAMES[props.scope]}: {formatCredits(props.spent)} of {formatCredits(props.cap)}{' '}
          spent{resets ? `; it resets ${resets}` : ''}.
          {props.scope === 'key' ? null : (
            <>
              {' '}
              You can change it on your{' '}
              <Anchor component={Link} to="/account" c="inherit" underline="always">
                Account page
              </Anchor>
              .
            </>
          )}
        </Text>
        <CheaperTools tools={props.alternatives} />
      </Stack>
    </Alert>
  );
}
