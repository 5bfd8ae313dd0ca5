import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api';

/** A 4xx will answer the same on a retry (and a 401 was already refreshed once by the client): don't retry it. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000 },
      mutations: { retry: false },
    },
  });
}
