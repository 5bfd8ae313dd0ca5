import { useState } from 'react';
import { Button, Divider, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { FormError } from '../../components/form-error';
import { SectionCard } from '../../components/section-card';
import { useApiSubmit } from '../../components/use-api-submit';
import { validateNewPassword, validatePresent } from '../auth/auth-validation';
import { accountApi } from './account-api';

/** Change the password (which signs out every other session) or just sign out the other sessions. */
export function PasswordCard() {
  const [status, setStatus] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: { currentPassword: validatePresent('current password'), newPassword: validateNewPassword },
  });
  const signOut = useMutation({
    mutationFn: accountApi.signOutOthers,
    onSuccess: () => setStatus('Every other session was signed out.'),
    onError: () => setStatus('The other sessions could not be signed out. Please try again.'),
  });

  // `wrong_password` carries a field error for currentPassword, shown under that input.
  const { submit, formError } = useApiSubmit(form, async ({ currentPassword, newPassword }) => {
    setStatus(null);
    await accountApi.changePassword(currentPassword, newPassword);
    form.reset();
    setStatus('Password changed. Every other session was signed out.');
  });

  return (
    <SectionCard
      id="account-password"
      title="Password and sessions"
      lead="A new password signs out every other session; you stay signed in here."
    >
      <form onSubmit={submit} noValidate aria-label="Change password">
        <Stack gap="sm">
          <FormError message={formError} />
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <Group>
            <Button type="submit" loading={form.submitting}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
      <Divider />
      <Text size="sm" c="dimmed">
        Signed in on a shared or lost device? End every session except this one.
      </Text>
      <Group>
        <Button variant="default" loading={signOut.isPending} onClick={() => signOut.mutate()}>
          Sign out other sessions
        </Button>
      </Group>
      {status ? (
        <Text size="sm" role="status">
          {status}
        </Text>
      ) : null}
    </SectionCard>
  );
}
