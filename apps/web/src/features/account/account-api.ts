import type { UserView } from '@megicai/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../api';
import { ME_QUERY_KEY } from '../auth/use-me';

/** The account rows of api-v1.md (Auth): mailed links, profile, password, sessions, export and erasure. */
export const accountApi = {
  forgotPassword: (email: string) => api.post<void>('/auth/password/forgot', { email }, { auth: false }),
  resetPassword: (token: string, password: string) =>
    api.post<void>('/auth/password/reset', { token, password }, { auth: false }),
  verifyEmail: (token: string) => api.post<void>('/auth/email/verify', { token }, { auth: false }),
  resendVerification: () => api.post<void>('/auth/email/resend'),
  updateProfile: (displayName: string) => api.patch<UserView>('/me', { displayName }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/me/password', { currentPassword, newPassword }),
  signOutOthers: () => api.post<void>('/me/sessions/sign-out-others'),
  exportData: () => api.get<Record<string, unknown>>('/me/export'),
  // DELETE with a body: the password confirms the erasure (api.delete takes none).
  deleteAccount: (password: string) => apiRequest<void>('/me', { method: 'DELETE', body: { password } }),
};

/** A profile answer from the API replaces the cached `/me` (header, banner and cards follow). */
export function setMe(queryClient: QueryClient, user: UserView): void {
  queryClient.setQueryData(ME_QUERY_KEY, user);
}
