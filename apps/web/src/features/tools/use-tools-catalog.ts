import { useQuery } from '@tanstack/react-query';
import { toolKeys, toolsApi } from './tools-api';

export function useToolsCatalog() {
  return useQuery({ queryKey: toolKeys.tools, queryFn: ({ signal }) => toolsApi.list(signal), staleTime: 5 * 60_000 });
}

export function useProviders() {
  return useQuery({
    queryKey: toolKeys.providers,
    queryFn: ({ signal }) => toolsApi.providers(signal),
    staleTime: 60_000,
  });
}
