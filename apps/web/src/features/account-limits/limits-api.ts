import { useQuery } from '@tanstack/react-query';
import type { Schema } from '@megicai/sdk';
import { data, megicai } from '../../api';
import { useHasSession } from '../auth/use-session';

/** Under `credits`: anything that moves credits invalidates `['credits']`, and so the spend shown here. */
export const limitsKeys = { limits: ['credits', 'limits'] as const };

export type SpendLimitsView = Schema<'SpendLimitsDto'>;
export type SpendLimitsUpdate = Schema<'UpdateSpendLimitsDto'>;

export const limitsApi = {
  get: (signal?: AbortSignal) => data(megicai.GET('/api/v1/me/limits', { signal })),
  set: (body: SpendLimitsUpdate) => data(megicai.PUT('/api/v1/me/limits', { body })),
};

/** The caller's caps and what runs spent against them; idle while nobody is signed in. */
export function useSpendLimits() {
  const hasSession = useHasSession();
  return useQuery({
    queryKey: limitsKeys.limits,
    queryFn: ({ signal }) => limitsApi.get(signal),
    enabled: hasSession,
    staleTime: 15_000,
  });
}
