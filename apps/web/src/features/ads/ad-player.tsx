import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { Schema } from '@megicai/sdk';
import type { AdCompleteResult, AdSessionView } from './ads-api';
import { formatCredits } from '../../components/format-credits';
import { adsApi } from './ads-api';
import { playGamRewarded } from './gam-rewarded';
import { currentItem, HouseCreative } from './house-creative';
import { problemMessage } from '../../api';
import { noAdMessage, useAdClaim } from './use-ad-claim';
import { useVisibleCountdown } from './use-visible-countdown';

interface StepProps {
  session: AdSessionView;
  onEarned: (r: AdCompleteResult) => void;
  onEnd: () => void;
}

/** Records what a network did; analytics only, so a failure never stops the ad. */
function report(
  session: AdSessionView,
  network: AdSessionView['creative']['network'],
  filled: boolean,
  creativeId?: string,
): Promise<void> {
  return adsApi
    .impression(session.sessionId, { network, filled, ...(creativeId ? { creativeId } : {}) })
    .catch(() => {});
}

/**
 * Plays one issued session down its waterfall: each network in turn (GPT's rewarded slot, then the house network),
 * moving on when one has no ad, so that the user always gets an ad or a clear "no ad available now".
 */
export function AdPlayer({ session, onEarned, onEnd }: StepProps) {
  const waterfall = session.waterfall?.length ? session.waterfall : [session.creative];
  const [step, setStep] = useState(0);
  const creative = waterfall[step];
  return (
    <Stack gap="sm" data-testid="ad-player" data-session={session.sessionId} data-network={creative?.network}>
      {!creative ? (
        <Group justify="space-between">
          <Alert color="yellow" role="alert" data-testid="ad-unavailable">
            {noAdMessage()}
          </Alert>
          <Button variant="subtle" onClick={onEnd}>
            Close
          </Button>
        </Group>
      ) : creative.network === 'google-ad-manager' ? (
        <GamStep
          key={step}
          session={session}
          creative={creative}
          onEarned={onEarned}
          onEnd={onEnd}
          next={() => setStep(step + 1)}
        />
      ) : (
        <HouseStep key={step} session={session} creative={creative} onEarned={onEarned} onEnd={onEnd} />
      )}
    </Stack>
  );
}

/** GPT's rewarded ad: granted → claim (the server's clock still decides); closed before → nothing; no ad → next. */
function GamStep({
  session,
  creative,
  onEarned,
  onEnd,
  next,
}: StepProps & { creative: Schema<'GamCreativeDto'>; next: () => void }) {
  const [state, setState] = useState<'loading' | 'playing' | 'granted' | 'closed'>('loading');
  const { claim, claimWhenReady } = useAdClaim(session, onEarned);
  const started = useRef(false);
  const filledReport = useRef<Promise<void>>(Promise.resolve());
  const claimRef = useRef(claimWhenReady);
  useEffect(() => {
    claimRef.current = claimWhenReady;
  });
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void playGamRewarded(creative, {
      onFilled: () => {
        setState('playing');
        filledReport.current = report(session, 'google-ad-manager', true);
      },
      onGranted: () => {
        setState('granted');
        // After the fill is recorded: it is what tells the server that no house creative was owed a `seen`.
        void filledReport.current.then(() => claimRef.current());
      },
    }).then((result) => {
      if (!result.filled) {
        void report(session, 'google-ad-manager', false);
        next();
      } else if (!result.granted) setState('closed');
    });
  }, [creative, session, next]);
  return (
    <Stack gap="xs" data-testid="ad-gam" data-state={state}>
      <Text size="sm" aria-live="polite">
        {state === 'loading'
          ? 'Loading the ad…'
          : state === 'playing'
            ? 'The ad is playing in its own window…'
            : state === 'granted'
              ? claim.isSuccess
                ? 'Done.'
                : 'Reward earned: claiming your credits…'
              : 'The ad was closed before the reward: no credits this time.'}
      </Text>
      {claim.isError && !claim.isPending ? (
        <Alert color="yellow" role="alert" data-testid="ad-error">
          {problemMessage(claim.error)}
        </Alert>
      ) : null}
      {state === 'closed' ? (
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onEnd}>
            Close
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/** The house chain: a countdown that pauses while the tab is hidden, interactive creatives' `seen`, then Claim. */
function HouseStep({ session, creative, onEarned, onEnd }: StepProps & { creative: Schema<'HouseCreativeDto'> }) {
  const countdown = useVisibleCountdown(session.requiredSeconds, true);
  const { claim } = useAdClaim(session, onEarned, countdown.extend);
  const [engaged, setEngaged] = useState(session.engaged);
  const reporting = useRef(false);
  useEffect(() => void report(session, 'house', true, creative.items[0]?.id), [session, creative]);
  const onSeen = () => {
    if (reporting.current || engaged) return;
    reporting.current = true;
    adsApi
      .engaged(session.sessionId)
      .then(() => setEngaged(true))
      .catch(() => (reporting.current = false));
  };
  const finished = claim.isSuccess;
  const waiting = session.needsEngagement && !engaged;
  const item = currentItem(creative.items, countdown.watched);
  return (
    <>
      {item ? <HouseCreative item={item} onSeen={onSeen} /> : null}
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
              : !countdown.done
                ? `${countdown.remaining} s left`
                : waiting
                  ? 'Keep the ad on screen a moment…'
                  : 'You can claim your credits now.'}
        </Text>
        <Group gap="xs">
          {!finished ? (
            <Button variant="subtle" onClick={onEnd} disabled={claim.isPending}>
              Stop
            </Button>
          ) : null}
          <Button
            onClick={() => claim.mutate()}
            disabled={!countdown.done || waiting || finished}
            loading={claim.isPending}
          >
            Claim {formatCredits(session.credits)}
          </Button>
        </Group>
      </Group>
      {claim.isError ? (
        <Alert color="yellow" role="alert" data-testid="ad-error">
          {problemMessage(claim.error)}
        </Alert>
      ) : null}
    </>
  );
}
