import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type AdCompleteResult, type AdSessionView, ProblemCode } from '@megicai/contracts';
import { isApiError, problemMessage } from '../../api';
import { formatCredits } from '../../components/format-credits';
import { afterCreditChange } from '../credits/credits-api';
import { adsApi } from './ads-api';
import { playGamRewarded } from './gam-rewarded';
import { currentItem, HouseCreative } from './house-creative';
import { useVisibleCountdown } from './use-visible-countdown';

/**
 * Plays one issued session: the creative, a countdown and progress bar that pause while the tab is hidden, then Claim.
 * Google Ad Manager sessions play GPT's rewarded ad instead and claim on `rewardedSlotGranted`.
 */
export function AdPlayer({
  session,
  onEarned,
  onEnd,
}: {
  session: AdSessionView;
  onEarned: (r: AdCompleteResult) => void;
  onEnd: () => void;
}) {
  const queryClient = useQueryClient();
  const isGam = session.creative.network === 'google-ad-manager';
  const [gamState, setGamState] = useState<'playing' | 'granted' | 'closed'>('playing');
  const gamStarted = useRef(false);
  const countdown = useVisibleCountdown(session.requiredSeconds, !isGam || gamState === 'granted');
  const claim = useMutation({
    mutationFn: () => adsApi.complete(session.sessionId, `ad-complete-${session.sessionId}`),
    onSuccess: async (result) => {
      await afterCreditChange(queryClient);
      onEarned(result);
    },
    onError: (error) => {
      if (isApiError(error) && error.code === ProblemCode.AdTooEarly)
        countdown.extend(Number(error.problem.remainingSeconds ?? 1));
    },
  });

  useEffect(() => {
    if (gamStarted.current || session.creative.network !== 'google-ad-manager') return;
    gamStarted.current = true;
    void playGamRewarded(session.creative.adUnitPath)
      .then((granted) => setGamState(granted ? 'granted' : 'closed'))
      .catch(() => setGamState('closed'));
  }, [session.creative]);

  const finished = claim.isSuccess;
  const item =
    session.creative.network === 'house' ? currentItem(session.creative.items, countdown.watched) : undefined;
  return (
    <Stack gap="sm" data-testid="ad-player" data-session={session.sessionId}>
      {item ? <HouseCreative item={item} /> : null}
      {isGam && gamState === 'playing' ? <Text size="sm">The ad is playing in its own window…</Text> : null}
      {isGam && gamState === 'closed' ? (
        <Alert color="yellow" role="alert">
          The ad was closed before the reward, or none was available. Try again later.
        </Alert>
      ) : null}
      <Progress
        value={countdown.progress}
        aria-label="Ad progress"
        aria-valuetext={`${countdown.remaining} seconds left`}
        animated={!countdown.done && !countdown.paused}
      />
      <Group justify="space-between">
        <Text size="sm" aria-live="polite" data-testid="ad-countdown">
          {finished
            ? 'Done.'
            : countdown.paused
              ? `Paused while this tab is hidden · ${countdown.remaining} s left`
              : countdown.done
                ? 'You can claim your credits now.'
                : `${countdown.remaining} s left`}
        </Text>
        <Group gap="xs">
          {!finished ? (
            <Button variant="subtle" onClick={onEnd} disabled={claim.isPending}>
              Stop
            </Button>
          ) : null}
          <Button onClick={() => claim.mutate()} disabled={!countdown.done || finished} loading={claim.isPending}>
            Claim {formatCredits(session.credits)}
          </Button>
        </Group>
      </Group>
      {claim.isError ? (
        <Alert
          color={isApiError(claim.error) && claim.error.code === ProblemCode.AdTooEarly ? 'yellow' : 'red'}
          role="alert"
          data-testid="ad-error"
        >
          {problemMessage(claim.error)}
        </Alert>
      ) : null}
    </Stack>
  );
}
