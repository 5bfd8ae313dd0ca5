import { useEffect, useState } from 'react';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { FormError } from '../../components/form-error';
import { SectionCard } from '../../components/section-card';
import { useApiSubmit } from '../../components/use-api-submit';
import { useAuth } from '../auth/use-auth';
import { accountApi, setMe } from './account-api';

/** The display name (what the marketplace and leaderboards show) and the address it belongs to. */
export function ProfileCard() {
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useForm({
    initialValues: { displayName: user?.displayName ?? '' },
    validate: {
      displayName: (v: string) => (v.trim().length >= 1 && v.trim().length <= 80 ? null : 'Use 1–80 characters'),
    },
  });
  const { setValues } = form;
  useEffect(() => {
    if (user) setValues({ displayName: user.displayName });
    // Only when another user signs in: typing must not be overwritten by a background refresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user?.id]);

  const { submit, formError } = useApiSubmit(form, async ({ displayName }) => {
    setSaved(false);
    setMe(queryClient, await accountApi.updateProfile(displayName.trim()));
    setSaved(true);
  });

  return (
    <SectionCard
      id="account-profile"
      title="Profile"
      lead={
        <>
          Signed in as <strong>{user?.email}</strong>
          {user?.emailVerified ? ' (verified)' : ' (not verified yet)'}
        </>
      }
    >
      <form onSubmit={submit} noValidate aria-label="Profile">
        <Stack gap="sm">
          <FormError message={formError} />
          <TextInput label="Display name" required maxLength={80} {...form.getInputProps('displayName')} />
          <Group gap="sm">
            <Button type="submit" loading={form.submitting}>
              Save profile
            </Button>
            {saved ? (
              <Text size="sm" c="teal" role="status">
                Saved
              </Text>
            ) : null}
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
