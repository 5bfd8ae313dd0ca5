import { Alert, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { CheckoutSessionView } from '../features/growth/growth-api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { ProblemCode } from '@megicai/contracts';
import { isApiError, problemMessage } from '../api';
import { PageHeader } from '../components/page-header';
import { formatCredits } from '../components/format-credits';
import { afterCreditChange } from '../features/credits/credits-api';
import { formatPackPrice, formatPrice, growthApi, growthKeys } from '../features/growth/growth-api';

/** What the checkout sells, as this page shows it, and where the user goes back to. */
function describe(session: CheckoutSessionView) {
  if (session.plan) {
    const { plan } = session;
    return {
      title: plan.name,
      price: formatPrice(plan),
      detail: `Includes ${formatCredits(plan.allowanceCredits)} and an ad-free ${plan.interval}.`,
      back: '/premium',
      backLabel: 'Back to premium',
      paid: '/premium?paid=1',
    };
  }
  const pack = session.pack;
  return {
    title: pack ? `${formatCredits(pack.credits)} pack` : 'Credit pack',
    price: pack ? formatPackPrice(pack) : '',
    detail: 'The credits are added to your balance as soon as the payment goes through.',
    back: '/credits',
    backLabel: 'Back to credits',
    paid: '/credits?purchased=1',
  };
}

/**
 * The offline demo provider's checkout page, for plans and credit packs alike: nothing is charged. "Pay" asks the
 * API to sign the same event a real provider would send to the webhook, then returns with premium active or the
 * balance risen.
 */
export function PremiumCheckoutPage() {
  const { sessionId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useQuery({
    queryKey: growthKeys.checkout(sessionId),
    queryFn: ({ signal }) => growthApi.session(sessionId, signal),
  });
  const item = session.data ? describe(session.data) : null;
  const pay = useMutation({
    mutationFn: () => growthApi.payDemo(sessionId),
    onSuccess: async () => {
      await afterCreditChange(queryClient);
      await queryClient.invalidateQueries({ queryKey: growthKeys.checkout(sessionId) });
      void navigate(item?.paid ?? '/premium?paid=1');
    },
  });
  return (
    <Stack gap="lg" maw={560}>
      <PageHeader title="Checkout" lead="Demo payment: no card, no money, nothing leaves this machine." />
      {session.isPending ? (
        <Loader role="status" size="sm" aria-label="Loading the checkout" />
      ) : session.isError || !item ? (
        <Alert color="red" role="alert">
          {isApiError(session.error) && session.error.code === ProblemCode.NotFound
            ? 'This checkout does not exist.'
            : problemMessage(session.error)}
        </Alert>
      ) : (
        <Card withBorder radius="md" padding="lg">
          <Stack gap="sm">
            <Title order={2} size="h3">
              {item.title}
            </Title>
            <Text size="xl" fw={700}>
              {item.price}
            </Text>
            <Text size="sm">{item.detail}</Text>
            <Alert color="gray" role="note">
              <Text fw={700} size="sm">
                Demo payment
              </Text>
              <Text size="sm">
                This is the offline demo payment provider. Pressing Pay completes the checkout without charging
                anything.
              </Text>
            </Alert>
            {session.data.status === 'completed' ? (
              <Alert color="teal" role="status">
                This checkout is paid. <Link to={item.back}>{item.backLabel}</Link>
              </Alert>
            ) : (
              <>
                {pay.isError ? (
                  <Alert color="red" role="alert">
                    {pay.error.message}
                  </Alert>
                ) : null}
                <Group>
                  <Button onClick={() => pay.mutate()} loading={pay.isPending}>
                    Pay {item.price}
                  </Button>
                  <Button component={Link} to={item.back} variant="subtle">
                    Cancel
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
