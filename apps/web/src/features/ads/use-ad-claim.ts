import { useEffect, useRef } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ProblemCode } from '@megicai/contracts';
import type { AdCompleteResult, AdSessionView } from './ads-api';
import { isApiError } from '../../api';
import { afterCreditChange } from '../credits/credits-api';
import { adsApi } from './ads-api';

/** "No ad available now, try again in N minutes": what the waterfall says when every network came back empty. */
export function noAdMessage(minutes = 5): string {
  return `No ad available now, try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
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
      if (isApiError(error) && error.code === ProblemCode.AdTooEarly)
        onTooEarly?.(Number(error.problem.remainingSeconds ?? 1));
    },
  });
  useEffect(() => () => void (retry.current !== null && window.clearTimeout(retry.current)), []);
  const claimWhenReady = () =>
    claim.mutate(undefined, {
      onError: (error) => {
        if (!isApiError(error) || error.code !== ProblemCode.AdTooEarly) return;
        const wait = Math.max(1, Number(error.problem.remainingSeconds ?? 1)) * 1000;
        retry.current = window.setTimeout(claimWhenReady, wait);
      },
    });
  return { claim, claimWhenReady };
}
