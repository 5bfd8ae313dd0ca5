import { useState } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../api';
import { FormError } from '../components/form-error';
import { useApiSubmit } from '../components/use-api-submit';
import { usePageTitle } from '../components/use-page-title';
import { accountApi } from '../features/account/account-api';
import { AuthCard } from '../features/auth/auth-card';
import { validateNewPassword } from '../features/auth/auth-validation';

/** The page the reset mail links to: `/reset-password?token=…`. A reset signs out every session. */
export function ResetPasswordPage() {
  usePageTitle('Choose a new password');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState(false);
  const [badLink, setBadLink] = useState(!token);
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: {
      password: validateNewPassword,
      confirm: (value, values) => (value === values.password ? null : 'The passwords do not match'),
    },
  });

  const { submit, formError } = useApiSubmit(form, async ({ password }) => {
    try {
      await accountApi.resetPassword(token, password);
      setDone(true);
    } catch (error) {
      if (!isApiError(error) || error.code !== 'invalid_token') throw error;
      setBadLink(true);
    }
  });

  let body;
  if (done) {
    body = (
      <Alert color="teal" variant="light" role="status" title="Password changed">
        Your new password is set and every session was signed out.{' '}
        <Anchor component={Link} to="/login">
          Log in
        </Anchor>
      </Alert>
    );
  } else if (badLink) {
    body = (
      <Alert color="red" variant="light" role="alert" title="This link does not work">
        It is invalid, expired (links last one hour) or was already used.{' '}
        <Anchor component={Link} to="/forgot-password">
          Ask for a new link
        </Anchor>
      </Alert>
    );
  } else {
    body = (
      <form onSubmit={submit} noValidate aria-label="Choose a new password">
        <Stack>
          <FormError message={formError} />
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label="Repeat the new password"
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          <Button type="submit" loading={form.submitting} fullWidth>
            Set the new password
          </Button>
        </Stack>
      </form>
    );
  }
  return <AuthCard title="Choose a new password">{body}</AuthCard>;
}
