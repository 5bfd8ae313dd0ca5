import { Alert, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { ProblemCode } from '@megicai/contracts';
import { isApiError, problemMessage } from '../api';
import { PageHeader } from '../components/page-header';
import { formatCredits } from '../components/format-credits';
import { afterCreditChange } from '../features/credits/credits-api';
import { growthApi, growthKeys, formatPrice } from '../features/growth/growth-api';

/**
 * The offline demo provider's checkout page: nothing is charged. "Pay" asks the API to sign the same event a real
 * provider would send to the webhook, then returns to the premium page with premium active.
 */
export function PremiumCheckoutPage() {
  const { sessionId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useQuery({
    queryKey: growthKeys.checkout(sessionId),
    queryFn: ({ signal }) => growthApi.session(sessionId, signal),
  });
  const pay = useMutation({
    mutationFn: () => growthApi.payDemo(sessionId),
    onSuccess: async () => {
      await afterCreditChange(queryClient);
      await queryClient.invalidateQueries({ queryKey: growthKeys.checkout(sessionId) });
      void navigate('/premium?paid=1');
    },
  });
  return (
    <Stack gap="lg" maw={560}>
      <PageHeader title="Checkout" lead="Demo payment: no card, no money, nothing leaves this machine." />
      {session.isPending ? (
        <Loader size="sm" aria-label="Loading the checkout" />
      ) : session.isError ? (
        <Alert color="red" role="alert">
          {isApiError(session.error) && session.error.code === ProblemCode.NotFound
            ? 'This checkout does not exist.'
            : problemMessage(session.error)}
        </Alert>
      ) : (
        <Card withBorder radius="md" padding="lg">
          <Stack gap="sm">
            <Title order={2} size="h3">
              {session.data.plan.name}
            </Title>
            <Text size="xl" fw={700}>
              {formatPrice(session.data.plan)}
            </Text>
            <Text size="sm">
              Includes {formatCredits(session.data.plan.allowanceCredits)} and an ad-free {session.data.plan.interval}.
            </Text>
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
                This checkout is paid. <Link to="/premium">Back to premium</Link>
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
                    Pay {formatPrice(session.data.plan)}
                  </Button>
                  <Button component={Link} to="/premium" variant="subtle">
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
