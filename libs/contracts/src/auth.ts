import type { ApiKeyScope, Role } from './enums';

export interface UserView {
  id: string;
  email: string;
  emailVerified: boolean;
  displayName: string;
  role: Role;
  balance: number;
  premiumUntil: string | null;
  referralCode: string;
  createdAt: string;
}

export interface AuthResponse {
  user: UserView;
  accessToken: string;
  refreshToken: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

export interface RegisterRequest {
  email: string;
  password: string;
  displayName?: string;
  referralCode?: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  lastUsedAt: string | null;
  createdAt: string;
}

export interface CreatedApiKey {
  id: string;
  name: string;
  key: string;
}

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
