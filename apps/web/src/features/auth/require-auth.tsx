import { Alert, Button, Center, Loader, Stack, Title } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '@megicai/contracts';
import { usePageTitle } from '../../components/use-page-title';
import { useAuth } from './use-auth';
import { useMe } from './use-me';

/**
 * Route guard: renders the child routes for a signed-in user (with `role`, if given), sends everyone else to
 * /login with the page they wanted in `?next=`, so that they come back to it after logging in.
 */
export function RequireAuth({ role }: { role?: Role }) {
  const { status, user } = useAuth();
  const me = useMe();
  const location = useLocation();

  if (status === 'anonymous') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (status === 'loading') {
    if (me.isError) return <SessionError onRetry={() => void me.refetch()} />;
    return (
      <Center py="xl">
        <Loader role="status" aria-label="Loading your account" />
      </Center>
    );
  }
  if (role && user?.role !== role) return <Forbidden />;
  return <Outlet />;
}

function SessionError({ onRetry }: { onRetry: () => void }) {
  return (
    <Alert color="red" title="Could not load your account" role="alert">
      <Stack gap="sm" align="flex-start">
        The server did not answer as expected. Try again in a moment.
        <Button variant="light" onClick={onRetry}>
          Try again
        </Button>
      </Stack>
    </Alert>
  );
}

function Forbidden() {
  usePageTitle('Not allowed');
  return (
    <Stack>
      <Title order={1}>Not allowed</Title>
      <Alert color="yellow">This page is for administrators.</Alert>
    </Stack>
  );
}
