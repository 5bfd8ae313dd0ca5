import { Alert, Button, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import type { PremiumPlanView } from '../features/growth/growth-api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../components/page-header';
import { useMe } from '../features/auth/use-me';
import { goToProviderPage, growthApi, growthKeys, paymentErrorMessage } from '../features/growth/growth-api';
import { PlanCard } from '../features/growth/plan-card';
import { useIsPremium } from '../features/tools/use-is-premium';

const day = new Intl.DateTimeFormat('en', { dateStyle: 'long' });

/**
 * Plans and the caller's premium status; subscribing opens the payment provider's checkout, "Manage subscription"
 * its customer portal.
 */
export function PremiumPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe().data;
  const until = me?.premiumUntil ? new Date(me.premiumUntil) : null;
  const premium = useIsPremium();
  const plans = useQuery({ queryKey: growthKeys.plans, queryFn: ({ signal }) => growthApi.plans(signal) });
  const checkout = useMutation({
    mutationFn: (plan: PremiumPlanView) => growthApi.checkout(plan.id),
    onSuccess: ({ checkoutUrl }) => goToProviderPage(checkoutUrl, navigate),
  });
  const portal = useMutation({
    mutationFn: () => growthApi.portal(),
    onSuccess: ({ url }) => goToProviderPage(url, navigate),
  });
  const error = checkout.error ?? portal.error;
  return (
    <Stack gap="lg">
      <PageHeader title="Premium" lead="No ads, a credit allowance every period, and premium-only tools." />
      {params.get('paid') === '1' && premium ? (
        <Alert color="teal" role="status" title="Thank you!">
          Your payment went through and premium is active.
        </Alert>
      ) : null}
      <Alert color={premium ? 'grape' : 'gray'} role="status" data-testid="premium-status">
        {premium && until ? (
          <>
            Premium is active until <time dateTime={until.toISOString()}>{day.format(until)}</time>. Subscribing again
            extends it.
          </>
        ) : (
          'You are on the free plan: earn credits by watching ads, or go premium.'
        )}
      </Alert>
      {premium ? (
        <Group>
          <Button variant="default" onClick={() => portal.mutate()} loading={portal.isPending}>
            Manage subscription
          </Button>
        </Group>
      ) : null}
      {error ? (
        <Alert color="red" role="alert">
          {paymentErrorMessage(error)}
        </Alert>
      ) : null}
      {plans.isPending ? (
        <Loader role="status" size="sm" aria-label="Loading the plans" />
      ) : plans.isError ? (
        <Alert color="red" role="alert">
          {plans.error.message}
        </Alert>
      ) : plans.data.length === 0 ? (
        <Text c="dimmed">No plans are on sale right now.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {plans.data.map((plan) => (
            <PlanCard
              key={plan.id}
              plan={plan}
              premium={premium}
              busy={checkout.isPending && checkout.variables?.id === plan.id}
              onSubscribe={(p) => checkout.mutate(p)}
            />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
