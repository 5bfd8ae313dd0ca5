import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { UserView } from '../../api/auth-api';
import { authApi } from '../../api/auth-api';
import { useHasSession } from './use-session';

/** The query key of `GET /me`. Anything that moves credits invalidates it, so the header balance follows. */
export const ME_QUERY_KEY = ['me'] as const;

/** The signed-in user (with `balance`) from `GET /api/v1/me`; idle while nobody is signed in. */
export function useMe() {
  const hasSession = useHasSession();
  return useQuery<UserView>({
    queryKey: ME_QUERY_KEY,
    queryFn: ({ signal }) => authApi.me(signal),
    enabled: hasSession,
    staleTime: 30_000,
  });
}

/** Re-read `/me` (and so the balance in the header), e.g. after a run, an ad reward or a daily claim. */
export function refreshMe(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
}
