import { Alert, Button, Stack } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { PageHeader } from '../components/page-header';

/** What a route shows when its component throws (or a lazy chunk fails to load after a deploy). */
export function RouteErrorPage() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <Stack align="flex-start">
      <PageHeader title="Something went wrong" />
      <Alert color="red" role="alert" title="This page failed to load">
        {detail}
      </Alert>
      <Button onClick={() => window.location.reload()}>Reload the page</Button>
    </Stack>
  );
}
