import { useState } from 'react';
import { Alert, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { formatCredits } from '../../components/format-credits';
import { formatPackPrice, goToProviderPage, paymentErrorMessage } from '../growth/growth-api';
import { creditsApi, creditsKeys } from './credits-api';

/** Credit packs for sale; buying one opens the payment provider's checkout, the paid checkout grants the credits. */
export function BuyCreditsCard({ purchased }: { purchased: boolean }) {
  const navigate = useNavigate();
  // One key per page visit: a double click opens one checkout.
  const [visit] = useState(() => crypto.randomUUID());
  const packs = useQuery({ queryKey: creditsKeys.packs, queryFn: ({ signal }) => creditsApi.packs(signal) });
  const buy = useMutation({
    mutationFn: (packId: string) => creditsApi.checkoutPack(packId, `${visit}:${packId}`),
    onSuccess: ({ checkoutUrl }) => goToProviderPage(checkoutUrl, navigate),
  });
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="buy-credits-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="buy-credits-title">
          Buy credits
        </Title>
        <Text size="sm" c="dimmed">
          No time for ads? Credits never expire; bigger packs give more per dollar.
        </Text>
        {purchased ? (
          <Alert color="teal" role="status" data-testid="purchase-done">
            Thank you! Your credits are on your balance.
          </Alert>
        ) : null}
        {buy.isError ? (
          <Alert color="red" role="alert">
            {paymentErrorMessage(buy.error)}
          </Alert>
        ) : null}
        {packs.isPending ? (
          <Loader role="status" size="sm" aria-label="Loading the credit packs" />
        ) : packs.isError ? (
          <Alert color="red" role="alert">
            {packs.error.message}
          </Alert>
        ) : packs.data.length === 0 ? (
          <Text c="dimmed">No credit packs are on sale right now.</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {packs.data.map((pack) => (
              <Card key={pack.id} withBorder radius="sm" padding="sm" data-testid="credit-pack">
                <Stack gap={6}>
                  <Text fw={700}>{formatCredits(pack.credits)}</Text>
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="lg">{formatPackPrice(pack)}</Text>
                    <Button
                      size="xs"
                      onClick={() => buy.mutate(pack.id)}
                      loading={buy.isPending && buy.variables === pack.id}
                      aria-label={`Buy ${formatCredits(pack.credits)} for ${formatPackPrice(pack)}`}
                    >
                      Buy
                    </Button>
                  </Group>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Card>
  );
}
