import { Stack } from '@mantine/core';
import { PageHeader } from '../components/page-header';
import { AccountCards } from '../features/account/account-cards';
import { SpendingLimitsCard } from '../features/account-limits/spending-limits-card';
import { ApiKeysCard } from '../features/api-keys/api-keys-card';
import { WebhooksCard } from '../features/webhooks/webhooks-card';

/**
 * The signed-in user's account: profile and password, sessions, API keys, spending limits, webhooks, data export
 * and deletion. Each section is a card owned by its feature (`features/<feature>/…-card.tsx`), listed here in order.
 */
export function AccountPage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Account" lead="Your profile, security, API access and spending limits." />
      <AccountCards />
      <ApiKeysCard />
      <SpendingLimitsCard />
      <WebhooksCard />
    </Stack>
  );
}
