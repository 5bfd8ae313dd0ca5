import { useQuery } from '@tanstack/react-query';
import { marketplaceApi, marketplaceKeys } from './marketplace-api';

/** The tool catalog, for filters, labels and the editor's tool select. */
export function useTools() {
  return useQuery({
    queryKey: marketplaceKeys.tools,
    queryFn: ({ signal }) => marketplaceApi.tools(signal),
    staleTime: 5 * 60_000,
  });
}

export function useToolNames(): Map<string, string> {
  const { data } = useTools();
  return new Map((data ?? []).map((t) => [t.id, t.name]));
}
