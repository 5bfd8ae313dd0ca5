import { useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Loader, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../api';
import { usePageTitle } from '../components/use-page-title';
import { accountApi } from '../features/account/account-api';
import { AuthCard } from '../features/auth/auth-card';
import { refreshMe } from '../features/auth/use-me';
import { useAuth } from '../features/auth/use-auth';

type State = 'working' | 'verified' | 'invalid' | 'failed';

/** The page the verification mail links to: spends `?token=` once, signed in or not. */
export function VerifyEmailPage() {
  usePageTitle('Verify your email');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const queryClient = useQueryClient();
  const { status } = useAuth();
  const [state, setState] = useState<State>(token ? 'working' : 'invalid');
  // React's development double effect must not spend the single-use token twice (the second would say "invalid").
  const sent = useRef(false);

  useEffect(() => {
    // Wait until the session (if any) has loaded `/me`: a profile read still in flight could otherwise land after
    // the verification and show the address as unverified again.
    if (!token || sent.current || status === 'loading') return;
    sent.current = true;
    accountApi
      .verifyEmail(token)
      .then(async () => {
        setState('verified');
        await refreshMe(queryClient);
      })
      .catch((error: unknown) => setState(isApiError(error) && error.code === 'invalid_token' ? 'invalid' : 'failed'));
  }, [token, queryClient, status]);

  const next =
    status === 'authenticated' ? { to: '/tools', label: 'Go to the tools' } : { to: '/login', label: 'Log in' };
  return (
    <AuthCard title="Verify your email">
      {state === 'working' ? (
        <Stack align="center" role="status">
          <Loader role="status" aria-label="Verifying" />
          <Text>Verifying your address…</Text>
        </Stack>
      ) : null}
      {state === 'verified' ? (
        <Alert color="teal" variant="light" role="status" title="Email verified">
          Thank you, your address is confirmed.{' '}
          <Anchor component={Link} to={next.to}>
            {next.label}
          </Anchor>
        </Alert>
      ) : null}
      {state === 'invalid' ? (
        <Alert color="red" variant="light" role="alert" title="This link does not work">
          It is invalid, expired (links last 24 hours) or was already used. Signed in, you can ask for a new one from
          the banner at the top of the page.
        </Alert>
      ) : null}
      {state === 'failed' ? (
        <Alert color="red" variant="light" role="alert" title="Something went wrong">
          Please reload the page to try again.
        </Alert>
      ) : null}
    </AuthCard>
  );
}
