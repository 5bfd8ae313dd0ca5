import type { Schema } from '@megicai/sdk';
import { anonymous, data, megicai } from './megicai';
import { tokenStore } from './token-store';

export type UserView = Schema<'UserDto'>;
export type AuthResponse = Schema<'AuthResponseDto'>;
export type LoginRequest = Schema<'LoginDto'>;
export type RegisterRequest = Schema<'RegisterDto'>;

/** The Auth rows of api-v1.md. Login and register store the new tokens; logout drops them whatever happens. */
export const authApi = {
  async register(body: RegisterRequest): Promise<AuthResponse> {
    const res = await data(anonymous.POST('/api/v1/auth/register', { body }));
    tokenStore.setTokens(res);
    return res;
  },

  async login(body: LoginRequest): Promise<AuthResponse> {
    const res = await data(anonymous.POST('/api/v1/auth/login', { body }));
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
      if (refreshToken) await anonymous.POST('/api/v1/auth/logout', { body: { refreshToken }, headers });
    } finally {
      tokenStore.clear();
    }
  },

  me: (signal?: AbortSignal): Promise<UserView> => data(megicai.GET('/api/v1/me', { signal })),
};
