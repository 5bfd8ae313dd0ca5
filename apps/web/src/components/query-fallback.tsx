import { Alert, Loader } from '@mantine/core';

interface QueryLike {
  isError: boolean;
  error: Error | null;
}

/**
 * What a panel shows while its query has no data: a labelled loader, or the error. Use as
 * `if (!q.isSuccess) return <QueryFallback query={q} label="Loading …" />;` so that `q.data` is narrowed below.
 */
export function QueryFallback({ query, label, errorTitle }: { query: QueryLike; label: string; errorTitle?: string }) {
  if (query.isError) {
    return (
      <Alert color="red" role="alert" title={errorTitle}>
        {query.error?.message}
      </Alert>
    );
  }
  return <Loader role="status" size="sm" aria-label={label} />;
}
