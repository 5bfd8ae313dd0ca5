import { useState } from 'react';
import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PASSWORD_MAX, PASSWORD_MIN, ProblemCode } from '@megicai/contracts';
import type { RegisterRequest } from '../../api/auth-api';
import { isApiError } from '../../api/api-error';
import { problemMessage } from '../../api/problem-message';
import { applyApiErrors } from '../../components/api-form-errors';
import { FormError } from '../../components/form-error';
import { formatCredits } from '../../components/format-credits';
import { usePageTitle } from '../../components/use-page-title';
import { AuthCard } from './auth-card';
import { validateEmail, validateNewPassword } from './auth-validation';
import { safeNext } from './safe-next';
import { useAuth } from './use-auth';

export function RegisterPage() {
  usePageTitle('Create an account');
  const { register } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm({
    // A referral link is /register?ref=CODE: the code is filled in for the newcomer.
    initialValues: { email: '', password: '', displayName: '', referralCode: params.get('ref') ?? '' },
    validate: {
      email: validateEmail,
      password: validateNewPassword,
      displayName: (v) => (v.trim().length > 64 ? 'Use at most 64 characters' : null),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    const body: RegisterRequest = { email: values.email.trim(), password: values.password };
    // Optional fields are left out when empty: the API rejects what it does not expect, and '' is not a name.
    if (values.displayName.trim()) body.displayName = values.displayName.trim();
    if (values.referralCode.trim()) body.referralCode = values.referralCode.trim();
    try {
      const user = await register(body);
      notifications.show({
        color: 'teal',
        title: `Welcome, ${user.displayName || user.email}!`,
        message: `Your balance is ${formatCredits(user.balance)}. Watch an ad or claim the daily reward to earn more.`,
      });
      navigate(next, { replace: true });
    } catch (error) {
      // "Email already registered" comes without field errors; it belongs under the email input.
      if (isApiError(error) && error.code === ProblemCode.EmailTaken) {
        form.setFieldError('email', problemMessage(error));
        return;
      }
      setFormError(applyApiErrors(form, error));
    }
  });

  return (
    <AuthCard
      title="Create an account"
      subtitle={
        <>
          Already have one?{' '}
          <Anchor component={Link} to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`}>
            Log in
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate aria-label="Create an account">
        <Stack>
          <FormError message={formError} />
          <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordInput
            label="Password"
            description={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters`}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <TextInput
            label="Display name"
            description="Optional. Shown on your marketplace prompts and the leaderboard."
            autoComplete="nickname"
            {...form.getInputProps('displayName')}
          />
          <TextInput
            label="Referral code"
            description="Optional. From a friend's invite link."
            autoComplete="off"
            {...form.getInputProps('referralCode')}
          />
          <Button type="submit" loading={form.submitting} fullWidth>
            Create account
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
