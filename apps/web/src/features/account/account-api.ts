import type { QueryClient } from '@tanstack/react-query';
import { anonymous, data, megicai } from '../../api';
import type { UserView } from '../../api/auth-api';
import { ME_QUERY_KEY } from '../auth/use-me';

/** The account rows of api-v1.md (Auth): mailed links, profile, password, sessions, export and erasure. */
export const accountApi = {
  forgotPassword: (email: string) => data(anonymous.POST('/api/v1/auth/password/forgot', { body: { email } })),
  resetPassword: (token: string, password: string) =>
    data(anonymous.POST('/api/v1/auth/password/reset', { body: { token, password } })),
  verifyEmail: (token: string) => data(anonymous.POST('/api/v1/auth/email/verify', { body: { token } })),
  resendVerification: () => data(megicai.POST('/api/v1/auth/email/resend')),
  updateProfile: (displayName: string) => data(megicai.PATCH('/api/v1/me', { body: { displayName } })),
  changePassword: (currentPassword: string, newPassword: string) =>
    data(megicai.POST('/api/v1/me/password', { body: { currentPassword, newPassword } })),
  signOutOthers: () => data(megicai.POST('/api/v1/me/sessions/sign-out-others')),
  exportData: () => data(megicai.GET('/api/v1/me/export')),
  // DELETE with a body: the password confirms the erasure.
  deleteAccount: (password: string) => data(megicai.DELETE('/api/v1/me', { body: { password } })),
};

/** A profile answer from the API replaces the cached `/me` (header, banner and cards follow). */
export function setMe(queryClient: QueryClient, user: UserView): void {
  queryClient.setQueryData(ME_QUERY_KEY, user);
}
