import { useState } from 'react';
import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { applyApiErrors } from '../../components/api-form-errors';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/use-page-title';
import { AuthCard } from './auth-card';
import { validateEmail, validatePresent } from './auth-validation';
import { safeNext } from './safe-next';
import { useAuth } from './use-auth';

export function LoginPage() {
  usePageTitle('Log in');
  const { login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: { email: validateEmail, password: validatePresent('password') },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await login({ email: values.email.trim(), password: values.password });
      navigate(next, { replace: true });
    } catch (error) {
      setFormError(applyApiErrors(form, error));
    }
  });

  const registerLink = next === '/' ? '/register' : `/register?next=${encodeURIComponent(next)}`;
  return (
    <AuthCard
      title="Log in"
      subtitle={
        <>
          New to MegicAI?{' '}
          <Anchor component={Link} to={registerLink}>
            Create an account
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate aria-label="Log in">
        <Stack>
          <FormError message={formError} />
          <TextInput label="Email" type="email" autoComplete="username" required {...form.getInputProps('email')} />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={form.submitting} fullWidth>
            Log in
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm">
            Forgot password?
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
