import { useQuery } from '@tanstack/react-query';
import type { SpendLimitsUpdate, SpendLimitsView } from '@megicai/contracts';
import { api } from '../../api';
import { useHasSession } from '../auth/use-session';

/** Under `credits`: anything that moves credits invalidates `['credits']`, and so the spend shown here. */
export const limitsKeys = { limits: ['credits', 'limits'] as const };

export const limitsApi = {
  get: (signal?: AbortSignal) => api.get<SpendLimitsView>('/me/limits', { signal }),
  set: (body: SpendLimitsUpdate) => api.put<SpendLimitsView>('/me/limits', body),
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
