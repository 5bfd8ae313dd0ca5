import { useState } from 'react';
import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link } from 'react-router';
import { FormError } from '../components/form-error';
import { useApiSubmit } from '../components/use-api-submit';
import { usePageTitle } from '../components/use-page-title';
import { accountApi } from '../features/account/account-api';
import { AuthCard } from '../features/auth/auth-card';
import { validateEmail } from '../features/auth/auth-validation';

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  usePageTitle('Forgot password');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({ initialValues: { email: '' }, validate: { email: validateEmail } });
  const { submit, formError } = useApiSubmit(form, async ({ email }) => {
    await accountApi.forgotPassword(email.trim());
    setSentTo(email.trim());
  });

  return (
    <AuthCard
      title="Forgot password"
      subtitle={
        <>
          Remembered it?{' '}
          <Anchor component={Link} to="/login">
            Log in
          </Anchor>
        </>
      }
    >
      {sentTo ? (
        <Alert color="teal" variant="light" role="status" title="Check your mailbox">
          If an account exists for {sentTo}, we sent it a link to choose a new password. The link works once, for one
          hour.
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Forgot password">
          <Stack>
            <FormError message={formError} />
            <TextInput label="Email" type="email" autoComplete="username" required {...form.getInputProps('email')} />
            <Button type="submit" loading={form.submitting} fullWidth>
              Send me a reset link
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
