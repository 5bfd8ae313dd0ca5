import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header';
import { useMe } from '../features/auth/use-me';

const day = new Intl.DateTimeFormat('en', { dateStyle: 'long' });

/**
 * The offline demo provider's customer portal (Stripe's billing portal stands here with PAYMENTS_PROVIDER=stripe).
 * The demo has no renewing subscription: each paid period simply ends, so there is nothing to cancel.
 */
export function PremiumPortalPage() {
  const until = useMe().data?.premiumUntil;
  return (
    <Stack gap="lg" maw={560}>
      <PageHeader title="Manage subscription" lead="Demo portal: no card on file, nothing renews." />
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <Text data-testid="portal-status">
            {until ? (
              <>
                Premium is paid until <time dateTime={until}>{day.format(new Date(until))}</time> and then ends by
                itself.
              </>
            ) : (
              'You have no premium period.'
            )}
          </Text>
          <Alert color="gray" role="note">
            With a real payment provider this page is its customer portal: change the card, see invoices, cancel.
          </Alert>
          <Group>
            <Button component={Link} to="/premium" variant="default">
              Back to premium
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
