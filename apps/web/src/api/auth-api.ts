import type { AuthResponse, LoginRequest, RegisterRequest, UserView } from '@megicai/contracts';
import { api } from './client';
import { tokenStore } from './token-store';

/** The Auth rows of api-v1.md. Login and register store the new tokens; logout drops them whatever happens. */
export const authApi = {
  async register(body: RegisterRequest): Promise<AuthResponse> {
    const res = await api.post<AuthResponse>('/auth/register', body, { auth: false });
    tokenStore.setTokens(res);
    return res;
  },

  async login(body: LoginRequest): Promise<AuthResponse> {
    const res = await api.post<AuthResponse>('/auth/login', body, { auth: false });
    tokenStore.setTokens(res);
    return res;
  },

  async logout(): Promise<void> {
    const refreshToken = tokenStore.getRefreshToken();
    try {
      // Best effort: even if the API is unreachable, this browser forgets the session.
      // The access token goes along if we have one, but no refresh dance: refreshing would spend the very token
      // we are about to revoke.
      const accessToken = tokenStore.getAccessToken();
      const headers: Record<string, string> = accessToken ? { Authorization: `Bearer ${accessToken}` } : {};
      if (refreshToken) await api.post<void>('/auth/logout', { refreshToken }, { auth: false, headers });
    } finally {
      tokenStore.clear();
    }
  },

  me(signal?: AbortSignal): Promise<UserView> {
    return api.get<UserView>('/me', { signal });
  },
};
