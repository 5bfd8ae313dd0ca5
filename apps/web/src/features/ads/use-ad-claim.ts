import { useEffect, useRef } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdCompleteResult, AdSessionView } from '@megicai/contracts';
import { isApiError } from '../../api';
import { afterCreditChange } from '../credits/credits-api';
import { adsApi } from './ads-api';

/** "No ad available now, try again in N minutes": what the waterfall says when every network came back empty. */
export function noAdMessage(minutes = 5): string {
  return `No ad available now, try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

/** A clear sentence for each way a start or a claim can be refused (by problem code). */
export function claimErrorMessage(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong. Please try again.';
  switch (error.code) {
    case 'ad_too_early':
      return `Too early: the ad needs ${Number(error.problem.remainingSeconds ?? 0)} more seconds before you can claim.`;
    case 'ad_not_engaged':
      return 'The ad has not been seen yet: keep it on screen in a visible tab, then claim.';
    case 'ad_session_expired':
    case 'gone':
      return 'This ad expired before it was claimed. Start a new one to earn credits.';
    case 'already_claimed':
    case 'conflict':
      return 'This ad was already claimed (or replaced by a newer one).';
    case 'ad_not_available':
      return noAdMessage(Math.max(1, Math.ceil(Number(error.problem.retryAfter ?? 300) / 60)));
    case 'ad_daily_cap_reached':
    case 'rate_limited':
      return error.detail || 'Daily cap reached for this ad. Come back tomorrow.';
    default:
      return error.detail || error.message;
  }
}

/**
 * Claims a session once. `claimWhenReady` (GAM's grant) claims at once and, if the server's clock says it is too
 * early, again when it says so: the server times every session, whichever network played it.
 */
export function useAdClaim(
  session: AdSessionView,
  onEarned: (r: AdCompleteResult) => void,
  onTooEarly?: (s: number) => void,
) {
  const queryClient = useQueryClient();
  const retry = useRef<number | null>(null);
  const claim = useMutation({
    mutationFn: () => adsApi.complete(session.sessionId, `ad-complete-${session.sessionId}`),
    onSuccess: async (result) => {
      await afterCreditChange(queryClient);
      onEarned(result);
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'ad_too_early') onTooEarly?.(Number(error.problem.remainingSeconds ?? 1));
    },
  });
  useEffect(() => () => void (retry.current !== null && window.clearTimeout(retry.current)), []);
  const claimWhenReady = () =>
    claim.mutate(undefined, {
      onError: (error) => {
        if (!isApiError(error) || error.code !== 'ad_too_early') return;
        const wait = Math.max(1, Number(error.problem.remainingSeconds ?? 1)) * 1000;
        retry.current = window.setTimeout(claimWhenReady, wait);
      },
    });
  return { claim, claimWhenReady };
}
