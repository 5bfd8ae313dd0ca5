import { useState } from 'react';
import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type DailyRewardResult, ProblemCode } from '@megicai/contracts';
import { isApiError, problemMessage } from '../../api';
import { formatCredits } from '../../components/format-credits';
import { afterCreditChange, creditsApi } from './credits-api';

/** Once per UTC day; the reward grows with the streak of consecutive days. */
export function DailyRewardCard() {
  const queryClient = useQueryClient();
  const [key] = useState(() => crypto.randomUUID());
  const [result, setResult] = useState<DailyRewardResult | null>(null);
  const claim = useMutation({
    // One key per page visit: a double click or a retry after a dropped answer pays once.
    mutationFn: () => creditsApi.claimDailyReward(key),
    onSuccess: async (data) => {
      setResult(data);
      await afterCreditChange(queryClient);
    },
  });
  const error = claim.error;
  const claimed = isApiError(error) && error.code === ProblemCode.AlreadyClaimed;
  const message = !error
    ? null
    : claimed
      ? 'You already claimed today’s reward. Come back after midnight UTC to keep your streak.'
      : problemMessage(error);
  return (
    <Card withBorder radius="md" padding="md" h="100%">
      <Stack gap="sm">
        <Title order={2} size="h3">
          Daily reward
        </Title>
        <Text size="sm" c="dimmed">
          Claim once a day. Come back on consecutive days and the reward grows with your streak.
        </Text>
        {result ? (
          <Alert color="teal" role="status" data-testid="daily-reward-result">
            You got {formatCredits(result.granted)}. Streak: {result.streak} {result.streak === 1 ? 'day' : 'days'}.
          </Alert>
        ) : null}
        {message ? (
          <Alert color={claimed ? 'yellow' : 'red'} role="alert" data-testid="daily-reward-error">
            {message}
          </Alert>
        ) : null}
        <Button onClick={() => claim.mutate()} loading={claim.isPending} disabled={Boolean(result)}>
          {result ? 'Claimed today' : 'Claim daily reward'}
        </Button>
      </Stack>
    </Card>
  );
}
