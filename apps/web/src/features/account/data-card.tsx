import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { FormError } from '../../components/form-error';
import { SectionCard } from '../../components/section-card';
import { useApiSubmit } from '../../components/use-api-submit';
import { validatePresent } from '../auth/auth-validation';
import { useAuth } from '../auth/use-auth';
import { accountApi } from './account-api';

/** Saves a JSON document in the browser's downloads. */
function download(data: unknown, filename: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  a.click();
  URL.revokeObjectURL(url);
}

/** Your data: download everything the platform holds about you, or erase the account. */
export function DataCard() {
  const { logout } = useAuth();
  const navigate = useNavigate();
  const [confirmOpened, confirm] = useDisclosure(false);
  const form = useForm({ initialValues: { password: '' }, validate: { password: validatePresent('password') } });
  const exportData = useMutation({
    mutationFn: accountApi.exportData,
    onSuccess: (data) => download(data, `megicai-export-${new Date().toISOString().slice(0, 10)}.json`),
  });

  const { submit: erase, formError } = useApiSubmit(form, async ({ password }) => {
    await accountApi.deleteAccount(password);
    confirm.close();
    await logout();
    notifications.show({ color: 'teal', title: 'Account deleted', message: 'Your personal data was erased.' });
    navigate('/', { replace: true });
  });

  return (
    <SectionCard
      id="account-data"
      title="Your data"
      lead="Download everything we hold about you as JSON: profile, credit history, jobs with their prompts and outputs, templates, ratings, API keys and ad sessions."
    >
      <Group>
        <Button variant="default" loading={exportData.isPending} onClick={() => exportData.mutate()}>
          Download my data
        </Button>
        {exportData.isError ? (
          <Text size="sm" c="red" role="alert">
            The export failed. Please try again.
          </Text>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed">
        Deleting the account erases your email, name, prompts, outputs and templates and signs you out everywhere. It
        cannot be undone.
      </Text>
      <Group>
        <Button color="red" variant="light" onClick={confirm.open}>
          Delete my account
        </Button>
      </Group>
      <Modal opened={confirmOpened} onClose={confirm.close} title="Delete your account?">
        <form onSubmit={erase} noValidate aria-label="Delete account">
          <Stack gap="sm">
            <Text size="sm">Enter your password to confirm. Your personal data is erased at once.</Text>
            <FormError message={formError} />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              data-autofocus
              {...form.getInputProps('password')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={confirm.close}>
                Cancel
              </Button>
              <Button type="submit" color="red" loading={form.submitting}>
                Delete my account
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </SectionCard>
  );
}
