import { useState } from 'react';
import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ProblemCode } from '@megicai/contracts';
import type { DailyRewardResult } from './credits-api';
import { isApiError, problemMessage } from '../../api';
import { formatCredits } from '../../components/format-credits';
import { afterCreditChange, creditsApi, creditsKeys } from './credits-api';

/** Once per UTC day; the reward grows with the streak of consecutive days. */
export function DailyRewardCard() {
  const queryClient = useQueryClient();
  const [key] = useState(() => crypto.randomUUID());
  const [result, setResult] = useState<DailyRewardResult | null>(null);
  // The summary says whether today's reward is already taken, so a reload does not offer it again.
  const summary = useQuery({ queryKey: creditsKeys.summary, queryFn: ({ signal }) => creditsApi.summary(signal) });
  const claimedToday = Boolean(result) || summary.data?.dailyRewardClaimedToday === true;
  const next = summary.data ? new Date(summary.data.nextDailyRewardAt) : null;
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
        {claimedToday && !result && next ? (
          <Text size="sm" data-testid="daily-reward-next">
            Claimed today. Your next reward is ready{' '}
            <time dateTime={next.toISOString()}>
              {next.toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' })}
            </time>
            .
          </Text>
        ) : null}
        {message ? (
          <Alert color={claimed ? 'yellow' : 'red'} role="alert" data-testid="daily-reward-error">
            {message}
          </Alert>
        ) : null}
        <Button onClick={() => claim.mutate()} loading={claim.isPending} disabled={claimedToday}>
          {claimedToday ? 'Claimed today' : 'Claim daily reward'}
        </Button>
      </Stack>
    </Card>
  );
}
