import { useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { isApiError } from '../../api';
import { useAuth } from '../auth/use-auth';
import { accountApi } from './account-api';

/** Shown to signed-in users whose address is not verified yet, with a way to get a new link. */
export function VerifyEmailBanner() {
  const { user } = useAuth();
  const [message, setMessage] = useState<string | null>(null);
  const resend = useMutation({
    mutationFn: accountApi.resendVerification,
    onSuccess: () => setMessage(`A new link is on its way to ${user?.email ?? 'your address'}.`),
    onError: (error) =>
      setMessage(
        isApiError(error) && error.code === 'rate_limited'
          ? 'A link was sent less than a minute ago: please check your mailbox first.'
          : 'The link could not be sent. Please try again later.',
      ),
  });
  if (!user || user.emailVerified) return null;
  return (
    // A region, not Mantine's default role="alert": it stays on every page and must not interrupt a screen reader.
    <Alert
      color="yellow"
      variant="light"
      mb="md"
      title="Please verify your email"
      role="region"
      aria-label="Email verification"
      // Mantine's yellow title on the light yellow background misses WCAG AA contrast: the body text colour passes.
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
      data-testid="verify-email-banner"
    >
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          We sent a link to <strong>{user.email}</strong>. Verifying it unlocks your referral bonus.
        </Text>
        <Button size="xs" variant="default" loading={resend.isPending} onClick={() => resend.mutate()}>
          Resend the link
        </Button>
      </Group>
      {message ? (
        <Text size="sm" mt="xs" role="status">
          {message}
        </Text>
      ) : null}
    </Alert>
  );
}
