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

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  lastUsedAt: string | null;
  /** The key's own daily cap in credits (null = none), besides the owner's caps. */
  dailyCreditCap: number | null;
  /** Credits spent today (UTC) by runs made with this key, net of refunds. */
  spentToday: number;
  createdAt: string;
}

export interface CreateApiKeyRequest {
  name: string;
  scopes?: ApiKeyScope[];
  dailyCreditCap?: number | null;
}

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
